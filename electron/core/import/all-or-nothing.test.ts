import { appendFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/contract';
import { call, count, failure } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Core } from '../core';
import { openFile, peopleCsv, writeFile } from '../../../tests/support/import-files';

/** Everything stored, as rows: "the data is unchanged" means this is equal. */
function snapshot(core: Core): string {
  const tables = core.db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts%' AND name <> 'settings' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return JSON.stringify(tables.map((table) => [table, core.db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()]));
}

describe('all or nothing', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  async function setUp() {
    const desktop = recordingDesktop();
    const events: Array<{ event: EventName; payload: unknown }> = [];
    const listeners: Array<(event: EventName, payload: unknown) => void> = [];
    const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
      events.push({ event, payload });
      for (const listener of listeners) listener(event, payload);
    };
    const core = await openCore(tempDir(), { desktop, emit });
    await call(core, 'contacts.create', { name: 'Already Here', email: 'here@example.com' });
    return {
      core,
      desktop,
      events,
      onEvent: (listener: (event: EventName, payload: unknown) => void) => listeners.push(listener),
      dir: tempDir(),
    };
  }

  it('a failure at row N leaves the data exactly as it was', async () => {
    const { core, desktop, dir } = await setUp();
    // A real failure inside the write: the database itself refuses row 500.
    core.db.exec(
      "CREATE TRIGGER refuse_row_500 BEFORE INSERT ON contacts WHEN new.name = 'Person 500' BEGIN SELECT RAISE(ABORT, 'row 500 refused'); END;",
    );
    const before = snapshot(core);
    const file = await openFile(core, desktop, writeFile(dir, 'people.csv', peopleCsv(1000)));
    const error = await failure(core, 'import.run', file.plan());
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('Nothing was changed');
    expect(snapshot(core)).toBe(before);
    expect(count(core, 'SELECT count(*) FROM imports')).toBe(0);
    // The core writes as before once the import is over.
    await call(core, 'contacts.create', { name: 'After' });
  });

  it('cancel while writing: nothing is committed, and the app writes again', async () => {
    const { core, desktop, dir, onEvent } = await setUp();
    const before = snapshot(core);
    const file = await openFile(core, desktop, writeFile(dir, 'people.csv', peopleCsv(20_000)));
    let cancelled: Promise<unknown> | undefined;
    onEvent((event, payload) => {
      const progress = payload as EventPayload<'import.progress'>;
      if (event === 'import.progress' && progress.phase === 'writing' && progress.rows > 0 && !cancelled)
        cancelled = core.dispatch('import.cancel', { importId: file.importId });
    });
    const error = await failure(core, 'import.run', file.plan());
    expect(cancelled).toBeDefined();
    expect(await cancelled).toEqual({ ok: true, data: { cancelled: true } });
    expect(error.code).toBe('CANCELLED');
    expect(snapshot(core)).toBe(before);
    await call(core, 'contacts.create', { name: 'After' });
    expect(count(core, 'SELECT count(*) FROM contacts')).toBe(2);
  });

  it('cancel while a preview counts: it stops with CANCELLED; with nothing running, cancel says so', async () => {
    const { core, desktop, dir, onEvent } = await setUp();
    const file = await openFile(core, desktop, writeFile(dir, 'people.csv', peopleCsv(20_000)));
    expect(await call(core, 'import.cancel', { importId: file.importId })).toEqual({ cancelled: false });
    let cancelled = false;
    onEvent((event, payload) => {
      if (
        event === 'import.progress' &&
        (payload as EventPayload<'import.progress'>).phase === 'checking' &&
        !cancelled
      ) {
        cancelled = true;
        void core.dispatch('import.cancel', { importId: file.importId });
      }
    });
    const error = await failure(core, 'import.preview', file.plan());
    expect(cancelled).toBe(true);
    expect(error).toMatchObject({
      code: 'CANCELLED',
      message: 'The work was stopped before it finished. Nothing was changed.',
    });
    // The file stays open: a new preview runs to the end.
    expect((await file.preview()).counts.create).toBe(20_000);
  });

  it('a file changed while it is read: the run fails cleanly, nothing changed', async () => {
    const { core, desktop, dir, onEvent } = await setUp();
    const before = snapshot(core);
    const path = writeFile(dir, 'people.csv', peopleCsv(50_000));
    const file = await openFile(core, desktop, path);
    let changed = false;
    onEvent((event, payload) => {
      if (event === 'import.progress' && (payload as EventPayload<'import.progress'>).phase === 'reading' && !changed) {
        changed = true;
        appendFileSync(path, 'Added Later,later@example.com,,,\n');
      }
    });
    const error = await failure(core, 'import.run', file.plan());
    expect(changed).toBe(true);
    expect(error).toMatchObject({
      code: 'FILE_REFUSED',
      message: 'The file changed while it was being read. Nothing was imported.',
    });
    expect(snapshot(core)).toBe(before);
  });

  it('announces the change after COMMIT and reports progress per phase with rows per second', async () => {
    const { core, desktop, dir, events } = await setUp();
    const file = await openFile(core, desktop, writeFile(dir, 'people.csv', peopleCsv(300)));
    await file.run();
    const phases = events
      .filter((entry) => entry.event === 'import.progress')
      .map((entry) => (entry.payload as EventPayload<'import.progress'>).phase);
    expect(new Set(phases)).toEqual(new Set(['reading', 'writing']));
    expect(events.at(-1)).toEqual({
      event: 'records.changed',
      payload: { records: [], kinds: ['company', 'contact'], complete: false },
    });
  });
});
