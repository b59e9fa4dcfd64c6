import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/contract';
import { call, count } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { openFile, peopleCsv, writeFile } from '../../../tests/support/import-files';

const day = 24 * 3600 * 1000;

describe('writes outside the requests while an import writes', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('the reminders’ notified mark and the trash purge wait for the import’s COMMIT instead of failing “busy”', async () => {
    const desktop = recordingDesktop();
    const clock = fixedClock('2026-12-06T10:00:00.000Z');
    const listeners: Array<(event: EventName, payload: unknown) => void> = [];
    const emit = <E extends EventName>(event: E, payload: EventPayload<E>) =>
      listeners.forEach((listener) => listener(event, payload));
    const core = await openCore(tempDir(), { desktop, clock, emit });
    // A task that falls due in five minutes, and a contact that has been in the trash for 31 days by the purge's clock.
    const anna = await call(core, 'contacts.create', { name: 'Anna Berg' });
    await call(core, 'activities.create', {
      kind: 'task',
      subject: 'Call Anna',
      dueAt: '2026-12-06T10:05:00.000Z',
      contactId: anna.id,
    });
    expect(await core.dueReminders()).toEqual([]);
    const gone = await call(core, 'contacts.create', { name: 'Old Contact' });
    await call(core, 'contacts.delete', { id: gone.id });
    clock.advance(10 * 60 * 1000);

    const file = await openFile(core, desktop, writeFile(tempDir(), 'people.csv', peopleCsv(20_000)));
    let seenByReminders = 0;
    let during:
      { reminders: ReturnType<typeof core.dueReminders>; purge: ReturnType<typeof core.purgeTrash> } | undefined;
    listeners.push((event, payload) => {
      const progress = payload as EventPayload<'import.progress'>;
      // Mid-write: the import's connection holds the database's write lock.
      if (event === 'import.progress' && progress.phase === 'writing' && progress.rows > 0 && !during) {
        during = { reminders: core.dueReminders(), purge: core.purgeTrash(new Date(clock.now().getTime() + 31 * day)) };
        // What the core's connection sees when the check runs: the import's rows only once it committed.
        void during.reminders.then(() => (seenByReminders = count(core, 'SELECT count(*) FROM contacts')));
      }
    });
    const summary = await file.run();
    expect(summary.created).toBe(20_000);
    expect(during).toBeDefined();
    expect(await during!.reminders).toEqual([expect.objectContaining({ subject: 'Call Anna', about: 'Anna Berg' })]);
    expect(seenByReminders).toBeGreaterThanOrEqual(20_001);
    expect(await during!.purge).toBe(1);
    expect(core.db.prepare('SELECT count(*) FROM contacts WHERE id = ?').pluck().get(gone.id)).toBe(0);
    // Marked once: the next check hands nothing out again.
    expect(await core.dueReminders()).toEqual([]);
  });
});
