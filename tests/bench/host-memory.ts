// Starts the core as the app does, in a process of its own, runs what a morning's use runs, and prints its memory.
import { memoryLogger } from '../../electron/core/logger';
import { startCore } from '../../electron/main/core-host';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: host-memory.ts <data dir>');
  const host = await startCore({ dataDir, logger: memoryLogger(), appVersion: 'bench' });
  try {
    for (const search of ['', 'an', 'berg', 'mar']) await host.dispatch('contacts.list', { search, limit: 100 });
    for (const offset of [0, 1000, 50_000]) await host.dispatch('contacts.list', { offset, limit: 100 });
    await host.dispatch('companies.list', {});
    await host.dispatch('deals.list', {});
    await host.dispatch('deals.board', {});
    await host.dispatch('search.all', { text: 'an' });
    for (let id = 1; id <= 50; id++) await host.dispatch('contacts.get', { id });
    const { rss, heapUsed } = process.memoryUsage();
    process.stdout.write(`${JSON.stringify({ rss, heapUsed })}\n`);
  } finally {
    await host.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
