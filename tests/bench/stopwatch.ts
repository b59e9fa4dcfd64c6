import { performance } from 'node:perf_hooks';

/** Wall time of one call, in milliseconds. */
export async function timeOnce(action: () => unknown): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

/** Wall time of each of `runs` calls, after `warmup` untimed ones (statement cache, page cache, JIT). */
export async function timeRuns(runs: number, action: () => unknown, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await action();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOnce(action));
  return times;
}
