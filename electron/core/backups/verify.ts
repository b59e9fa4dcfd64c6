import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { inParallel } from '../in-parallel';
import type { JobResult } from '../jobs/job-list';
import type { JobRunner } from '../jobs/runner';
import { sharedFilePath } from './backup-folder';
import { readVerification, verificationFileName, writeCheck, writeVerification } from './check-records';
import { hashFile, notCopiedInWords, readManifest, snapshotDatabaseName, type Manifest } from './manifest';
import { verifiedChecksum } from './snapshot-list';

const short = (sha256: string) => `${sha256.slice(0, 12)}…`;
const filesAtOnce = 8;

/** SQLite refused the file itself (damaged, not a database): a finding about the file, not a failure of the check. */
const isSqliteError = (error: unknown) => typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('SQLITE_');

/**
 * SQLite's own checks of a database file, in a job (they read all of it) on
 * its own read-only connection: integrity, foreign keys, and the data version
 * its manifest names. Returns what is wrong, in words. A check that could not
 * run (stopped, its worker failed) throws: that says nothing about the file.
 */
export async function checkDatabaseFile(path: string, expectedSchemaVersion: number, jobs: JobRunner, onProgress: (fraction: number) => void = () => {}): Promise<string[]> {
  let copy: JobResult<'checkCopy'>;
  try {
    copy = await jobs.run('checkCopy', { file: path }, { onProgress });
  } catch (error) {
    if (!isSqliteError(error)) throw error;
    return [`the database cannot be read: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (copy.integrity.join() !== 'ok') problems.push(...copy.integrity.slice(0, 10).map((line) => `integrity check: ${line}`));
  problems.push(...copy.foreignKeys.slice(0, 10).map((line) => `foreign key check: ${line}`));
  if (copy.schemaVersion !== expectedSchemaVersion) problems.push(`the database says data version ${copy.schemaVersion}, the manifest ${expectedSchemaVersion}`);
  return problems;
}

/**
 * Whether each shared file still hashes to its name, worked out once per run
 * of the daily re-check however many snapshots name it.
 */
export type SharedFileHashes = Map<string, Promise<boolean>>;

/** How the attachments are checked: found with their size (hashed when first copied), or hashed again. */
type FileCheck = { kind: 'present' } | { kind: 'rehash'; hashes: SharedFileHashes };

async function checkAttachments(backupsDir: string, manifest: Manifest, how: FileCheck): Promise<{ problems: string[]; damaged: string[] }> {
  const notCopied = manifest.format === 2 ? manifest.notCopied : [];
  const skipped = new Set(notCopied.map((file) => file.sha256));
  const missing: string[] = [];
  const damaged: string[] = [];
  await inParallel(
    manifest.attachments.filter((file) => !skipped.has(file.sha256)),
    filesAtOnce,
    async ({ sha256, size }) => {
      const path = sharedFilePath(backupsDir, sha256);
      const found = await stat(path).catch(() => undefined);
      if (!found) missing.push(sha256);
      else if (found.size !== size || (how.kind === 'rehash' && !(await hashesToName(path, sha256, how.hashes)))) damaged.push(sha256);
    },
  );
  return {
    problems: [
      ...notCopied.map(notCopiedInWords),
      ...missing.sort().map((sha256) => `attachment ${short(sha256)} is missing`),
      ...damaged.sort().map((sha256) => `attachment ${short(sha256)} does not match its checksum`),
    ],
    damaged,
  };
}

/** Whether a shared file's bytes still hash to its name, hashed at most once per run. */
function hashesToName(path: string, sha256: string, hashes: SharedFileHashes): Promise<boolean> {
  let hashed = hashes.get(sha256);
  if (!hashed) {
    hashed = hashFile(path).then((actual) => actual.sha256 === sha256);
    hashes.set(sha256, hashed);
  }
  return hashed;
}

/**
 * Checks a snapshot folder's bytes: the database against the checksum it was
 * verified with (when it has been), SQLite's checks on the copy, and its
 * attachments. Returns the problems, the damaged shared files, and the
 * checksum of the database as read now.
 */
async function checkSnapshot(
  backupsDir: string,
  id: string,
  how: FileCheck,
  jobs: JobRunner,
  onProgress: (fraction: number) => void,
): Promise<{ problems: string[]; damaged: string[]; databaseSha256: string | null }> {
  const dir = join(backupsDir, id);
  let manifest: Manifest;
  try {
    manifest = await readManifest(dir);
  } catch {
    return { problems: ['its manifest is missing or damaged'], damaged: [], databaseSha256: null };
  }
  const problems: string[] = [];
  const expected = verifiedChecksum(manifest, await readVerification(dir));
  if (manifest.format === 2 && expected === undefined && existsSync(join(dir, verificationFileName))) problems.push('the record of its verification is unreadable');
  const databasePath = join(dir, snapshotDatabaseName);
  let databaseSha256: string | null = null;
  if (!existsSync(databasePath)) {
    problems.push('the database file is missing');
  } else {
    const database = await hashFile(databasePath);
    databaseSha256 = database.sha256;
    if (database.size !== manifest.database.size || (expected !== undefined && database.sha256 !== expected)) {
      problems.push('the database file does not match its checksum (it was changed or damaged)');
    } else {
      onProgress(0.2);
      problems.push(...(await checkDatabaseFile(databasePath, manifest.schemaVersion, jobs, (fraction) => onProgress(0.2 + 0.4 * fraction))));
    }
  }
  onProgress(0.6);
  const attachments = await checkAttachments(backupsDir, manifest, how);
  onProgress(1);
  return { problems: [...problems, ...attachments.problems], damaged: attachments.damaged, databaseSha256 };
}

/** Checks a snapshot in full (every attachment hashed again) and changes nothing: for the command line and tests. */
export async function verifySnapshot(backupsDir: string, id: string, jobs: JobRunner, onProgress: (fraction: number) => void = () => {}): Promise<string[]> {
  return (await checkSnapshot(backupsDir, id, { kind: 'rehash', hashes: new Map() }, jobs, onProgress)).problems;
}

/**
 * The verification that follows a snapshot's copy: the database hashed and
 * checked by SQLite, each attachment found with its size (each was hashed as
 * it was first copied). Records the result, with the checksum every later
 * check compares against, beside the snapshot. A snapshot verified already
 * is left as it is.
 */
export async function verifyNewSnapshot(
  backupsDir: string,
  id: string,
  verifiedAt: Date,
  jobs: JobRunner,
  onProgress: (fraction: number) => void = () => {},
): Promise<string[]> {
  const dir = join(backupsDir, id);
  const existing = await readVerification(dir);
  if (existing.state === 'read') return existing.record.problems;
  const { problems, databaseSha256 } = await checkSnapshot(backupsDir, id, { kind: 'present' }, jobs, onProgress);
  await writeVerification(dir, { verifiedAt: verifiedAt.toISOString(), databaseSha256, problems });
  return problems;
}

/**
 * The re-check (daily, or Check again): everything hashed again against the
 * checksums it was verified with. A shared file whose bytes no longer match
 * its name is removed, so the next snapshot copies it again from the live
 * attachments. A snapshot not verified yet gets its first verification instead.
 */
export async function recheckSnapshot(
  backupsDir: string,
  id: string,
  checkedAt: Date,
  hashes: SharedFileHashes,
  jobs: JobRunner,
  onProgress: (fraction: number) => void = () => {},
): Promise<string[]> {
  const dir = join(backupsDir, id);
  const manifest = await readManifest(dir).catch(() => undefined);
  if (manifest?.format === 2 && (await readVerification(dir)).state === 'absent') return verifyNewSnapshot(backupsDir, id, checkedAt, jobs, onProgress);
  const { problems, damaged } = await checkSnapshot(backupsDir, id, { kind: 'rehash', hashes }, jobs, onProgress);
  for (const sha256 of damaged) await rm(sharedFilePath(backupsDir, sha256), { force: true });
  if (manifest) await writeCheck(dir, { checkedAt: checkedAt.toISOString(), problems });
  return problems;
}
