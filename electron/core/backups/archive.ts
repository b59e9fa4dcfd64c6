import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import yauzl from 'yauzl';
import { z } from 'zod';
import { storageError } from '../attachments/blob-store';
import { syncFile, syncFolder } from '../durable-files';
import { CrmError } from '../errors';
import { hashPieces } from '../hashing-copy';
import type { KeySet } from './encryption/key-set';
import { sealStream } from './encryption/sealed-file';
import { openBackupZip, type BackupZip, type ZipOpener } from './encryption/sealed-zip';
import { inParallel } from '../in-parallel';
import { entryCountProblem, uncompressedTotals } from './archive-limits';
import { sharedFilePath } from './backup-folder';
import { CheckedManifest, checkedManifest, manifestFileName, maxManifestBytes, snapshotDatabaseName } from './manifest';
import { readSnapshot } from './snapshot-list';
import type { Bytes, RestoreSource } from './stage-restore';
import { ZipFileReader } from './zip-file-reader';

const fileEntryPattern = /^files\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
const entriesAtOnce = 8;

const notABackup = (why: string) =>
  new CrmError('BACKUP_INVALID', `This file is not a Rolodesk backup Rolodesk can use: ${why}. Nothing was changed.`);
const entryName = (sha256: string) => `files/${sha256.slice(0, 2)}/${sha256}`;

/** The backup key an exported file is encrypted with; its key set travels in the file, so its password opens it anywhere. */
export interface Sealing {
  keyId: string;
  masterKey: Buffer;
  keySet: KeySet;
}

/** A snapshot's bytes as files on disk (a plain snapshot) or as they are decrypted (one in an encrypted folder). */
export type SnapshotContents = Pick<RestoreSource, 'database' | 'file'>;

const plainContents = (backupsDir: string, snapshotId: string): SnapshotContents => ({
  database: () => Promise.resolve(join(backupsDir, snapshotId, snapshotDatabaseName)),
  file: (sha256) => Promise.resolve(sharedFilePath(backupsDir, sha256)),
});

function addBytes(zip: ZipFile, bytes: Bytes, name: string, compress: boolean): void {
  if (typeof bytes === 'string') zip.addFile(bytes, name, { compress });
  else zip.addReadStream(Readable.from(bytes), name, { compress });
}

/**
 * Writes a verified snapshot as one portable ZIP (its manifest with the
 * checksums it was verified with, the database, the attachments), encrypted
 * when `sealing` is given, then reads the written file back (decrypting it),
 * hashing every entry against that manifest, before it takes its final name.
 */
