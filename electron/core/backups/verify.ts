import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CrmError } from '../errors';
import { copyHashing, hashPieces } from '../hashing-copy';
import { inParallel } from '../in-parallel';
import type { JobResult } from '../jobs/job-list';
import type { JobRunner } from '../jobs/runner';
import { sharedFilePath } from './backup-folder';
import { readVerification, verificationFileName, writeCheck, writeVerification } from './check-records';
import { hashFile, notCopiedInWords, readManifest, snapshotDatabaseName, type Manifest } from './manifest';
import { verifiedChecksum } from './snapshot-list';
import { isSealedSnapshot, sealedDatabaseName, sealedFilePath, snapshotKeyId } from './encryption/folder-layout';
import { unsealedBytes, workFolderPrefix, type FolderOpener } from './encryption/folder-sealing';
import { removeWithRetry } from '../durable-files';

/** What a re-check of an encrypted snapshot records when no key is open: not damage, a check still owed. */
export const needsPasswordProblem = 'it needs the backup password to be checked';

/** The key is not open (or the snapshot was sealed with an earlier password): the check cannot read it. */
class NeedsPassword extends Error {}

/** The plain bytes of a sealed file, hashed; a changed byte is 'damaged'; no key throws NeedsPassword. */
async function hashSealed(
  path: string,
  opener: FolderOpener | undefined,
): Promise<{ sha256: string; size: number } | 'damaged'> {
  if (!opener) throw new NeedsPassword();
  try {
    return await hashPieces(unsealedBytes(path, opener.keyFor));
  } catch (error) {
    if (error instanceof CrmError && error.code === 'PASSWORD_REQUIRED') throw new NeedsPassword();
    if (error instanceof CrmError && error.code === 'BACKUP_INVALID') return 'damaged';
    throw error;
  }
}

const short = (sha256: string) => `${sha256.slice(0, 12)}…`;
const filesAtOnce = 8;

/** SQLite refused the file itself (damaged, not a database): a finding about the file, not a failure of the check. */
const isSqliteError = (error: unknown) =>
  typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('SQLITE_');

/**
 * SQLite's own checks of a database file, in a job (they read all of it) on
 * its own read-only connection: integrity, foreign keys, and the data version
 * its manifest names. Returns what is wrong, in words. A check that could not
 * run (stopped, its worker failed) throws: that says nothing about the file.
 */
