// Child process for the import crash test: imports a file and prints its
// progress while it writes, until it is killed (SIGKILL, mid-transaction).
import type { EventName, EventPayload } from '../../../shared/contract';
import { openCore } from '../core';
import { noDesktop } from '../desktop';
import { memoryLogger } from '../logger';

async function main(dataDir: string, file: string): Promise<void> {
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    const progress = payload as EventPayload<'import.progress'>;
    if (event === 'import.progress' && progress.phase === 'writing') process.stdout.write(`writing ${progress.rows}\n`);
  };
  const core = await openCore({
    dataDir,
    logger: memoryLogger(),
    appVersion: '0.0.0-test',
    emit,
    desktop: { ...noDesktop, chooseImportFile: () => Promise.resolve(file) },
  });
  const opened = await core.dispatch('import.open', { kind: 'contact', source: { type: 'dialog' } });
  if (!opened.ok || !opened.data) throw new Error('could not open the file');
  const { importId } = opened.data as { importId: string };
  const inspected = await core.dispatch('import.inspect', { importId, read: {} });
  if (!inspected.ok) throw new Error(inspected.error.message);
  const result = await core.dispatch('import.run', {
    importId,
    mapping: (inspected.data as { suggested: string[] }).suggested,
  });
  process.stdout.write(result.ok ? 'done\n' : `failed ${result.error.message}\n`);
}

main(process.argv[2] ?? '', process.argv[3] ?? '').catch((error: unknown) => {
  process.stdout.write(`error ${String(error)}\n`);
  process.exit(3);
});