export async function exportArchive(
  backupsDir: string,
  snapshotId: string,
  destination: string,
  onProgress: (fraction: number) => void,
  signal: AbortSignal = new AbortController().signal,
  sealing?: Sealing,
  contents: SnapshotContents = plainContents(backupsDir, snapshotId),
): Promise<void> {
  const snapshot = await readSnapshot(backupsDir, snapshotId);
  if (!snapshot?.manifest || !snapshot.verified || snapshot.databaseSha256 === undefined) {
    throw new CrmError('STORAGE', 'The backup to export did not pass its checks, so no backup file was written.');
  }
  const manifest = checkedManifest(snapshot.manifest, snapshot.databaseSha256);
  const partial = join(dirname(destination), `.${destination.slice(dirname(destination).length + 1)}.partial`);
  const total = manifest.database.size + manifest.attachments.reduce((sum, file) => sum + file.size, 0);
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  try {
    const zip = new ZipFile();
    zip.addBuffer(manifestBytes, manifestFileName);
    addBytes(zip, await contents.database(), snapshotDatabaseName, true);
    // Photos and PDFs are compressed already: store them as they are.
    for (const file of manifest.attachments) {
      const bytes = await contents.file(file.sha256);
      if (bytes === undefined)
        throw new CrmError(
          'STORAGE',
          `The backup to export lacks attachment ${file.sha256.slice(0, 12)}…, so no backup file was written.`,
        );
      addBytes(zip, bytes, entryName(file.sha256), false);
    }
    zip.end();
    let written = 0;
    zip.outputStream.on('data', (chunk: Buffer) => {
      written += chunk.length;
      onProgress(Math.min(0.7, (0.7 * written) / Math.max(total, 1)));
    });
    if (sealing)
      await pipeline(
        zip.outputStream,
        sealStream(sealing.masterKey, sealing.keyId, sealing.keySet),
        createWriteStream(partial),
        { signal },
      );
    else await pipeline(zip.outputStream, createWriteStream(partial), { signal });
    await syncFile(partial);
    const problems = await readBack(
      partial,
      manifestBytes,
      manifest,
      (fraction) => onProgress(0.7 + 0.3 * fraction),
      signal,
      sealing,
    );
    signal.throwIfAborted();
    if (problems.length > 0)
      throw new CrmError(
        'STORAGE',
        `The backup file did not read back correctly (${problems[0]}). Try another place to save it.`,
      );
    await rename(partial, destination);
    syncFolder(dirname(destination));
  } catch (error) {
    await rm(partial, { force: true });
    if (signal.aborted) throw new CrmError('CANCELLED', 'The export was stopped. No backup file was written.');
    if (error instanceof CrmError) throw error;
    throw storageError(error, 'write the backup file', 'that folder');
  }
}

/** Reads a written archive back: its entries as the manifest says, each hashing to its checksum. Nothing is unpacked to disk. */
async function readBack(
  path: string,
  manifestBytes: Buffer,
  expected: CheckedManifest,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
  sealing?: Sealing,
): Promise<string[]> {
  let archive: OpenArchive;
  let sealed: BackupZip | undefined;
  try {
    // Read back with the key it was written with: an encrypted file must decrypt to the same entries.
    sealed = sealing ? await openBackupZip(path, () => Promise.resolve(sealing.masterKey)) : undefined;
    if (sealed && !sealed.sealed) return ['it was not written encrypted'];
    archive = await openArchive(path, sealed?.opener);
  } catch (error) {
    sealed?.release();
    return [error instanceof Error ? error.message : String(error)];
  }
  try {
    const problems: string[] = [];
    const sources = [
      { name: manifestFileName, sha256: createHash('sha256').update(manifestBytes).digest('hex') },
      { name: snapshotDatabaseName, sha256: expected.database.sha256 },
      ...expected.attachments.map(({ sha256 }) => ({ name: entryName(sha256), sha256 })),
    ];
    let done = 0;
    await inParallel(sources, entriesAtOnce, async ({ name, sha256 }) => {
      signal.throwIfAborted();
      if ((await hashPieces(await archive.read(name))).sha256 !== sha256)
        problems.push(`${name} does not match its checksum`);
      onProgress(++done / sources.length);
    });
    return problems;
  } catch (error) {
    if (signal.aborted) throw error;
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    archive.close();
  }
}

const zipOptions: yauzl.Options = {
  lazyEntries: true,
  autoClose: false,
  strictFileNames: true,
  validateEntrySizes: true,
};

/** The ZIP at path, or through `opener` (an encrypted backup's plain bytes), with the same strict options either way. */
async function openZip(path: string, opener?: ZipOpener): Promise<yauzl.ZipFile> {
  if (opener) return opener(zipOptions);
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return await new Promise((resolve, reject) =>
      yauzl.fromRandomAccessReader(new ZipFileReader(handle, size), size, zipOptions, (error, zip) =>
        error ? reject(error) : resolve(zip),
      ),
    );
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/** A ZIP's entries one at a time, as its central directory is read: none is held after the caller moves on. */
async function* entriesOf(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      const settle = () => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      };
      const onEntry = (found: yauzl.Entry) => (settle(), resolve(found));
      const onEnd = () => (settle(), resolve(undefined));
      const onError = (error: Error) => (settle(), reject(error));
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
    if (entry === undefined) return;
    yield entry;
  }
}

