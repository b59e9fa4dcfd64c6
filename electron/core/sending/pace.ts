/** After this many deferrals in a row (4xx, lost connections), sending pauses and says why. */
export const deferralsBeforePause = 4;

/** Waits before trying again after a deferral: 30 s, 2 min, 5 min. */
export const backOffMs = [30_000, 120_000, 300_000] as const;

/**
 * How long to wait before the next message so that no more than `perMinute`
 * start in any minute: messages are spread evenly, one every 60/perMinute
 * seconds after the previous one started; 0 when that time has passed.
 */
export function waitBeforeNext(lastStartedAt: number | undefined, now: number, perMinute: number): number {
  if (lastStartedAt === undefined) return 0;
  const spacing = 60_000 / perMinute;
  return Math.max(0, lastStartedAt + spacing - now);
}

/** The wait after the n-th deferral in a row (1-based). */
export function backOffAfter(deferrals: number): number {
  return backOffMs[Math.min(deferrals, backOffMs.length) - 1] ?? 0;
}
