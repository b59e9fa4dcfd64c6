import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import yauzl from 'yauzl';
import { storageError } from '../attachments/blob-store';
import { syncFile, syncFolder } from '../durable-files';
import { CrmError } from '../errors';
import type { JobRunner } from '../jobs/runner';
import { sharedFilePath } from './backup-folder';
import { manifestFileName, readManifest, snapshotDatabaseName, type Manifest } from './manifest';
import type { SnapshotContents } from './verify';
import { verifyContents } from './verify';

const maxManifestBytes = 64 * 1024 * 1024;
const fileEntryPattern = /^files\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

const notABackup = (why: string) => new CrmError('BACKUP_INVALID', `This file is not a Rolodesk backup Rolodesk can use: ${why}. Nothing was changed.`);

/**
 * Writes a snapshot as one portable ZIP (manifest, database, attachments),
 * then reads the written file back and checks every entry against the
 * manifest before it takes its final name.
 */
export async function exportArchive(
  backupsDir: string,
  snapshotId: string,
  destination: string,
  jobs: JobRunner,
  onProgress: (fraction: number) => void,
  signal: AbortSignal = new AbortController().signal,
): Promise<void> {
  const snapshotDir = join(backupsDir, snapshotId);
  const manifest = await readManifest(snapshotDir);
  const partial = join(dirname(destination), `.${destination.slice(dirname(destination).length + 1)}.partial`);
  const total = manifest.database.size + manifest.attachments.reduce((sum, file) => sum + file.size, 0);
  try {
    const zip = new ZipFile();
    zip.addFile(join(snapshotDir, manifestFileName), manifestFileName);
    zip.addFile(join(snapshotDir, snapshotDatabaseName), snapshotDatabaseName, { compress: true });
    for (const file of manifest.attachments) {
      // Photos and PDFs are compressed already: store them as they are.
      zip.addFile(sharedFilePath(backupsDir, file.sha256), `files/${file.sha256.slice(0, 2)}/${file.sha256}`, { compress: false });
    }
    zip.end();
    let written = 0;
    zip.outputStream.on('data', (chunk: Buffer) => {
      written += chunk.length;
      onProgress(Math.min(0.5, (0.5 * written) / Math.max(total, 1)));
    });
    await pipeline(zip.outputStream, createWriteStream(partial), { signal });
    await syncFile(partial);
    const staging = `${partial}-check`;
    try {
      const contents = await stageArchive(partial, staging);
      signal.throwIfAborted();
      const problems = await verifyContents(contents, jobs, (fraction) => onProgress(0.5 + fraction / 2), signal);
      signal.throwIfAborted();
      if (problems.length > 0) throw new CrmError('STORAGE', `The backup file did not read back correctly (${problems[0]}). Try another place to save it.`);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
    await rename(partial, destination);
    syncFolder(dirname(destination));
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof CrmError) throw error;
    if (signal.aborted) throw new CrmError('CANCELLED', 'The export was stopped. No backup file was written.');
    throw storageError(error, 'write the backup file', 'that folder');
  }
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );
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

async function extract(zip: yauzl.ZipFile, entry: yauzl.Entry, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (error, readable) => (error ? reject(error) : resolve(readable))));
  await pipeline(stream, createWriteStream(to));
}

/**
 * Unpacks a backup archive into a staging folder and returns what it holds,
 * refusing anything but our own entries (manifest.json, crm.db,
 * files/<2 hex>/<sha256>), entry names that climb out ("../"), sizes that
 * disagree with the manifest, and files that are not ZIPs at all.
 */
export async function stageArchive(archivePath: string, staging: string): Promise<SnapshotContents> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(archivePath);
  } catch (error) {
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

    await mkdir(staging, { recursive: true });
    let manifest: Manifest;
    try {
      await extract(zip, manifestEntry, join(staging, manifestFileName));
      manifest = await readManifest(staging);
    } catch (error) {
      if (error instanceof CrmError) throw error;
      throw notABackup(`its manifest cannot be read (${(error as Error).message.slice(0, 200)})`);
    }
    const expected = new Map(manifest.attachments.map((file) => [`files/${file.sha256.slice(0, 2)}/${file.sha256}`, file.size]));
    if (databaseEntry.uncompressedSize !== manifest.database.size) throw notABackup('its database is not the size its manifest says');
    for (const entry of entries) {
      if (!fileEntryPattern.test(entry.fileName)) continue;
      if (expected.get(entry.fileName) !== entry.uncompressedSize) throw notABackup(`${entry.fileName} is not listed in its manifest with that size`);
    }
    for (const name of expected.keys()) if (!byName.has(name)) throw notABackup(`it is missing an attachment (${name.slice(-64, -52)}…)`);

    try {
      await extract(zip, databaseEntry, join(staging, snapshotDatabaseName));
      for (const name of expected.keys()) await extract(zip, byName.get(name)!, join(staging, name));
    } catch (error) {
      throw notABackup(`it is damaged or cut short (${(error as Error).message.slice(0, 200)})`);
    }
    return { databasePath: join(staging, snapshotDatabaseName), manifest, filePath: (sha256) => join(staging, 'files', sha256.slice(0, 2), sha256) };
  } finally {
    zip.close();
  }
}