/** What reading an entry later needs, and nothing more: a few numbers instead of yauzl's whole entry. */
interface EntryPlace {
  relativeOffsetOfLocalHeader: number;
  compressedSize: number;
  uncompressedSize: number;
  compressionMethod: number;
}

const placeOf = ({
  relativeOffsetOfLocalHeader,
  compressedSize,
  uncompressedSize,
  compressionMethod,
}: yauzl.Entry): EntryPlace => ({
  relativeOffsetOfLocalHeader,
  compressedSize,
  uncompressedSize,
  compressionMethod,
});

/** An entry's bytes as they inflate; a damaged or cut-short entry is refused as not a usable backup. */
async function* entryBytes(zip: yauzl.ZipFile, place: EntryPlace): AsyncIterable<Uint8Array> {
  try {
    // Encrypted entries were refused when listed, so the flag is clear.
    const entry = Object.assign(new yauzl.Entry(), place, { generalPurposeBitFlag: 0 });
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      zip.openReadStream(entry, (error, readable) => (error ? reject(error) : resolve(readable))),
    );
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw notABackup(`it is damaged or cut short (${(error as Error).message.slice(0, 200)})`);
  }
}

async function readWhole(bytes: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of bytes) chunks.push(chunk);
  return Buffer.concat(chunks);
}

interface OpenArchive {
  manifest: CheckedManifest;
  /** The bytes of one entry: manifest.json, crm.db or files/<2 hex>/<sha256>. */
  read: (name: string) => Promise<AsyncIterable<Uint8Array>>;
  close: () => void;
}

/** yauzl's words for a ZIP that breaks its rules, in ours. */
function zipProblem(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return notABackup(
    /relative path|absolute path|invalid characters/.test(message)
      ? `it contains an unsafe file name (“${message.slice(0, 200)}”)`
      : `it is damaged (“${message.slice(0, 200)}”)`,
  );
}

/** Why a manifest was refused, in words: zod's and JSON's own messages are for programmers. */
function manifestProblem(error: unknown): string {
  if (error instanceof z.ZodError) {
    const where = error.issues[0]?.path.join('.') ?? '';
    return `its manifest is not one Rolodesk writes (${where === '' ? 'its layout' : `“${where.slice(0, 100)}”`} is missing or wrong)`;
  }
  return 'its manifest is not readable text';
}

/**
 * The first look at an archive, entry by entry as its directory is read:
 * only our own names, a bounded number of entries, no encryption, and
 * declared sizes an honest backup could have (see archive-limits.ts). Returns
 * where the manifest and the database are; keeps nothing else.
 */
async function survey(
  zip: yauzl.ZipFile,
  archiveBytes: number,
): Promise<{ manifest: EntryPlace; database: EntryPlace }> {
  const checkCount = entryCountProblem(zip.entryCount);
  if (checkCount) throw notABackup(checkCount);
  const totals = uncompressedTotals(archiveBytes);
  let manifest: EntryPlace | undefined;
  let database: EntryPlace | undefined;
  for await (const entry of entriesOf(zip)) {
    const { fileName } = entry;
    if (fileName !== manifestFileName && fileName !== snapshotDatabaseName && !fileEntryPattern.test(fileName))
      throw notABackup(`it contains an unexpected file (“${fileName.slice(0, 200)}”)`);
    if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8))
      throw notABackup(`${fileName} is stored in a way Rolodesk never writes (encrypted or unusually compressed)`);
    const problem = totals.add(entry.compressedSize, entry.uncompressedSize);
    if (problem) throw notABackup(`${fileName} ${problem}`);
    if (fileName === manifestFileName || fileName === snapshotDatabaseName) {
      if ((fileName === manifestFileName ? manifest : database) !== undefined)
        throw notABackup(`it holds ${fileName} twice`);
      if (fileName === manifestFileName) manifest = placeOf(entry);
      else database = placeOf(entry);
    }
  }
  if (!manifest || !database) throw notABackup('it has no manifest or no database');
  if (manifest.uncompressedSize > maxManifestBytes) throw notABackup('its manifest is far too large');
  return { manifest, database };
}