export async function checkDatabaseFile(
  path: string,
  expectedSchemaVersion: number,
  jobs: JobRunner,
  onProgress: (fraction: number) => void = () => {},
): Promise<string[]> {
  let copy: JobResult<'checkCopy'>;
  try {
    copy = await jobs.run('checkCopy', { file: path }, { onProgress });
  } catch (error) {
    if (!isSqliteError(error)) throw error;
    return [`the database cannot be read: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (copy.integrity.join() !== 'ok')
    problems.push(...copy.integrity.slice(0, 10).map((line) => `integrity check: ${line}`));
  problems.push(...copy.foreignKeys.slice(0, 10).map((line) => `foreign key check: ${line}`));
  if (copy.schemaVersion !== expectedSchemaVersion)
    problems.push(`the database says data version ${copy.schemaVersion}, the manifest ${expectedSchemaVersion}`);
  return problems;
}

/**
 * Whether each shared file still hashes to its name, worked out once per run
 * of the daily re-check however many snapshots name it.
 */
export type SharedFileHashes = Map<string, Promise<boolean>>;

/** How the attachments are checked: found with their size (hashed when first copied), or hashed again. */
type FileCheck = { kind: 'present' } | { kind: 'rehash'; hashes: SharedFileHashes };

/** Where a snapshot's attachments are: the plain shared files, or the sealed files of its key. */
type FileArea = { sealed: false } | { sealed: true; keyId: string; opener: FolderOpener | undefined };

// A sealed file holds at least its plain bytes and one 16-byte tag per 64 KiB chunk.
const leastSealedSize = (size: number) => size + 16 * Math.max(1, Math.ceil(size / (64 * 1024)));

async function checkAttachments(
  backupsDir: string,
  manifest: Manifest,
  how: FileCheck,
  area: FileArea,
): Promise<{ problems: string[]; damaged: string[] }> {
  const notCopied = manifest.format === 2 ? manifest.notCopied : [];
  const skipped = new Set(notCopied.map((file) => file.sha256));
  const missing: string[] = [];
  const damaged: string[] = [];
  await inParallel(
    manifest.attachments.filter((file) => !skipped.has(file.sha256)),
    filesAtOnce,
    async ({ sha256, size }) => {
      const path = area.sealed ? sealedFilePath(backupsDir, area.keyId, sha256) : sharedFilePath(backupsDir, sha256);
      const found = await stat(path).catch(() => undefined);
      if (!found) missing.push(sha256);
      else if (area.sealed ? found.size < leastSealedSize(size) : found.size !== size) damaged.push(sha256);
      else if (how.kind === 'rehash' && !(await hashesToName(path, sha256, how.hashes, area))) damaged.push(sha256);
    },
  );
  return {
    problems: [
      ...notCopied.map(notCopiedInWords),
      ...missing.sort().map((sha256) => `attachment ${short(sha256)} is missing`),
      ...damaged.sort().map((sha256) => `attachment ${short(sha256)} does not match its checksum`),
    ],
    damaged: damaged.map((sha256) =>
      area.sealed ? sealedFilePath(backupsDir, area.keyId, sha256) : sharedFilePath(backupsDir, sha256),
    ),
  };
}

/** Whether a shared file's bytes (unsealed, for a sealed one) still hash to its name, hashed at most once per run. */
async function hashesToName(path: string, sha256: string, hashes: SharedFileHashes, area: FileArea): Promise<boolean> {
  const key = area.sealed ? `${area.keyId}/${sha256}` : sha256;
  let hashed = hashes.get(key);
  if (!hashed) {
    hashed = area.sealed
      ? hashSealed(path, area.opener).then((actual) => actual !== 'damaged' && actual.sha256 === sha256)
      : hashFile(path).then((actual) => actual.sha256 === sha256);
    hashes.set(key, hashed);
  }
  return hashed;
}

const doesNotMatch = 'the database file does not match its checksum (it was changed or damaged)';

type Checked = { problems: string[]; damaged: string[]; databaseSha256: string | null; needsPassword?: true };

/** A plain snapshot's database: hashed against its checksum, then SQLite's checks on the file itself. */
async function checkPlainDatabase(
  databasePath: string,
  manifest: Manifest,
  expected: string | undefined,
  jobs: JobRunner,
  onProgress: (fraction: number) => void,
): Promise<{ problems: string[]; sha256: string | null }> {
  if (!existsSync(databasePath)) return { problems: ['the database file is missing'], sha256: null };
  const database = await hashFile(databasePath);
  if (database.size !== manifest.database.size || (expected !== undefined && database.sha256 !== expected))
    return { problems: [doesNotMatch], sha256: database.sha256 };
  onProgress(0.2);
  return {
    problems: await checkDatabaseFile(databasePath, manifest.schemaVersion, jobs, (fraction) =>
      onProgress(0.2 + 0.4 * fraction),
    ),
    sha256: database.sha256,
  };
}

/**
 * A sealed snapshot's database: unsealed and hashed against the checksum it
 * was verified with (every chunk authenticated on the way), no plain byte
 * written anywhere. Only one never verified (its record lost) is unsealed into
 * the data folder for SQLite's checks, and removed after.
 */
async function checkSealedDatabase(
  sealedPath: string,
  manifest: Manifest,
  expected: string | undefined,
  opener: FolderOpener | undefined,
  jobs: JobRunner,
  onProgress: (fraction: number) => void,
): Promise<{ problems: string[]; sha256: string | null }> {
  if (expected !== undefined) {
    const read = await hashSealed(sealedPath, opener);
    if (read === 'damaged' || read.size !== manifest.database.size || read.sha256 !== expected)
      return { problems: [doesNotMatch], sha256: read === 'damaged' ? null : read.sha256 };
    return { problems: [], sha256: read.sha256 };
  }
  if (!opener) throw new NeedsPassword();
  const work = join(opener.workDir, `${workFolderPrefix}${randomUUID()}`);
  try {
    await mkdir(work);
    const plainCopy = join(work, snapshotDatabaseName);
    let sha256: string;
    try {
      sha256 = await copyHashing(unsealedBytes(sealedPath, opener.keyFor), plainCopy);
    } catch (error) {
      if (error instanceof CrmError && error.code === 'PASSWORD_REQUIRED') throw new NeedsPassword();
      if (error instanceof CrmError && error.code === 'BACKUP_INVALID')
        return { problems: [doesNotMatch], sha256: null };
      throw error;
    }
    onProgress(0.2);
    return {
      problems: await checkDatabaseFile(plainCopy, manifest.schemaVersion, jobs, (fraction) =>
        onProgress(0.2 + 0.4 * fraction),
      ),
      sha256,
    };
  } finally {
    await removeWithRetry(work);
  }
}

/**
 * Checks a snapshot folder's bytes: the database against the checksum it was
 * verified with (when it has been), SQLite's checks on the copy, and its
 * attachments. A sealed snapshot is read with `opener`'s key; without one it
 * is not judged (needsPassword). Returns the problems, the damaged shared
 * files, and the checksum of the database as read now.
 */
async function checkSnapshot(
  backupsDir: string,
  id: string,
  how: FileCheck,
  jobs: JobRunner,
  onProgress: (fraction: number) => void,
  opener: FolderOpener | undefined,
): Promise<Checked> {
  const dir = join(backupsDir, id);
  let manifest: Manifest;
  try {
    manifest = await readManifest(dir);
  } catch {
    return { problems: ['its manifest is missing or damaged'], damaged: [], databaseSha256: null };
  }
  const problems: string[] = [];
  const expected = verifiedChecksum(manifest, await readVerification(dir));
  if (manifest.format === 2 && expected === undefined && existsSync(join(dir, verificationFileName)))
    problems.push('the record of its verification is unreadable');
  if (!isSealedSnapshot(dir)) {
    const database = await checkPlainDatabase(join(dir, snapshotDatabaseName), manifest, expected, jobs, onProgress);
    onProgress(0.6);
    const attachments = await checkAttachments(backupsDir, manifest, how, { sealed: false });
    onProgress(1);
    return {
      problems: [...problems, ...database.problems, ...attachments.problems],
      damaged: attachments.damaged,
      databaseSha256: database.sha256,
    };
  }
  let keyId: string;
  try {
    keyId = await snapshotKeyId(dir);
  } catch {
    return { problems: [...problems, doesNotMatch], damaged: [], databaseSha256: null };
  }
  try {
    const database = await checkSealedDatabase(
      join(dir, sealedDatabaseName),
      manifest,
      expected,
      opener,
      jobs,
      onProgress,
    );
    onProgress(0.6);
    const attachments = await checkAttachments(backupsDir, manifest, how, { sealed: true, keyId, opener });
    onProgress(1);
    return {
      problems: [...problems, ...database.problems, ...attachments.problems],
      damaged: attachments.damaged,
      databaseSha256: database.sha256,
    };
  } catch (error) {
    if (error instanceof NeedsPassword)
      return { problems: [needsPasswordProblem], damaged: [], databaseSha256: null, needsPassword: true };
    throw error;
  }
}

/** Checks a snapshot in full (every attachment hashed again) and changes nothing: for the command line and tests. */
export async function verifySnapshot(
  backupsDir: string,
  id: string,
  jobs: JobRunner,
  onProgress: (fraction: number) => void = () => {},
  opener?: FolderOpener,
): Promise<string[]> {
  return (await checkSnapshot(backupsDir, id, { kind: 'rehash', hashes: new Map() }, jobs, onProgress, opener))
    .problems;
}

/**
 * The verification that follows a snapshot's copy: the database hashed and
 * checked by SQLite, each attachment found with its size (each was hashed as
 * it was first copied). Records the result, with the checksum every later
 * check compares against, beside the snapshot. A snapshot verified already
 * (a sealed one is, as it is made) is left as it is; one that cannot be read
 * without the password stays waiting for it.
 */
export async function verifyNewSnapshot(
  backupsDir: string,
  id: string,
  verifiedAt: Date,
  jobs: JobRunner,
  onProgress: (fraction: number) => void = () => {},
  opener?: FolderOpener,
): Promise<string[]> {
  const dir = join(backupsDir, id);
  const existing = await readVerification(dir);
  if (existing.state === 'read') return existing.record.problems;
  const { problems, databaseSha256, needsPassword } = await checkSnapshot(
    backupsDir,
    id,
    { kind: 'present' },
    jobs,
    onProgress,
    opener,
  );
  if (!needsPassword) await writeVerification(dir, { verifiedAt: verifiedAt.toISOString(), databaseSha256, problems });
  return problems;
}

/**
 * The re-check (daily, or Check again): everything hashed again against the
 * checksums it was verified with. A shared file whose bytes no longer match
 * its name is removed, so the next snapshot copies it again from the live
 * attachments. A snapshot not verified yet gets its first verification instead.
 * A sealed snapshot that cannot be opened (no key) is recorded as waiting for
 * the backup password, not as damaged, and none of its files is removed.
 */
export async function recheckSnapshot(
  backupsDir: string,
  id: string,
  checkedAt: Date,
  hashes: SharedFileHashes,
  jobs: JobRunner,
  onProgress: (fraction: number) => void = () => {},
  opener?: FolderOpener,
): Promise<string[]> {
  const dir = join(backupsDir, id);
  const manifest = await readManifest(dir).catch(() => undefined);
  if (manifest?.format === 2 && (await readVerification(dir)).state === 'absent')
    return verifyNewSnapshot(backupsDir, id, checkedAt, jobs, onProgress, opener);
  const { problems, damaged } = await checkSnapshot(
    backupsDir,
    id,
    { kind: 'rehash', hashes },
    jobs,
    onProgress,
    opener,
  );
  for (const path of damaged) await rm(path, { force: true });
  if (manifest) await writeCheck(dir, { checkedAt: checkedAt.toISOString(), problems });
  return problems;
}
