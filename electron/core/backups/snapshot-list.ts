import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { SnapshotInfo } from '../../../shared/schemas/backup';
import { Timestamp } from '../../../shared/schemas/common';
import { writeFileDurably } from '../durable-files';
import { snapshotFolderNames } from './backup-folder';
import { manifestProblems, readManifest, type Manifest } from './manifest';

/** The result of the last re-check of a snapshot (the manifest itself is never rewritten). */
export const CheckRecord = z.strictObject({ checkedAt: Timestamp, problems: z.array(z.string()) });
export type CheckRecord = z.infer<typeof CheckRecord>;
const checkFileName = 'check.json';

export async function readCheck(snapshotDir: string): Promise<CheckRecord | undefined> {
  if (!existsSync(join(snapshotDir, checkFileName))) return undefined;
  try {
    return CheckRecord.parse(JSON.parse(await readFile(join(snapshotDir, checkFileName), 'utf8')));
  } catch {
    return { checkedAt: new Date(0).toISOString(), problems: ['the record of the last check is unreadable'] };
  }
}

export async function writeCheck(snapshotDir: string, check: CheckRecord): Promise<void> {
  await writeFileDurably(join(snapshotDir, checkFileName), `${JSON.stringify(check)}\n`);
}

export function snapshotInfo(id: string, manifest: Manifest, check: CheckRecord | undefined): SnapshotInfo {
  const problems = check ? check.problems : manifestProblems(manifest);
  return {
    id,
    createdAt: manifest.createdAt,
    reason: manifest.reason,
    sizeBytes: manifest.database.size + manifest.attachments.reduce((total, file) => total + file.size, 0),
    counts: manifest.counts,
    schemaVersion: manifest.schemaVersion,
    verified: problems.length === 0,
    problems,
    lastCheckedAt: check?.checkedAt ?? manifest.createdAt,
  };
}

/** Time stamp from a snapshot's name, for one whose manifest cannot be read. */
function timeFromId(id: string): string {
  const [, date, time, ms] = /^snapshot-(\d{8})-(\d{6})-(\d{3})$/.exec(id)!;
  return `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6)}T${time!.slice(0, 2)}:${time!.slice(2, 4)}:${time!.slice(4)}.${ms}Z`;
}

/**
 * Every snapshot in a backups folder, newest first. A folder without a
 * manifest is not a snapshot and is not listed; one whose manifest is
 * damaged is listed as not verified, so it is never offered as good.
 */
export async function listSnapshots(backupsDir: string): Promise<Array<SnapshotInfo & { manifest?: Manifest }>> {
  const listed: Array<SnapshotInfo & { manifest?: Manifest }> = [];
  for (const id of await snapshotFolderNames(backupsDir)) {
    const dir = join(backupsDir, id);
    if (!existsSync(join(dir, 'manifest.json'))) continue;
    try {
      const manifest = await readManifest(dir);
      listed.push({ ...snapshotInfo(id, manifest, await readCheck(dir)), manifest });
    } catch {
      const createdAt = timeFromId(id);
      listed.push({ id, createdAt, reason: 'unknown', sizeBytes: 0, counts: {}, schemaVersion: 0, verified: false, problems: ['its manifest is damaged'], lastCheckedAt: createdAt });
    }
  }
  return listed;
}
