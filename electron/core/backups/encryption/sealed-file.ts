import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import yauzl from 'yauzl';
import { z } from 'zod';
import { CrmError } from '../../errors';
import { KeySet } from './key-set';

/**
 * A sealed file: a short header, then the bytes in chunks of 64 KiB, each
 * encrypted and authenticated on its own (AES-256-GCM) with a key of its own
 * wrapped by the backup's master key. Chunks can be read in any order (a ZIP
 * is read from its end), a changed byte fails its chunk, and the last chunk
 * is marked so a file cut short at a chunk boundary is caught too.
 *
 *   "RDSEAL01" | header length (uint32 BE) | header JSON | chunk 0 | chunk 1 | …
 *   chunk i = ciphertext (≤ chunkBytes) | 16-byte tag; nonce = noncePrefix | i (uint32 BE);
 *   additional data = sha256(header JSON) | i (uint32 BE) | 1 if last else 0
 */
const magic = Buffer.from('RDSEAL01');
export const sealedChunkBytes = 64 * 1024;
const tagBytes = 16;
const maxHeaderBytes = 64 * 1024;

const Base64 = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const SealedHeader = z.strictObject({
  version: z.literal(1),
  /** The master key this file's key is wrapped by. */
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  /** A file that travels alone (an exported backup) carries its key set; one in an encrypted backup folder does not. */
  keySet: KeySet.optional(),
  fileKey: z.strictObject({ iv: Base64, tag: Base64, key: Base64 }),
  chunkBytes: z.literal(sealedChunkBytes),
  noncePrefix: Base64,
});
export type SealedHeader = z.infer<typeof SealedHeader>;

const damaged = (why: string) =>
  new CrmError('BACKUP_INVALID', `This encrypted backup is damaged or was changed (${why}). Nothing was changed.`);

/** Finds the master key a sealed file needs: from a password the user types, a remembered one, a folder's key. */
export type KeyFor = (header: SealedHeader) => Promise<Buffer>;

interface Opened {
  header: SealedHeader;
  headerHash: Buffer;
  fileKey: Buffer;
  noncePrefix: Buffer;
  /** Where chunk 0 starts. */
  bodyStart: number;
}

function parseHeader(bytes: Buffer): { header: SealedHeader; length: number } | 'not sealed' | 'short' {
  if (bytes.length < magic.length) return magic.subarray(0, bytes.length).equals(bytes) ? 'short' : 'not sealed';
  if (!bytes.subarray(0, magic.length).equals(magic)) return 'not sealed';
  if (bytes.length < magic.length + 4) return 'short';
  const length = bytes.readUInt32BE(magic.length);
  if (length === 0 || length > maxHeaderBytes) throw damaged('its header is not readable');
  if (bytes.length < magic.length + 4 + length) return 'short';
  try {
    const header = SealedHeader.parse(
      JSON.parse(bytes.subarray(magic.length + 4, magic.length + 4 + length).toString('utf8')),
    );
    return { header, length: magic.length + 4 + length };
  } catch {
    throw damaged('its header is not readable');
  }
}

async function unlockFile(headerBytes: Buffer, header: SealedHeader, keyFor: KeyFor): Promise<Opened> {
  const masterKey = await keyFor(header);
  let fileKey: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, Buffer.from(header.fileKey.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(header.fileKey.tag, 'base64'));
    fileKey = Buffer.concat([decipher.update(Buffer.from(header.fileKey.key, 'base64')), decipher.final()]);
  } catch {
    throw damaged('its key does not open');
  }
  const noncePrefix = Buffer.from(header.noncePrefix, 'base64');
  if (fileKey.length !== 32 || noncePrefix.length !== 8) throw damaged('its key does not open');
  const bodyStart = headerBytes.length;
  return {
    header,
    headerHash: createHash('sha256')
      .update(headerBytes.subarray(magic.length + 4))
      .digest(),
    fileKey,
    noncePrefix,
    bodyStart,
  };
}

function chunkNonce(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, 8);
  return nonce;
}

function additionalData(headerHash: Buffer, index: number, last: boolean): Buffer {
  const extra = Buffer.alloc(5);
  extra.writeUInt32BE(index, 0);
  extra[4] = last ? 1 : 0;
  return Buffer.concat([headerHash, extra]);
}

function openChunk(file: Opened, index: number, last: boolean, sealed: Buffer): Buffer {
  if (sealed.length < tagBytes) throw damaged('it was cut short');
  try {
    const decipher = createDecipheriv('aes-256-gcm', file.fileKey, chunkNonce(file.noncePrefix, index));
    decipher.setAAD(additionalData(file.headerHash, index, last));
    decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - tagBytes)), decipher.final()]);
  } catch {
    throw damaged(`part ${index + 1} does not match its checksum`);
  }
}

/**
 * Encrypts a byte stream into a sealed file's bytes. `keySet` is written into
 * the header of a file that travels alone, so its password opens it anywhere.
 */
