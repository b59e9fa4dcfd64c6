// Child process for crash tests: adds contacts one after the other, printing
// a line after each committed one, until killed.
import { openCore } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/logger';
import { createContact } from './upload';

async function main(dataDir: string): Promise<void> {
  const core = await openCore({ dataDir, logger: memoryLogger(), appVersion: '0.0.0-test' });
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) {
    await createContact(core, `Written before the crash ${i}`);
    process.stdout.write(`wrote ${i}\n`);
  }
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  process.stdout.write(`error ${String(error)}\n`);
  process.exit(3);
});
