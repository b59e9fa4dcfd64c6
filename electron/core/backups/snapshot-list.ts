import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { omit } from '../../../shared/omit';
import type { SnapshotInfo } from '../../../shared/schemas/backup';
import { snapshotFolderNames } from './backup-folder';
import {
  readCheck,
  readVerification,
  type CheckRecord,
  type RecordRead,
  type VerificationRecord,
} from './check-records';
import { manifestFileName, manifestProblems, readManifest, type Manifest } from './manifest';

/** A snapshot as listed, with what the checks of it need. */
export interface ListedSnapshot extends SnapshotInfo {
  manifest?: Manifest;
  /** The checksum its database was verified with; undefined until verified (or when its record is lost). */
  databaseSha256?: string;
}

const absent = { state: 'absent' } as const;

/** What a verification, or a checked manifest, says: problems, when, and the checksum the database was verified with. */
function verifiedState(
  manifest: Manifest,
  verification: RecordRead<VerificationRecord>,
): { problems: string[]; at: string; sha256?: string } | 'verifying' {
  if (manifest.format === 1)
    return { problems: manifestProblems(manifest), at: manifest.createdAt, sha256: manifest.database.sha256 };
  if (verification.state === 'absent') return 'verifying';
  if (verification.state === 'unreadable')
    return { problems: ['the record of its verification is unreadable'], at: manifest.createdAt };
  const { problems, verifiedAt, databaseSha256 } = verification.record;
  return { problems, at: verifiedAt, ...(databaseSha256 === null ? {} : { sha256: databaseSha256 }) };
}

/** The checksum a snapshot's database was verified with, if it has been. */
export function verifiedChecksum(manifest: Manifest, verification: RecordRead<VerificationRecord>): string | undefined {
  const state = verifiedState(manifest, verification);
  return state === 'verifying' ? undefined : state.sha256;
}

/**
 * A snapshot's state from its manifest and the records beside it. Format 1
 * manifests carry their own checks; a format 2 snapshot is verifying until its
 * verification record is written. The last re-check, if any, has the last word.
 */
export function snapshotInfo(
  id: string,
  manifest: Manifest,
  verification: RecordRead<VerificationRecord> = absent,
  check: RecordRead<CheckRecord> = absent,
): SnapshotInfo {
  const about = {
    id,
    createdAt: manifest.createdAt,
    reason: manifest.reason,
    sizeBytes: manifest.database.size + manifest.attachments.reduce((total, file) => total + file.size, 0),
    counts: manifest.counts,
    schemaVersion: manifest.schemaVersion,
  };
  const verified = verifiedState(manifest, verification);
  if (verified === 'verifying')
    return { ...about, verified: false, verifying: true, problems: [], lastCheckedAt: manifest.createdAt };
  const last =
    check.state === 'read'
      ? { problems: check.record.problems, at: check.record.checkedAt }
      : check.state === 'unreadable'
        ? { problems: ['the record of the last check is unreadable'], at: new Date(0).toISOString() }
        : verified;
  return {
    ...about,
    verified: last.problems.length === 0,
    verifying: false,
    problems: last.problems,
    lastCheckedAt: last.at,
  };
}

/** Time stamp from a snapshot's name, for one whose manifest cannot be read. */
function timeFromId(id: string): string {
  const [, date, time, ms] = /^snapshot-(\d{8})-(\d{6})-(\d{3})$/.exec(id)!;
  return `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6)}T${time!.slice(0, 2)}:${time!.slice(2, 4)}:${time!.slice(4)}.${ms}Z`;
}

/** One snapshot folder as listed; undefined when it has no manifest (it is not a snapshot). */
export async function readSnapshot(backupsDir: string, id: string): Promise<ListedSnapshot | undefined> {
  const dir = join(backupsDir, id);
  if (!existsSync(join(dir, manifestFileName))) return undefined;
  try {
    const manifest = await readManifest(dir);
    const verification = await readVerification(dir);
    const databaseSha256 = verifiedChecksum(manifest, verification);
    return {
      ...snapshotInfo(id, manifest, verification, await readCheck(dir)),
      manifest,
      ...(databaseSha256 === undefined ? {} : { databaseSha256 }),
    };
  } catch {
    const createdAt = timeFromId(id);
    return {
      id,
      createdAt,
      reason: 'unknown',
      sizeBytes: 0,
      counts: {},
      schemaVersion: 0,
      verified: false,
      verifying: false,
      problems: ['its manifest is damaged'],
      lastCheckedAt: createdAt,
    };
  }
}

/**
 * Every snapshot in a backups folder, newest first. A folder without a
 * manifest is not a snapshot and is not listed; one whose manifest is
 * damaged is listed as not verified, so it is never offered as good.
 */
export async function listSnapshots(backupsDir: string): Promise<ListedSnapshot[]> {
  const listed: ListedSnapshot[] = [];
  for (const id of await snapshotFolderNames(backupsDir)) {
    const snapshot = await readSnapshot(backupsDir, id);
    if (snapshot) listed.push(snapshot);
  }
  return listed;
}

/** The shape the window and the command line see: no manifest, no checksum. */
export function publicInfo(snapshot: ListedSnapshot): SnapshotInfo {
  return omit(snapshot, 'manifest', 'databaseSha256');
}
