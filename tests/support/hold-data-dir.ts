// Child process for lock and crash tests: opens Rolodesk's core on a data
// directory, says "ready" on stdout, then holds it until killed or told "quit".
import { openCore } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/logger';

async function main(dataDir: string): Promise<void> {
  const core = await openCore({ dataDir, logger: memoryLogger(), appVersion: '0.0.0-test' });
  process.stdout.write('ready\n');
  process.stdin.on('data', (chunk) => {
    if (chunk.toString().includes('quit')) void core.close().then(() => process.exit(0));
  });
}

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hold-data-dir <data dir>');
main(dataDir).catch((error: unknown) => {
  process.stdout.write(`error ${(error as { code?: string }).code ?? ''} ${(error as Error).message}\n`);
  process.exit(3);
});