export function sealStream(masterKey: Buffer, keyId: string, keySet?: KeySet): Transform {
  const fileKey = randomBytes(32);
  const wrapIv = randomBytes(12);
  const wrapper = createCipheriv('aes-256-gcm', masterKey, wrapIv);
  const wrappedKey = Buffer.concat([wrapper.update(fileKey), wrapper.final()]);
  const noncePrefix = randomBytes(8);
  const header: SealedHeader = {
    version: 1,
    keyId,
    ...(keySet ? { keySet } : {}),
    fileKey: {
      iv: wrapIv.toString('base64'),
      tag: wrapper.getAuthTag().toString('base64'),
      key: wrappedKey.toString('base64'),
    },
    chunkBytes: sealedChunkBytes,
    noncePrefix: noncePrefix.toString('base64'),
  };
  const headerJson = Buffer.from(JSON.stringify(header));
  const headerHash = createHash('sha256').update(headerJson).digest();
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerJson.length);

  let index = 0;
  let pending: Buffer = Buffer.alloc(0);
  const seal = (plain: Buffer, last: boolean) => {
    const cipher = createCipheriv('aes-256-gcm', fileKey, chunkNonce(noncePrefix, index));
    cipher.setAAD(additionalData(headerHash, index, last));
    const sealed = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    index += 1;
    return sealed;
  };
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (!started) {
        this.push(Buffer.concat([magic, length, headerJson]));
        started = true;
      }
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      // Keep at least one byte back: the chunk that ends the file must be sealed as the last.
      while (pending.length > sealedChunkBytes) {
        this.push(seal(pending.subarray(0, sealedChunkBytes), false));
        pending = pending.subarray(sealedChunkBytes);
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(Buffer.concat([magic, length, headerJson]));
      this.push(seal(pending, true));
      done();
    },
  });
}

/** Decrypts a sealed file's bytes as they stream; a changed, cut-short or lengthened file fails before its bad bytes are passed on. */
export function unsealStream(keyFor: KeyFor): Transform {
  let buffered: Buffer = Buffer.alloc(0);
  let file: Opened | undefined;
  let index = 0;
  const sealedChunk = sealedChunkBytes + tagBytes;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      const work = async () => {
        if (!file) {
          const parsed = parseHeader(buffered);
          if (parsed === 'short') return;
          if (parsed === 'not sealed') throw damaged('it is not an encrypted Rolodesk backup');
          file = await unlockFile(buffered.subarray(0, parsed.length), parsed.header, keyFor);
          buffered = buffered.subarray(parsed.length);
        }
        // A full chunk is only known not to be the last when more bytes follow it.
        while (buffered.length > sealedChunk) {
          this.push(openChunk(file, index++, false, buffered.subarray(0, sealedChunk)));
          buffered = buffered.subarray(sealedChunk);
        }
      };
      work().then(() => done(), done);
    },
    flush(done: TransformCallback) {
      if (!file)
        return done(
          parseHeader(buffered) === 'not sealed'
            ? damaged('it is not an encrypted Rolodesk backup')
            : damaged('it was cut short'),
        );
      try {
        this.push(openChunk(file, index++, true, buffered));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** Whether a file starts like a sealed file (an encrypted backup), judged by its first bytes. */
export async function isSealedFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const start = Buffer.alloc(magic.length);
    const { bytesRead } = await handle.read(start, 0, magic.length, 0);
    return bytesRead === magic.length && start.equals(magic);
  } finally {
    await handle.close();
  }
}

/** The header of a sealed file, read without any key (what the key set says, which key it needs). */
export async function readSealedHeader(path: string): Promise<SealedHeader> {
  const handle = await open(path, 'r');
  try {
    return (await headerOf(handle)).header;
  } finally {
    await handle.close();
  }
}

async function headerOf(handle: FileHandle): Promise<{ header: SealedHeader; bytes: Buffer }> {
  const start = Buffer.alloc(magic.length + 4 + maxHeaderBytes);
  const { bytesRead } = await handle.read(start, 0, start.length, 0);
  const parsed = parseHeader(start.subarray(0, bytesRead));
  if (parsed === 'not sealed') throw damaged('it is not an encrypted Rolodesk backup');
  if (parsed === 'short') throw damaged('it was cut short');
  return { header: parsed.header, bytes: start.subarray(0, parsed.length) };
}

/**
 * A sealed file read at any offset of its plain bytes, for yauzl (a ZIP is
 * read from its end). Each chunk is authenticated before any of its bytes are
 * used; the chunk last read is kept, since yauzl reads small pieces in a row.
 */
export async function openSealedFile(
  path: string,
  keyFor: KeyFor,
): Promise<{ reader: yauzl.RandomAccessReader; size: number; header: SealedHeader }> {
  const handle = await open(path, 'r');
  try {
    const { header, bytes } = await headerOf(handle);
    const file = await unlockFile(bytes, header, keyFor);
    const body = (await handle.stat()).size - file.bodyStart;
    const sealedChunk = sealedChunkBytes + tagBytes;
    const chunks = Math.ceil(body / sealedChunk);
    if (chunks === 0 || body - (chunks - 1) * sealedChunk < tagBytes) throw damaged('it was cut short');
    const size = body - chunks * tagBytes;
    let cached: { index: number; plain: Buffer } | undefined;

    const chunkAt = async (index: number): Promise<Buffer> => {
      if (cached?.index === index) return cached.plain;
      const last = index === chunks - 1;
      const length = last ? body - index * sealedChunk : sealedChunk;
      const sealed = Buffer.alloc(length);
      const { bytesRead } = await handle.read(sealed, 0, length, file.bodyStart + index * sealedChunk);
      if (bytesRead !== length) throw damaged('it was cut short');
      const plain = openChunk(file, index, last, sealed);
      cached = { index, plain };
      return plain;
    };

    async function* range(start: number, end: number): AsyncGenerator<Buffer> {
      for (let position = start; position < end;) {
        const index = Math.floor(position / sealedChunkBytes);
        const plain = await chunkAt(index);
        const from = position - index * sealedChunkBytes;
        const to = Math.min(plain.length, end - index * sealedChunkBytes);
        if (to <= from) throw damaged('it was cut short');
        yield plain.subarray(from, to);
        position += to - from;
      }
    }

    class SealedReader extends yauzl.RandomAccessReader {
      override _readStreamForRange(start: number, end: number): Readable {
        return Readable.from(range(start, end), { objectMode: false });
      }
      override close(callback: (error: Error | null) => void): void {
        handle.close().then(() => callback(null), callback);
      }
    }
    return { reader: new SealedReader(), size, header };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
