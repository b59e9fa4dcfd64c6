import type { LogRecord } from '../../electron/core/logger';

/** Resolves once the core has logged `message` (the background checks say so when they finish). */
export async function logged(logs: readonly LogRecord[], message: string): Promise<void> {
  while (!logs.some((record) => record.message === message)) await new Promise((resolve) => setTimeout(resolve, 20));
}
