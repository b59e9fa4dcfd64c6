import { copyFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../tests/support/old-database';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { migrations } from '../db/migrations';
import { openDatabase } from '../db/open';
import { CrmError, fromSqliteError } from '../errors';
import { memoryLogger } from '../logger';
import { startWorker } from '../threads/start-worker';
import writeExcelFile from 'write-excel-file/node';
import { jobRunner, type JobRunner } from './runner';
import { objectContaining, stringMatching } from '../../../tests/support/matchers';

describe('the job runner', () => {
  const tempDir = useTempDirs();
  const runners: JobRunner[] = [];
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.close();
  });
  const start = (options?: { maxWorkers?: number; heapMb?: number }) => {
    const logger = memoryLogger();
    const runner = jobRunner(logger, options);
    runners.push(runner);
    return { runner, logs: logger.records };
  };

  /** A live database, as the app holds it: open in WAL mode on the app's own connection. */
  async function liveDatabase() {
    const file = join(tempDir(), 'crm.db');
    const db = await openDatabase(file, migrations, memoryLogger());
    const insert = db.prepare("INSERT INTO contacts (name, name_key, created_at, updated_at) VALUES (?, ?, 't', 't')");
    return { file, db, add: (name: string) => insert.run(name, name.toLowerCase()) };
  }

  it('runs a job on a read-only connection of its own and sees what the app committed, while the app keeps writing', async () => {
    const { runner } = start();
    const live = await liveDatabase();
    live.add('Anna Berg');
    live.add('anna berg');
    const first = await runner.run('findDuplicates', { file: live.file, kind: 'contact', offset: 0, limit: 10 });
    expect(first).toMatchObject({ total: 1, groups: [{ reason: 'name', size: 2 }] });
    live.add('Anna  Berg');
    const second = await runner.run('findDuplicates', { file: live.file, kind: 'contact', offset: 0, limit: 10 });
    expect(second.groups[0]).toMatchObject({ size: 2 });
    live.add('ANNA BERG');
    expect(
      (await runner.run('findDuplicates', { file: live.file, kind: 'contact', offset: 0, limit: 10 })).groups[0],
    ).toMatchObject({ size: 3 });
    expect(await runner.run('quickCheck', { file: live.file })).toEqual([]);
    live.db.close();
  });

  it('brings a failure back with its code, so a damaged file reads as damaged', async () => {
    const { runner } = start();
    const file = join(tempDir(), 'not-a-database.db');
    writeFileSync(file, Buffer.alloc(8192, 0x5a));
    const failure = await runner.run('quickCheck', { file }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'SQLITE_NOTADB' });
    expect(fromSqliteError(failure)).toMatchObject({ code: 'DATABASE_CORRUPT' });
    // The worker is fine afterwards.
    const live = await liveDatabase();
    expect(await runner.run('quickCheck', { file: live.file })).toEqual([]);
    live.db.close();
  });

  it('a job that writes a staged file reports through the core’s log, and its CrmErrors stay CrmErrors', async () => {
    const { runner, logs } = start();
    const staged = join(tempDir(), 'crm.db');
    createDatabaseAt(staged, migrations, 3).close();
    await runner.run('prepareStagedDatabase', { file: staged });
    expect(logs).toContainEqual(
      objectContaining({
        level: 'info',
        message: 'database opened',
        context: objectContaining({ job: 'prepareStagedDatabase' }),
      }),
    );

    const newer = join(tempDir(), 'crm.db');
    const future = createDatabaseAt(newer, migrations, 3);
    future.pragma(`user_version = ${migrations.length + 1}`);
    future.close();
    const refused = await runner.run('prepareStagedDatabase', { file: newer }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CrmError);
    expect(refused).toMatchObject({
      code: 'SCHEMA_TOO_NEW',
      message: stringMatching(/newer version of Rolodesk/),
    });
  });

  it('stops a job when its signal aborts (CANCELLED), queued or running, and goes on with the next', async () => {
    const { runner } = start({ maxWorkers: 1 });
    const live = await liveDatabase();
    const running = new AbortController();
    const queued = new AbortController();
    const first = runner.run('integrityCheck', { file: live.file }, { signal: running.signal });
    const second = runner.run('integrityCheck', { file: live.file }, { signal: queued.signal });
    const third = runner.run('quickCheck', { file: live.file });
    const outcomes = Promise.allSettled([first, second, third]);
    queued.abort();
    running.abort();
    expect(await outcomes).toEqual([
      { status: 'rejected', reason: objectContaining({ code: 'CANCELLED' }) },
      { status: 'rejected', reason: objectContaining({ code: 'CANCELLED' }) },
      { status: 'fulfilled', value: [] },
    ]);
    live.db.close();
  });

  it('stops the jobs on one file (before it is closed or moved) and leaves the others running', async () => {
    const { runner } = start();
    const [closing, other] = [await liveDatabase(), await liveDatabase()];
    const onClosing = runner.run('integrityCheck', { file: closing.file });
    const onOther = runner.run('integrityCheck', { file: other.file });
    await runner.stopJobsOn(closing.file);
    await expect(onClosing).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await onOther).toEqual([]);
    closing.db.close();
    other.db.close();
  });

  it('reports progress from inside a job', async () => {
    const { runner } = start();
    const live = await liveDatabase();
    const copy = join(tempDir(), 'copy.db');
    live.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(live.file, copy);
    const fractions: number[] = [];
    const checked = await runner.run(
      'checkCopy',
      { file: copy },
      { onProgress: (fraction) => fractions.push(fraction) },
    );
    expect(checked).toMatchObject({ integrity: ['ok'], foreignKeys: [] });
    expect(fractions).toEqual([0.8]);
    live.db.close();
  });

  it('works the same from inside a worker thread (where the core may be hosted)', async () => {
    const live = await liveDatabase();
    live.add('Anna Berg');
    live.add('anna berg');
    const entry = join(tempDir(), 'host.ts');
    writeFileSync(
      entry,
      [
        `import { parentPort, workerData } from 'node:worker_threads';`,
        `import { jobRunner } from ${JSON.stringify(join(__dirname, 'runner.ts'))};`,
        `import { memoryLogger } from ${JSON.stringify(join(__dirname, '../logger.ts'))};`,
        `const jobs = jobRunner(memoryLogger());`,
        `jobs.run('findDuplicates', { file: workerData.file, kind: 'contact', offset: 0, limit: 10 })`,
        `  .then((page) => parentPort!.postMessage(page), (error) => parentPort!.postMessage({ error: String(error) }))`,
        `  .finally(() => jobs.close());`,
      ].join('\n'),
    );
    const host = startWorker(entry, { workerData: { file: live.file } });
    const page: unknown = (await once(host, 'message'))[0];
    expect(page).toMatchObject({ total: 1, groups: [{ reason: 'name', size: 2 }] });
    await host.terminate();
    live.db.close();
  });
  it('ends a job that runs out of memory in words, and runs the next one in a fresh worker', async () => {
    // An .xlsx file is read whole: 150,000 rows need far more than a 48 MB heap.
    const workbook = join(tempDir(), 'big.xlsx');
    const rows = Array.from({ length: 150_000 }, (_, row) =>
      [`Person ${row}`, `person${row}@example.com`, `+44 20 ${row}`, 'Acme Ltd', 'A note on this person'].map(
        (value) => ({ value }),
      ),
    );
    await writeExcelFile([
      [{ value: 'Name' }, { value: 'Email' }, { value: 'Phone' }, { value: 'Company' }, { value: 'Notes' }],
      ...rows,
    ]).toFile(workbook);
    const { runner, logs } = start({ heapMb: 48 });

    const error = await runner.run('importInspect', { file: workbook, read: {} }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).message).toBe(
      'This needed more memory than Rolodesk gives one task, so it was stopped. Nothing was changed. A very large Excel file imports in far less memory saved as CSV (File › Save As › CSV in Excel).',
    );
    expect(logs.some((record) => record.message === 'a job worker failed')).toBe(true);
    const live = await liveDatabase();
    expect(await runner.run('quickCheck', { file: live.file })).toEqual([]);
    live.db.close();
  }, 60_000);
});
