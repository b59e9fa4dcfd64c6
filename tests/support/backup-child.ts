// Child process for backup crash tests. Prints every log message as a line,
// so the parent can kill it at a chosen moment.
//   backup-child <data dir> snapshots        take snapshots one after another, forever
//   backup-child <data dir> restore <id>     restore one snapshot, then wait to be killed
import { openCore } from '../../electron/core/core';
import type { Logger } from '../../electron/core/logger';

const line = (text: string) => process.stdout.write(`${text}\n`);
const logger: Logger = { debug: () => {}, info: line, warn: line, error: line };

async function main([dataDir, mode, id]: string[]): Promise<void> {
  if (!dataDir) throw new Error('usage: backup-child <data dir> snapshots | restore <id>');
  const core = await openCore({ dataDir, logger, appVersion: '1.0.0' });
  line('ready');
  if (mode === 'snapshots') {
    for (let i = 0; ; i++) {
      await core.dispatch('contacts.create', { name: `Between snapshots ${i}` });
      const result = await core.dispatch('backups.create', {});
      if (!result.ok) throw new Error(result.error.message);
    }
  }
  if (mode === 'restore' && id) {
    const result = await core.dispatch('backups.restore', { id });
    line(result.ok ? 'restore finished' : `restore failed ${result.error.message}`);
    await new Promise(() => {});
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  line(`error ${String(error)}`);
  process.exit(3);
});
