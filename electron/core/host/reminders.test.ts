import { afterEach, describe, expect, it } from 'vitest';
import type { DueReminder } from '../../../shared/schemas/activity';
import { openCore, type Core } from '../core';
import { memoryLogger } from '../logger';
import { fixedClock } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { startReminders } from './reminders';

/** A check is asynchronous (it waits while an import writes): lets one finish. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('task reminders', () => {
  const tempDir = useTempDirs();
  const open: Core[] = [];
  afterEach(async () => {
    for (const core of open.splice(0)) await core.close();
  });

  it('notifies once for each task that falls due, on every tick, until stopped', async () => {
    const clock = fixedClock('2026-03-02T09:00:00.000Z');
    const core = await openCore({ dataDir: tempDir(), logger: memoryLogger(), appVersion: 'test', clock });
    open.push(core);
    const contact = await core.dispatch('contacts.create', { name: 'Anna Berg' });
    if (!contact.ok) throw new Error(contact.error.message);
    const task = await core.dispatch('activities.create', {
      kind: 'task',
      subject: 'Call Anna about the renewal',
      dueAt: '2026-03-02T10:00:00.000Z',
      contactId: (contact.data as { id: number }).id,
    });
    expect(task.ok).toBe(true);

    const shown: DueReminder[] = [];
    const ticks: Array<() => void> = [];
    const stop = startReminders(
      { dueReminders: () => core.dueReminders(clock.now()), purgeTrash: () => core.purgeTrash(clock.now()) },
      (reminder) => shown.push(reminder),
      (what, error) => {
        throw new Error(`${what}: ${String(error)}`);
      },
      (_ms, tick) => {
        ticks.push(tick);
        return () => ticks.splice(ticks.indexOf(tick), 1);
      },
    );
    await settled();
    expect(shown).toEqual([]);
    clock.advance(2 * 3600 * 1000);
    ticks[0]!();
    await settled();
    expect(shown).toEqual([expect.objectContaining({ subject: 'Call Anna about the renewal', about: 'Anna Berg' })]);
    ticks[0]!();
    await settled();
    expect(shown).toHaveLength(1);
    stop();
    expect(ticks).toEqual([]);
  });
});
