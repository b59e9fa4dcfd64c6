import { performance } from 'node:perf_hooks';

export interface StallWatch {
  /** Stops the timer; returns the longest gap between two ticks (or since the last tick), in ms. */
  stop: () => number;
}

/**
 * A timer ticking every `everyMs` in the calling thread: while the thread is
 * blocked (a synchronous query, say) no tick runs, so the longest gap between
 * ticks is the longest the thread could not answer anything.
 */
export function watchStalls(everyMs = 5): StallWatch {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}

/** Runs `work` with the watch on; returns what it returned and the longest stall. */
export async function measureStalls<T>(
  work: () => Promise<T>,
  everyMs = 5,
): Promise<{ value: T; longestStallMs: number }> {
  const watch = watchStalls(everyMs);
  try {
    const value = await work();
    return { value, longestStallMs: watch.stop() };
  } finally {
    watch.stop();
  }
}
