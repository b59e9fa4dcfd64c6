import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import yauzl from 'yauzl';
import { storageError } from '../attachments/blob-store';
import { syncFile, syncFolder } from '../durable-files';
import { CrmError } from '../errors';
import { hashPieces } from '../hashing-copy';
import type { KeySet } from './encryption/key-set';
import { sealStream } from './encryption/sealed-file';
import { openBackupZip, type BackupZip, type ZipOpener } from './encryption/sealed-zip';
import { inParallel } from '../in-parallel';
import { sharedFilePath } from './backup-folder';
import { CheckedManifest, checkedManifest, manifestFileName, snapshotDatabaseName } from './manifest';
import { readSnapshot } from './snapshot-list';
import type { RestoreSource } from './stage-restore';

const maxManifestBytes = 64 * 1024 * 1024;
const fileEntryPattern = /^files\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
const entriesAtOnce = 8;

const notABackup = (why: string) => new CrmError('BACKUP_INVALID', `This file is not a Rolodesk backup Rolodesk can use: ${why}. Nothing was changed.`);
const entryName = (sha256: string) => `files/${sha256.slice(0, 2)}/${sha256}`;

/** The backup key an exported file is encrypted with; its key set travels in the file, so its password opens it anywhere. */
export interface Sealing {
  keyId: string;
  masterKey: Buffer;
  keySet: KeySet;
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
): Promise<void> {
  const snapshot = await readSnapshot(backupsDir, snapshotId);
  if (!snapshot?.manifest || !snapshot.verified || snapshot.databaseSha256 === undefined) {
    throw new CrmError('STORAGE', 'The backup to export did not pass its checks, so no backup file was written.');
  }
  const snapshotDir = join(backupsDir, snapshotId);
  const manifest = checkedManifest(snapshot.manifest, snapshot.databaseSha256);
  const partial = join(dirname(destination), `.${destination.slice(dirname(destination).length + 1)}.partial`);
  const total = manifest.database.size + manifest.attachments.reduce((sum, file) => sum + file.size, 0);
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  try {
    const zip = new ZipFile();
    zip.addBuffer(manifestBytes, manifestFileName);
    zip.addFile(join(snapshotDir, snapshotDatabaseName), snapshotDatabaseName, { compress: true });
    // Photos and PDFs are compressed already: store them as they are.
    for (const file of manifest.attachments) zip.addFile(sharedFilePath(backupsDir, file.sha256), entryName(file.sha256), { compress: false });
    zip.end();
    let written = 0;
    zip.outputStream.on('data', (chunk: Buffer) => {
      written += chunk.length;
      onProgress(Math.min(0.7, (0.7 * written) / Math.max(total, 1)));
    });
    if (sealing) await pipeline(zip.outputStream, sealStream(sealing.masterKey, sealing.keyId, sealing.keySet), createWriteStream(partial), { signal });
    else await pipeline(zip.outputStream, createWriteStream(partial), { signal });
    await syncFile(partial);
    const problems = await readBack(partial, manifestBytes, manifest, (fraction) => onProgress(0.7 + 0.3 * fraction), signal, sealing);
    signal.throwIfAborted();
    if (problems.length > 0) throw new CrmError('STORAGE', `The backup file did not read back correctly (${problems[0]}). Try another place to save it.`);
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
async function readBack(path: string, manifestBytes: Buffer, expected: CheckedManifest, onProgress: (fraction: number) => void, signal: AbortSignal, sealing?: Sealing): Promise<string[]> {
  let archive: OpenArchive;
  let sealed: BackupZip | undefined;
  try {
    // Read back with the key it was written with: an encrypted file must decrypt to the same entries.
    sealed = sealing ? await openBackupZip(path, async () => sealing.masterKey) : undefined;
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
      if ((await hashPieces(await archive.read(name))).sha256 !== sha256) problems.push(`${name} does not match its checksum`);
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

/** The ZIP at path, or through `opener` (an encrypted backup's plain bytes), with the same strict options either way. */
function openZip(path: string, opener?: ZipOpener): Promise<yauzl.ZipFile> {
  const options: yauzl.Options = { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true };
  if (opener) return opener(options);
  return new Promise((resolve, reject) => yauzl.open(path, options, (error, zip) => (error ? reject(error) : resolve(zip))));
}

async function entriesOf(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** An entry's bytes as they inflate; a damaged or cut-short entry is refused as not a usable backup. */
async function* entryBytes(zip: yauzl.ZipFile, entry: yauzl.Entry): AsyncIterable<Uint8Array> {
  try {
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (error, readable) => (error ? reject(error) : resolve(readable))));
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
  read(name: string): Promise<AsyncIterable<Uint8Array>>;
  close(): void;
}

/**
 * Opens a backup archive and checks what it holds before anything is read
 * from it: only our own entries (manifest.json, crm.db, files/<2 hex>/<sha256>),
 * no entry names that climb out ("../"), sizes that agree with a manifest that
 * carries its checksums, and nothing missing. Anything else is refused.
 */
async function openArchive(archivePath: string, opener?: ZipOpener): Promise<OpenArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(archivePath, opener);
  } catch (error) {
    // An encrypted file's own refusal (a changed byte, cut short) says more than "not a ZIP".
    if (error instanceof CrmError) throw error;
    throw notABackup((error as Error).message.includes('relative path') ? `it contains an unsafe file name (${(error as Error).message})` : 'it is not a readable ZIP archive');
  }
  try {
    let entries: yauzl.Entry[];
    try {
      entries = await entriesOf(zip);
    } catch (error) {
      throw notABackup(/relative path|absolute path|invalid characters/.test((error as Error).message) ? `it contains an unsafe file name (${(error as Error).message})` : `it is damaged (${(error as Error).message})`);
    }
    const byName = new Map(entries.map((entry) => [entry.fileName, entry]));
    const unexpected = entries.find((entry) => entry.fileName !== manifestFileName && entry.fileName !== snapshotDatabaseName && !fileEntryPattern.test(entry.fileName));
    if (unexpected) throw notABackup(`it contains an unexpected file (${unexpected.fileName.slice(0, 200)})`);
    const manifestEntry = byName.get(manifestFileName);
    const databaseEntry = byName.get(snapshotDatabaseName);
    if (!manifestEntry || !databaseEntry) throw notABackup('it has no manifest or no database');
    if (manifestEntry.uncompressedSize > maxManifestBytes) throw notABackup('its manifest is far too large');

    let manifest: CheckedManifest;
    try {
      manifest = CheckedManifest.parse(JSON.parse((await readWhole(entryBytes(zip, manifestEntry))).toString('utf8')));
    } catch (error) {
      if (error instanceof CrmError) throw error;
      throw notABackup(`its manifest cannot be read (${(error as Error).message.slice(0, 200)})`);
    }
    const expected = new Map(manifest.attachments.map((file) => [entryName(file.sha256), file.size]));
    if (databaseEntry.uncompressedSize !== manifest.database.size) throw notABackup('its database is not the size its manifest says');
    for (const entry of entries) {
      if (!fileEntryPattern.test(entry.fileName)) continue;
      if (expected.get(entry.fileName) !== entry.uncompressedSize) throw notABackup(`${entry.fileName} is not listed in its manifest with that size`);
    }
    for (const name of expected.keys()) if (!byName.has(name)) throw notABackup(`it is missing an attachment (${name.slice(-64, -52)}…)`);

    const opened = zip;
    return {
      manifest,
      read: async (name) => entryBytes(opened, byName.get(name)!),
      close: () => opened.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/**
 * A backup archive as the source of a restore: checked on opening (above),
 * then each entry hashed against the manifest as it is staged. Close it when done.
 */
export async function archiveSource(archivePath: string, opener?: ZipOpener): Promise<RestoreSource & { manifest: CheckedManifest; close(): void }> {
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
