import { format } from 'date-fns';
import { dayText, startOfDayAfter } from '../../../shared/days';
import type { BackupSettings } from '../../../shared/schemas/backup';
import type { BackupsHolding } from '../../../shared/schemas/privacy';
import { readBackupConfig } from '../backups/backup-config';
import { snapshotsToKeep, type RetainedCandidate } from '../backups/retention';
import { listSnapshots } from '../backups/snapshot-list';

type Policy = Pick<BackupSettings, 'keepNewest' | 'keepDaily' | 'keepWeekly'>;

const minute = 60 * 1000;
/** The schedule's next snapshot after a change (the erase is one): within its interval. */
const nextScheduledAfter = (now: Date, policy: Partial<BackupSettings>) =>
  new Date(now.getTime() + (policy.intervalMinutes ?? 15) * minute);

/**
 * When the last of these snapshots will have been pruned, if backups keep
 * running on schedule: replays the retention rules day by day with one new
 * verified snapshot after the erase and one at noon of every following day
 * (the fewest the schedule takes while Rolodesk is used daily; more only
 * prune sooner), dropping what each prune lets go. Calendar days and weeks
 * are the computer's own, as retention's are. Undefined when there are none.
 */
export function lastPruneOf(
  existing: readonly RetainedCandidate[],
  now: Date,
  policy: Policy & Partial<BackupSettings>,
): Date | undefined {
  if (existing.length === 0) return undefined;
  const held = new Set(existing.map((snapshot) => snapshot.id));
  let remaining: RetainedCandidate[] = [...existing];
  // Past this many days every rule has let go of anything older than today.
  const horizon = policy.keepNewest + policy.keepDaily + 7 * (policy.keepWeekly + 1) + 2;
  for (let day = 0; day <= horizon; day++) {
    const at = day === 0 ? nextScheduledAfter(now, policy) : new Date(startOfDayAfter(now, day).setHours(12));
    remaining.push({ id: `future-${day}`, createdAt: at, verified: true });
    const keep = snapshotsToKeep(remaining, at, policy);
    remaining = remaining.filter((snapshot) => keep.has(snapshot.id));
    if (!remaining.some((snapshot) => held.has(snapshot.id))) return at;
  }
  return undefined;
}

/** The sentence the erase dialog and its result show about backups. */
export function backupsNote(snapshots: number, lastPrune: Date | undefined): string {
  const exported = 'Backup files exported and saved elsewhere are not tracked by Rolodesk: delete those yourself.';
  if (snapshots === 0 || lastPrune === undefined) return `No Rolodesk backups hold this person. ${exported}`;
  return (
    `Backups already taken still hold this person until they age out: the last of them expires on ${format(lastPrune, 'EEEE d MMMM yyyy')}, ` +
    `if Rolodesk keeps taking backups on schedule. ${exported}`
  );
}

/** The snapshots in the backup folder now, and the day the last of them goes. */
export async function backupsHolding(dataRoot: string, defaultBackupsDir: string, now: Date): Promise<BackupsHolding> {
  // The backup service keeps its settings in this file and writes it before it uses them, so it is current.
  const config = readBackupConfig(dataRoot);
  const snapshots = await listSnapshots(config.location ?? defaultBackupsDir);
  const lastPrune = lastPruneOf(
    snapshots.map((snapshot) => ({
      id: snapshot.id,
      createdAt: new Date(snapshot.createdAt),
      verified: snapshot.verified,
    })),
    now,
    config.settings,
  );
  return {
    snapshots: snapshots.length,
    lastExpiresOn: lastPrune ? dayText(lastPrune) : null,
    note: backupsNote(snapshots.length, lastPrune),
  };
}
