// Child process for the sending crash test: sends a queued batch through the
// test's SMTP server and prints each message as it is sent, until it is killed
// (SIGKILL, mid-batch).
import type { EventName, EventPayload } from '../../../shared/contract';
import { openCore } from '../core';
import { noDesktop } from '../desktop';
import { memoryLogger } from '../logger';

async function main(dataDir: string, campaignId: number): Promise<void> {
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    if (event === 'sending.progress')
      process.stdout.write(`sent ${(payload as EventPayload<'sending.progress'>).counts.sent}\n`);
  };
  const core = await openCore({ dataDir, logger: memoryLogger(), appVersion: '0.0.0-test', emit, desktop: noDesktop });
  const started = await core.dispatch('sending.start', { campaignId });
  process.stdout.write(started.ok ? 'started\n' : `failed ${started.error.message}\n`);
}

main(process.argv[2] ?? '', Number(process.argv[3])).catch((error: unknown) => {
  process.stdout.write(`error ${String(error)}\n`);
  process.exit(3);
});