/**
 * Opens a backup archive and checks what it holds before anything is read
 * from it: only our own entries (manifest.json, crm.db, files/<2 hex>/<sha256>),
 * no entry names that climb out ("../"), sizes within the limits and in
 * agreement with a manifest that carries its checksums, each listed file
 * exactly once, and nothing missing. Anything else is refused. The archive's
 * directory is read twice, entry by entry: first to find the manifest, then
 * against it; only the places of the files the manifest lists are kept.
 */
async function openArchive(archivePath: string, opener?: ZipOpener): Promise<OpenArchive> {
  const zips: yauzl.ZipFile[] = [];
  const openChecked = async () => {
    try {
      const zip = await openZip(archivePath, opener);
      zips.push(zip);
      return zip;
    } catch (error) {
      // An encrypted file's own refusal (a changed byte, cut short) says more than "not a ZIP".
      if (error instanceof CrmError) throw error;
      throw notABackup(
        (error as Error).message.includes('relative path')
          ? `it contains an unsafe file name (“${(error as Error).message.slice(0, 200)}”)`
          : 'it is not a readable ZIP archive',
      );
    }
  };
  try {
    const first = await openChecked();
    const found = await survey(first, first.fileSize).catch((error: unknown) => {
      throw zipProblem(error);
    });
    let manifest: CheckedManifest;
    try {
      manifest = CheckedManifest.parse(
        JSON.parse((await readWhole(entryBytes(first, found.manifest))).toString('utf8')),
      );
    } catch (error) {
      if (error instanceof CrmError) throw error;
      throw notABackup(manifestProblem(error));
    }
    if (found.database.uncompressedSize !== manifest.database.size)
      throw notABackup('its database is not the size its manifest says');

    const expected = new Map(manifest.attachments.map((file) => [entryName(file.sha256), file.size]));
    const places = new Map<string, EntryPlace>([
      [manifestFileName, found.manifest],
      [snapshotDatabaseName, found.database],
    ]);
    const second = await openChecked();
    try {
      for await (const entry of entriesOf(second)) {
        if (!fileEntryPattern.test(entry.fileName)) continue;
        if (expected.get(entry.fileName) !== entry.uncompressedSize)
          throw notABackup(`${entry.fileName} is not listed in its manifest with that size (or is in it twice)`);
        expected.delete(entry.fileName);
        places.set(entry.fileName, placeOf(entry));
      }
    } catch (error) {
      throw zipProblem(error);
    }
    second.close();
    const [missing] = expected.keys();
    if (missing !== undefined) throw notABackup(`it is missing an attachment (${missing.slice(-64, -52)}…)`);

    return {
      manifest,
      read: (name) => Promise.resolve(entryBytes(first, places.get(name)!)),
      close: () => first.close(),
    };
  } catch (error) {
    for (const zip of zips) zip.close();
    throw error;
  }
}

/**
 * A backup archive as the source of a restore: checked on opening (above),
 * then each entry hashed against the manifest as it is staged. Close it when done.
 */
export async function archiveSource(
  archivePath: string,
  opener?: ZipOpener,
): Promise<RestoreSource & { manifest: CheckedManifest; close: () => void }> {
  const archive = await openArchive(archivePath, opener);
  return {
    manifest: archive.manifest,
    databaseSha256: archive.manifest.database.sha256,
    checksumProvesChecks: false,
    database: () => archive.read(snapshotDatabaseName),
    file: (sha256) => archive.read(entryName(sha256)),
    close: archive.close,
  };
}
