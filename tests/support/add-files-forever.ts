// Child process for crash tests: adds large files to a contact, one after the
// other, printing a line after every chunk and every finished file, until killed.
import { randomBytes } from 'node:crypto';
import { openCore } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/logger';
import { samples } from './sample-files';
import { createContact, upload } from './upload';

async function main(dataDir: string): Promise<void> {
  const core = await openCore({ dataDir, logger: memoryLogger(), appVersion: '0.0.0-test' });
  const contactId = await createContact(core, 'Crash Test');
  process.stdout.write('ready\n');
  for (let file = 0; ; file++) {
    const bytes = Buffer.concat([samples.pdf, randomBytes(4 * 1024 * 1024)]);
    const result = await upload(core, contactId, `scan-${file}.pdf`, bytes, bytes.length, () =>
      process.stdout.write('chunk\n'),
    );
    if (!result.ok) throw new Error(result.error.message);
    process.stdout.write(`added ${result.data.sha256}\n`);
  }
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  process.stdout.write(`error ${String(error)}\n`);
  process.exit(3);
});
