import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { createContact } from '../../../tests/support/upload';
import { fixedClock } from '../../../tests/support/core';
import { openCore, type Core } from '../core';
import { memoryLogger } from '../logger';
import { startBackupSchedule, type Every } from './schedule';

/** Timers the test fires by hand: the real schedule and the real core, no waiting. */
function manualTimers() {
  const timers: Array<{ ms: number; tick: () => void; cancelled: boolean }> = [];
  const every: Every = (ms, tick) => {
    const timer = { ms, tick, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  return {
    every,
    live: () => timers.filter((timer) => !timer.cancelled),
    fire: () => timers.filter((timer) => !timer.cancelled).forEach((timer) => timer.tick()),
  };
}

describe('the backup schedule', () => {
  const tempDir = useTempDirs();
  const open: Core[] = [];
  afterEach(async () => {
    for (const core of open.splice(0)) await core.close();
  });

  it('snapshots at start-up, then on each tick only while there are changes, and once more on quit', async () => {
    const clock = fixedClock();
    const core = await openCore({ dataDir: tempDir(), logger: memoryLogger(), appVersion: '1.0.0', clock });
    open.push(core);
    await createContact(core, 'Anna');
    const timers = manualTimers();
    const schedule = startBackupSchedule(
      core.backups,
      memoryLogger(),
      () => core.backups.settings().intervalMinutes,
      timers.every,
    );
    await core.backups.settled();
    const count = async () => (await core.backups.list()).length;
    expect(await count()).toBe(1);
    expect(timers.live().map((timer) => timer.ms)).toEqual([15 * 60_000]);

    clock.advance(15 * 60_000);
    timers.fire();
    await core.backups.settled();
    expect(await count()).toBe(1); // nothing changed since the start-up snapshot

    await createContact(core, 'Bob');
    clock.advance(15 * 60_000);
    timers.fire();
    await core.backups.settled();
    await core.backups.settled();
    expect(await count()).toBe(2);

    await createContact(core, 'Carl');
    clock.advance(60_000);
    await schedule.stopAndSnapshot(10_000);
    expect((await core.backups.list())[0]).toMatchObject({ reason: 'on quit', counts: { contacts: 3 } });
    expect(timers.live()).toEqual([]);
  });

  it('picks up a changed interval from the next tick', async () => {
    const core = await openCore({
      dataDir: tempDir(),
      logger: memoryLogger(),
      appVersion: '1.0.0',
      clock: fixedClock(),
    });
    open.push(core);
    const timers = manualTimers();
    startBackupSchedule(core.backups, memoryLogger(), () => core.backups.settings().intervalMinutes, timers.every);
    await core.backups.updateSettings({ ...core.backups.settings(), intervalMinutes: 60 });
    timers.fire();
    expect(timers.live().map((timer) => timer.ms)).toEqual([60 * 60_000]);
    await core.backups.settled();
  });
});
