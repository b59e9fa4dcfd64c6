import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';

const windowBytes = 64 * 1024;
/** Entry data is read in 1 MB pieces, as hashing-copy reads files. */
const pieceBytes = 1024 * 1024;

/**
 * A ZIP file as yauzl reads it, with its small sequential reads served from a
 * 64 KB window. yauzl reads a central directory in two small reads per entry,
 * each through a stream of its own: 100,000 entries took 47 s that way on a
 * busy machine. Reads that follow on from the last one refill the window;
 * any other read goes to the disk as asked. Entry data streams from the file.
 */
export class ZipFileReader extends yauzl.RandomAccessReader {
  private window = { start: 0, bytes: Buffer.alloc(0) };
  private lastEnd = -1;

  constructor(
    private readonly handle: FileHandle,
    private readonly fileSize: number,
  ) {
    super();
  }

  // Not handle.createReadStream: destroying one of those closes the handle, and yauzl destroys the
  // stream of an entry it stops reading (one that unpacks past its stated size, say).
  override _readStreamForRange(start: number, end: number): Readable {
    const { handle } = this;
    async function* pieces(): AsyncGenerator<Buffer> {
      for (let position = start; position < end;) {
        const length = Math.min(pieceBytes, end - position);
        const { bytesRead, buffer } = await handle.read(Buffer.alloc(length), 0, length, position);
        if (bytesRead === 0) throw new Error('unexpected EOF');
        yield buffer.subarray(0, bytesRead);
        position += bytesRead;
      }
    }
    return Readable.from(pieces(), { objectMode: false });
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (error: Error | null) => void,
  ): void {
    this.readAt(buffer, offset, length, position).then(
      () => callback(null),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  private async readAt(buffer: Buffer, offset: number, length: number, position: number): Promise<void> {
    const sequential = position === this.lastEnd;
    this.lastEnd = position + length;
    const { start, bytes } = this.window;
    if (position >= start && position + length <= start + bytes.length) {
      bytes.copy(buffer, offset, position - start, position - start + length);
      return;
    }
    if (sequential && length <= windowBytes) {
      const refill = Buffer.alloc(Math.min(windowBytes, Math.max(this.fileSize - position, 0)));
      const { bytesRead } = await this.handle.read(refill, 0, refill.length, position);
      this.window = { start: position, bytes: refill.subarray(0, bytesRead) };
      if (bytesRead < length) throw new Error('unexpected EOF');
      refill.copy(buffer, offset, 0, length);
      return;
    }
    const { bytesRead } = await this.handle.read(buffer, offset, length, position);
    if (bytesRead < length) throw new Error('unexpected EOF');
  }

  override close(callback: (error: Error | null) => void): void {
    this.handle.close().then(
      () => callback(null),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }
}
