import type { BackupSettings } from '../../../shared/schemas/backup';

export interface RetainedCandidate {
  id: string;
  createdAt: Date;
  verified: boolean;
}

const dayMs = 24 * 60 * 60 * 1000;

/** Calendar day (UTC) as a number of days since 1970. */
const dayOf = (time: Date) => Math.floor(time.getTime() / dayMs);
/** Calendar week (UTC, weeks start on Monday) as a number; 1970-01-01 was a Thursday. */
const weekOf = (time: Date) => Math.floor((dayOf(time) + 3) / 7);

/**
 * Which snapshots to keep: the N newest; the newest of each of the D calendar
 * days before today; the newest of each of the W calendar weeks before this
 * one; and always the newest verified one. Buckets are calendar days and
 * weeks, so the snapshot kept for a past day never changes: pruning after
 * every snapshot keeps the history it promises.
 */
export function snapshotsToKeep(candidates: readonly RetainedCandidate[], now: Date, policy: Pick<BackupSettings, 'keepNewest' | 'keepDaily' | 'keepWeekly'>): Set<string> {
  const newestFirst = [...candidates].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set(newestFirst.slice(0, policy.keepNewest).map((candidate) => candidate.id));
  const newestPerBucket = (bucketOf: (time: Date) => number, count: number) => {
    const current = bucketOf(now);
    const seen = new Set<number>();
    for (const candidate of newestFirst) {
      const bucket = bucketOf(candidate.createdAt);
      if (bucket >= current || bucket < current - count || seen.has(bucket)) continue;
      // newestFirst: the first one seen in a bucket is that bucket's newest.
      seen.add(bucket);
      keep.add(candidate.id);
    }
  };
  newestPerBucket(dayOf, policy.keepDaily);
  newestPerBucket(weekOf, policy.keepWeekly);
  const newestVerified = newestFirst.find((candidate) => candidate.verified);
  if (newestVerified) keep.add(newestVerified.id);
  return keep;
}
