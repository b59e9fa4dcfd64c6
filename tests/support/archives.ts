import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { ZipFile } from 'yazl';
import yauzl from 'yauzl';

/** A ZIP of the given entries, built by yazl. */
export async function zipOf(entries: Record<string, Buffer | string>): Promise<Buffer> {
  const file = new ZipFile();
  for (const [name, content] of Object.entries(entries)) file.addBuffer(Buffer.from(content), name);
  file.end();
  const chunks: Buffer[] = [];
  for await (const chunk of file.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Renames an entry inside a finished ZIP by rewriting the name's bytes (in the
 * local header and the central directory) to another of the same length: how
 * a hostile archive gets names like "../../x" that no honest zipper writes.
 */
export function renameEntryBytes(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('names must be the same length');
  const out = Buffer.from(zip);
  const needle = Buffer.from(from);
  for (let at = out.indexOf(needle); at !== -1; at = out.indexOf(needle, at + 1)) out.write(to, at, 'latin1');
  return out;
}

/** Every entry of a ZIP file, unpacked in memory: for looking inside an archive the app wrote. */
export async function unzipped(path: string): Promise<Record<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const entries: Record<string, Buffer> = {};
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        buffer(stream).then((bytes) => {
          entries[entry.fileName] = bytes;
          zip.readEntry();
        }, reject);
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

/**
 * An exported archive rebuilt with its database changed by `change` (run on a
 * copy in `workDir`) and a manifest that tells the truth about the changed
 * bytes and any extra files: a crafted backup that every checksum vouches for.
 */
export async function archiveWithDatabaseChanged(
  archivePath: string,
  workDir: string,
  change: (db: Database.Database) => void,
  extraFiles: Buffer[] = [],
): Promise<string> {
  const entries = await unzipped(archivePath);
  const databasePath = join(workDir, `crm-${randomUUID()}.db`);
  writeFileSync(databasePath, entries['crm.db']!);
  const db = new Database(databasePath);
  try {
    change(db);
  } finally {
    db.close();
  }
  const bytes = readFileSync(databasePath);
  const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
  const manifest = JSON.parse(entries['manifest.json']!.toString('utf8')) as {
    attachments: Array<{ sha256: string; size: number }>;
  };
  const extra = Object.fromEntries(
    extraFiles.map((content) => [`files/${sha256(content).slice(0, 2)}/${sha256(content)}`, content]),
  );
  const rebuilt = {
    ...entries,
    ...extra,
    'manifest.json': JSON.stringify({
      ...manifest,
      attachments: [
        ...manifest.attachments,
        ...extraFiles.map((content) => ({ sha256: sha256(content), size: content.length })),
      ],
      database: { file: 'crm.db', sha256: sha256(bytes), size: bytes.length },
    }),
    'crm.db': bytes,
  };
  const changed = join(workDir, `changed-${randomUUID()}.zip`);
  writeFileSync(changed, await zipOf(rebuilt));
  return changed;
}

/** `bytes` zero bytes, yielded a megabyte at a time: a bomb's payload, never held whole. */
export function* zeros(bytes: number): Generator<Buffer> {
  const piece = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= piece.length) yield left >= piece.length ? piece : piece.subarray(0, left);
}

/** The sha256 of what a source yields. */
export async function sha256Of(source: Iterable<Buffer> | AsyncIterable<Buffer>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source) hash.update(chunk);
  return hash.digest('hex');
}

/** A manifest Rolodesk accepts (format 1, checks passed) for a database of `size` bytes and the listed files. */
export function checkedManifestFor(
  database: { size: number; sha256: string },
  attachments: Array<{ sha256: string; size: number }> = [],
): string {
  return JSON.stringify({
    format: 1,
    app: 'Rolodesk',
    appVersion: '1.0.0',
    schemaVersion: 1,
    sqliteVersion: '3.51.2',
    createdAt: '2026-12-01T09:00:00.000Z',
    reason: 'export',
    counts: {},
    attachments,
    database: { file: 'crm.db', ...database },
    checks: { integrityCheck: ['ok'], foreignKeyCheck: [], attachmentProblems: [] },
  });
}

/** Writes a ZIP to `path` as yazl streams it: entries from buffers or streams, deflated unless told not to. */
export async function writeZip(
  path: string,
  entries: Iterable<{ name: string; content: Buffer | Iterable<Buffer> | AsyncIterable<Buffer>; compress?: boolean }>,
): Promise<void> {
  const file = new ZipFile();
  for (const { name, content, compress = true } of entries) {
    if (Buffer.isBuffer(content)) file.addBuffer(content, name, { compress });
    else file.addReadStream(Readable.from(content), name, { compress });
  }
  file.end();
  await pipeline(file.outputStream, createWriteStream(path));
}

/**
 * Makes an entry's central directory record state another unpacked size (the
 * record yauzl reads): how a hostile archive lies about what it holds.
 */
export function declareSize(zip: Buffer, name: string, uncompressedSize: number): Buffer {
  const out = Buffer.from(zip);
  for (
    let at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    at !== -1;
    at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
  ) {
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString('utf8', at + 46, at + 46 + nameLength) === name) out.writeUInt32LE(uncompressedSize, at + 24);
  }
  return out;
}

/**
 * Writes a ZIP of stored (uncompressed) entries by hand, with ZIP64 records
 * when it holds more than 65,535: yazl takes minutes over 100,000 entries on
 * a busy machine; this takes a second.
 */
export async function writeStoredZip(
  path: string,
  entries: Iterable<{ name: string; content: Buffer }>,
): Promise<void> {
  const out = createWriteStream(path);
  const write = (bytes: Buffer) =>
    out.write(bytes) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, content } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(0x21, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(content.length, 20);
    record.writeUInt32LE(content.length, 24);
    record.writeUInt16LE(nameBytes.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, nameBytes);
    await write(Buffer.concat([local, nameBytes, content]));
    offset += 30 + nameBytes.length + content.length;
  }
  const count = central.length / 2;
  const directory = Buffer.concat(central);
  await write(directory);
  const zip64 = Buffer.alloc(56 + 20);
  zip64.writeUInt32LE(0x06064b50, 0);
  zip64.writeBigUInt64LE(44n, 4);
  zip64.writeUInt16LE(45, 12);
  zip64.writeUInt16LE(45, 14);
  zip64.writeBigUInt64LE(BigInt(count), 24);
  zip64.writeBigUInt64LE(BigInt(count), 32);
  zip64.writeBigUInt64LE(BigInt(directory.length), 40);
  zip64.writeBigUInt64LE(BigInt(offset), 48);
  zip64.writeUInt32LE(0x07064b50, 56);
  zip64.writeBigUInt64LE(BigInt(offset + directory.length), 64);
  zip64.writeUInt32LE(1, 72);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  await write(count > 0xffff ? Buffer.concat([zip64, end]) : end);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
