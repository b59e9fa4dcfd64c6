import iconv from 'iconv-lite';
import { createReadStream } from 'node:fs';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { refusals } from './refusals';
import type { TextEncoding } from './source';

export interface TextReadOptions {
  encoding: TextEncoding;
  signal?: AbortSignal;
  /** Called with the number of bytes read from the file so far. */
  onBytes?: (bytesRead: number) => void;
}

function countBytes(options: TextReadOptions): Transform {
  let bytesRead = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (options.signal?.aborted) return done(refusals.cancelled());
      bytesRead += chunk.length;
      options.onBytes?.(bytesRead);
      done(null, chunk);
    },
  });
}

/**
 * Refuses text a table cannot hold, naming its line: a NUL character, and in
 * a file read as UTF-8 the replacement character iconv-lite puts where bytes
 * were not UTF-8. (A UTF-8 file that itself holds U+FFFD carries damage from
 * an earlier bad conversion, so refusing it loses nothing real.)
 */
function guardText(encoding: TextEncoding): Transform {
  let line = 1;
  const checkUtf8 = encoding === 'utf-8';
  const lineAt = (text: string, index: number) => {
    let at = line;
    for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) at++;
    return at;
  };
  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string, _encoding, done: TransformCallback) {
      const nul = chunk.indexOf('\u0000');
      if (nul !== -1) return done(refusals.nulByte(lineAt(chunk, nul)));
      if (checkUtf8) {
        const bad = chunk.indexOf('\uFFFD');
        if (bad !== -1) return done(refusals.invalidUtf8(lineAt(chunk, bad)));
      }
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) line++;
      done(null, chunk);
    },
  });
}

/**
 * A file as a stream of text in the given encoding, read in chunks so memory
 * stays the same for any file size. The byte-order mark is dropped. Any
 * failure (a refused line, a cancel, the file vanishing) destroys every stage
 * and surfaces on the returned stream, so whoever reads it sees the error.
 * `consumer`, when given, is piped last and returned instead (the CSV parser).
 */
export function openText(file: string, options: TextReadOptions, consumer?: Transform): Readable {
  const source = createReadStream(file, { highWaterMark: 256 * 1024 });
  const stages: NodeJS.ReadWriteStream[] = [
    countBytes(options),
    iconv.decodeStream(options.encoding),
    guardText(options.encoding),
  ];
  const abort = () => source.destroy(refusals.cancelled());
  options.signal?.addEventListener('abort', abort, { once: true });
  const last = pipeline([source, ...stages, ...(consumer ? [consumer] : [])], () => {
    options.signal?.removeEventListener('abort', abort);
  });
  return last as unknown as Readable;
}
