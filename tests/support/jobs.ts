import { afterEach } from 'vitest';
import { jobRunner, type JobRunner } from '../../electron/core/jobs/runner';
import { memoryLogger } from '../../electron/core/logger';

/** A real job runner (real worker threads) for tests that call the core's parts directly: one per test, closed after it. */
export function useJobRunner(): () => JobRunner {
  let current: JobRunner | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => (current ??= jobRunner(memoryLogger()));
}
