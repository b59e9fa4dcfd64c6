import { calendarDaysBetween, calendarWeeksBetween } from '../../../shared/days';
import type { BackupSettings } from '../../../shared/schemas/backup';

export interface RetainedCandidate {
  id: string;
  createdAt: Date;
  verified: boolean;
}

/**
 * Which snapshots to keep: the N newest; the newest of each of the D calendar
 * days before today; the newest of each of the W calendar weeks (Monday to
 * Sunday) before this one; and always the newest verified one. Buckets are
 * the user's own calendar days and weeks (local time, however many hours the
 * clocks make a day), so "one a day" is one per day the user sees, and the
 * snapshot kept for a past day never changes: pruning after every snapshot
 * keeps the history it promises.
 */
export function snapshotsToKeep(
  candidates: readonly RetainedCandidate[],
  now: Date,
  policy: Pick<BackupSettings, 'keepNewest' | 'keepDaily' | 'keepWeekly'>,
): Set<string> {
  const newestFirst = [...candidates].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set(newestFirst.slice(0, policy.keepNewest).map((candidate) => candidate.id));
  /** ageOf: 1 for yesterday (or last week), 2 for the one before… */
  const newestPerBucket = (ageOf: (time: Date) => number, count: number) => {
    const seen = new Set<number>();
    for (const candidate of newestFirst) {
      const age = ageOf(candidate.createdAt);
      if (age < 1 || age > count || seen.has(age)) continue;
      // newestFirst: the first one seen in a bucket is that bucket's newest.
      seen.add(age);
      keep.add(candidate.id);
    }
  };
  newestPerBucket((time) => calendarDaysBetween(time, now), policy.keepDaily);
  newestPerBucket((time) => calendarWeeksBetween(time, now), policy.keepWeekly);
  const newestVerified = newestFirst.find((candidate) => candidate.verified);
  if (newestVerified) keep.add(newestVerified.id);
  return keep;
}
