import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/contract';
import { call, count } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { openFile, peopleCsv, writeFile } from '../../../tests/support/import-files';

const rows = 100_000;

describe('a 100,000-row import never blocks the core', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it(
    'lists answer (with the data as it was) while the import writes; a write waits for its COMMIT, then runs',
    { timeout: 600_000 },
    async () => {
      const desktop = recordingDesktop();
      let writing!: () => void;
      const writingStarted = new Promise<void>((resolve) => (writing = resolve));
      const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
        if (
          event === 'import.progress' &&
          (payload as EventPayload<'import.progress'>).phase === 'writing' &&
          (payload as EventPayload<'import.progress'>).rows >= 1000
        )
          writing();
      };
      const core = await openCore(tempDir(), { desktop, emit });
      await call(core, 'contacts.create', { name: 'Already Here', email: 'here@example.com' });
      const file = await openFile(core, desktop, writeFile(tempDir(), 'big.csv', peopleCsv(rows)));

      let finished = false;
      const running = call(core, 'import.run', file.plan()).finally(() => (finished = true));
      await writingStarted;
      const page = await call(core, 'contacts.list', {});
      expect(finished).toBe(false);
      expect(page.total).toBe(1);
      const search = await call(core, 'search.all', { text: 'Already' });
      expect(finished).toBe(false);
      expect(search.groups[0]?.hits[0]?.title).toBe('Already Here');

      // Met the import's lock, it waits (its thread free) and runs after the COMMIT: the newest contact of all.
      const created = call(core, 'contacts.create', { name: 'Typed During The Import' });
      const summary = await running;
      expect(summary).toMatchObject({ created: rows, rejected: 0 });
      expect((await created).id).toBe(count(core, 'SELECT max(id) FROM contacts'));
      expect(count(core, 'SELECT count(*) FROM contacts')).toBe(rows + 2);
      expect((await call(core, 'contacts.list', { search: 'Person 99999' })).rows[0]?.name).toBe('Person 99999');
    },
  );
});
