import Database from 'better-sqlite3';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract';
import { latestSchemaVersion, migrations } from '../../electron/core/db/migrations';
import { startBackground } from '../../electron/core/host/background';
import { jobRunner, type JobRunner } from '../../electron/core/jobs/runner';
import { memoryLogger, type Logger, type LogRecord } from '../../electron/core/logger';
import { useChildren } from '../support/child';
import { fixedClock, useCores } from '../support/core';
import { damageTablePages } from '../support/damage';
import { createDatabaseAt } from '../support/old-database';
import { recordingDesktop } from '../support/recording-desktop';
import { useTempDirs } from '../support/temp-dir';
import { createContact } from '../support/upload';
import { stringMatching } from '../support/matchers';

/** Where each message first appears in the log (-1 if never). */
const positionOf = (logs: readonly LogRecord[], message: string) =>
  logs.findIndex((record) => record.message === message);
const finished = (logs: readonly LogRecord[]) =>
  logs.find((record) => record.message === 'background database checks finished');
const checkPassed = 'quick check passed; writes are accepted (the last close was not clean)';
// Background checks run in job workers; on a loaded machine a worker's start alone can pass poll's 1 s default.
const inTheBackground = { timeout: 30_000 };

/**
 * The real job runner, with the quick check held back until the test lets it
 * go (it then runs for real, in its worker): the time a check of a large file
 * takes, under the test's control.
 */
function heldQuickCheck() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const state = { asked: false, done: false };
  const startJobs = (logger: Logger): JobRunner => {
    const real = jobRunner(logger);
    return {
      ...real,
      run: (async (name, args, options) => {
        if (name !== 'quickCheck') return real.run(name, args, options);
        state.asked = true;
        await released;
        try {
          return await real.run(name, args, options);
        } finally {
          state.done = true;
        }
      }) as JobRunner['run'],
    };
  };
  return { startJobs, release, state };
}

/** Whether a promise is still pending after the thread went round its loop a few times. */
async function stillPending(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return !settled;
}

describe('opening the database: the quick check waits only after a crash', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();
  const startChild = useChildren();

  async function dataClosedCleanly(contacts = 300): Promise<string> {
    const dataDir = tempDir();
    const core = await openCore(dataDir);
    for (let i = 0; i < contacts; i++) await createContact(core, `Client ${String(i).padStart(3, '0')}`);
    await core.close();
    return dataDir;
  }

  it('after a clean close, the database opens and answers first; the quick check runs after, in the background', async () => {
    const dataDir = await dataClosedCleanly();
    const core = await openCore(dataDir);
    expect(await core.dispatch('contacts.list', { limit: 1 })).toMatchObject({ ok: true, data: { total: 300 } });
    await expect
      .poll(() => finished(core.logs), inTheBackground)
      .toMatchObject({ context: { passed: ['quick check'] } });
    const opened = positionOf(core.logs, 'database opened');
    expect(opened).toBeGreaterThanOrEqual(0);
    expect(positionOf(core.logs, 'quick check started in the background')).toBeGreaterThan(opened);
    expect(positionOf(core.logs, 'quick check passed before opening (the last close was not clean)')).toBe(-1);
  });

  /** Data a writer was SIGKILLed on mid-write: no clean-close mark. */
  async function dataAfterACrash(): Promise<string> {
    const dataDir = await dataClosedCleanly();
    const child = startChild('write-contacts-forever.ts', [dataDir]);
    await child.waitForLine(/^wrote 20$/);
    child.process.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
    return dataDir;
  }

  it('after a crash (SIGKILL while writing), reads are answered while the quick check runs; a write waits for it to pass', async () => {
    const dataDir = await dataAfterACrash();
    const held = heldQuickCheck();
    // Opening does not wait for the check.
    const core = await openCore(dataDir, { startJobs: held.startJobs });
    await expect.poll(() => held.state.asked).toBe(true);
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, data: { mode: 'normal' } });
    // Every committed write is there, readable before the check ends.
    const page = await core.dispatch('contacts.list', { search: 'written before the crash', limit: 1 });
    expect(page.ok && (page.data as { total: number }).total).toBeGreaterThanOrEqual(21);
    expect(held.state.done).toBe(false);

    const written = core.dispatch('contacts.create', { name: 'Typed during the check' });
    expect(await stillPending(written)).toBe(true);
    expect(await core.dispatch('contacts.list', { search: 'Typed during the check', limit: 1 })).toMatchObject({
      ok: true,
      data: { total: 0 },
    });
    // Nothing of the background's writes either: no reminder is marked shown, the start-up tidy waits.
    expect(await stillPending(core.dueReminders())).toBe(true);
    expect(await stillPending(core.writesAccepted())).toBe(true);
    expect(positionOf(core.logs, 'attachments sweep finished')).toBe(-1);

    held.release();
    expect(await written).toMatchObject({ ok: true, data: { name: 'Typed during the check' } });
    expect(held.state.done).toBe(true);
    expect(await core.writesAccepted()).toBe(true);
    const passed = positionOf(core.logs, checkPassed);
    expect(passed).toBeGreaterThan(positionOf(core.logs, 'database opened'));
    expect(positionOf(core.logs, 'attachments sweep finished')).toBeGreaterThan(passed);
    expect(await core.dispatch('contacts.list', { search: 'Typed during the check', limit: 1 })).toMatchObject({
      ok: true,
      data: { total: 1 },
    });
    // Its quick check was this one: the background runs none again.
    expect(positionOf(core.logs, 'quick check started in the background')).toBe(-1);
  });

  it('after a crash, damage the quick check finds brings up the recovery mode, and no write sent meanwhile lands', async () => {
    const dataDir = await dataAfterACrash();
    expect(damageTablePages(join(dataDir, 'crm.db'), 'contacts')).toBeGreaterThan(2);
    const held = heldQuickCheck();
    const events: EventName[] = [];
    const core = await openCore(dataDir, { startJobs: held.startJobs, emit: (event) => events.push(event) });
    await expect.poll(() => held.state.asked).toBe(true);
    // A read of a table the damage spared is answered meanwhile.
    expect(await core.dispatch('tags.list', {})).toMatchObject({ ok: true });
    const tagged = core.dispatch('tags.create', { name: 'Made during the check' });
    expect(await stillPending(tagged)).toBe(true);

    held.release();
    expect(await tagged).toMatchObject({ ok: false, error: { code: 'DATABASE_CORRUPT' } });
    await expect.poll(() => events, inTheBackground).toContain('data.damaged');
    expect(await core.writesAccepted()).toBe(false);
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, data: { mode: 'recovery' } });
    expect(await core.dispatch('recovery.status', {})).toMatchObject({
      ok: true,
      data: { damaged: true, details: stringMatching(/quick_check failed/) },
    });
    expect(
      positionOf(core.logs, 'the quick check after an unclean shutdown found the database damaged'),
    ).toBeGreaterThanOrEqual(0);
    // The file moved aside holds no trace of the write (its tags table was not damaged, so it can be read).
    expect(core.damage).toBeDefined();
    const aside = new Database(join(core.damage!.movedTo, 'crm.db'), { readonly: true });
    try {
      expect(aside.prepare('SELECT count(*) FROM tags WHERE name = ?').pluck().get('Made during the check')).toBe(0);
    } finally {
      aside.close();
    }
    // The start-up tidy never ran on the damaged data.
    expect(positionOf(core.logs, 'attachments sweep finished')).toBe(-1);
  });

  it('after a crash, the background (start-up snapshot, reminders, trash purge) starts only once the quick check passed', async () => {
    const dataDir = await dataAfterACrash();
    const held = heldQuickCheck();
    const core = await openCore(dataDir, { startJobs: held.startJobs });
    await expect.poll(() => held.state.asked).toBe(true);
    const background = startBackground(core, recordingDesktop(), memoryLogger());
    try {
      expect(await stillPending(background.started)).toBe(true);
      const purging = core.purgeTrash();
      expect(await stillPending(purging)).toBe(true);
      expect(await core.dispatch('backups.list', {})).toMatchObject({ ok: true, data: { snapshots: [] } });
      held.release();
      await background.started;
      expect(positionOf(core.logs, checkPassed)).toBeGreaterThanOrEqual(0);
      expect(await purging).toBe(0);
      // The schedule's start-up snapshot, taken after the check.
      await expect
        .poll(async () => {
          const listed = await core.dispatch('backups.list', {});
          return listed.ok ? (listed.data as { snapshots: unknown[] }).snapshots.length : -1;
        }, inTheBackground)
        .toBe(1);
    } finally {
      await background.stop(5000);
    }
  });

  it('closed before the check after a crash passed: not marked clean, so the next start checks it again', async () => {
    const dataDir = await dataAfterACrash();
    const held = heldQuickCheck();
    const core = await openCore(dataDir, { startJobs: held.startJobs });
    await expect.poll(() => held.state.asked).toBe(true);
    const written = core.dispatch('contacts.create', { name: 'Typed before quitting' });
    const closing = core.close();
    held.release();
    await closing;
    expect(await written).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const again = await openCore(dataDir);
    expect(await again.writesAccepted()).toBe(true);
    expect(positionOf(again.logs, checkPassed)).toBeGreaterThanOrEqual(0);
    expect(await again.dispatch('contacts.list', { search: 'Typed before quitting', limit: 1 })).toMatchObject({
      ok: true,
      data: { total: 0 },
    });
  });

  it('after a crash with a migration due, the quick check still runs before opening: a migration writes at once', async () => {
    const dataDir = tempDir();
    // As an older Rolodesk left it when it was killed: no clean-close mark.
    createDatabaseAt(join(dataDir, 'crm.db'), migrations, latestSchemaVersion - 1).close();
    const held = heldQuickCheck();
    const opening = openCore(dataDir, { startJobs: held.startJobs });
    await expect.poll(() => held.state.asked).toBe(true);
    expect(await stillPending(opening)).toBe(true);
    held.release();
    const core = await opening;
    const checked = positionOf(core.logs, 'quick check passed before opening (the last close was not clean)');
    expect(checked).toBeGreaterThanOrEqual(0);
    expect(checked).toBeLessThan(positionOf(core.logs, 'running migration'));
    expect(await core.writesAccepted()).toBe(true);
    expect(positionOf(core.logs, checkPassed)).toBe(-1);
  });

  it('a database changed since its clean close (copied in, edited elsewhere) is checked before it is used', async () => {
    const dataDir = await dataClosedCleanly(3);
    const file = join(dataDir, 'crm.db');
    const later = new Date(statSync(file).mtimeMs + 60_000);
    utimesSync(file, later, later);
    const core = await openCore(dataDir);
    expect(await core.writesAccepted()).toBe(true);
    expect(positionOf(core.logs, checkPassed)).toBeGreaterThan(positionOf(core.logs, 'database opened'));
    expect(positionOf(core.logs, 'quick check started in the background')).toBe(-1);
  });

  it('damage the background check finds brings up the recovery mode, as damage a request meets does', async () => {
    const dataDir = await dataClosedCleanly();
    expect(damageTablePages(join(dataDir, 'crm.db'), 'contacts')).toBeGreaterThan(2);
    const events: EventName[] = [];
    const core = await openCore(dataDir, { emit: (event) => events.push(event) });
    await expect.poll(() => events, inTheBackground).toContain('data.damaged');
    expect(positionOf(core.logs, 'database opened')).toBeLessThan(
      positionOf(core.logs, 'a background check found the database damaged'),
    );
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, data: { mode: 'recovery' } });
    expect(await core.dispatch('contacts.list', {})).toMatchObject({ ok: false, error: { code: 'DATABASE_CORRUPT' } });
    expect(await core.dispatch('recovery.status', {})).toMatchObject({
      ok: true,
      data: { damaged: true, details: stringMatching(/quick_check failed/) },
    });
    expect(readdirSync(dataDir).filter((name) => name.startsWith('damaged-'))).toHaveLength(1);
  });

  it('the full integrity check runs once a week in the background, and restarts keep the schedule', async () => {
    const clock = fixedClock('2026-03-02T09:00:00.000Z');
    const dataDir = tempDir();
    const day = 24 * 3600 * 1000;
    const passedAt = async (daysLater: number) => {
      clock.advance(daysLater * day);
      const core = await openCore(dataDir, { clock });
      await createContact(core, `Seen on day ${daysLater}`);
      await expect.poll(() => finished(core.logs)?.context, inTheBackground).toBeDefined();
      await core.close();
      return (finished(core.logs)?.context as { passed: string[] }).passed;
    };
    // A new database counts as checked the day it was made.
    const created = await openCore(dataDir, { clock });
    await created.close();
    expect(finished(created.logs)).toBeUndefined();

    expect(await passedAt(3)).toEqual(['quick check']);
    expect(await passedAt(3)).toEqual(['quick check']);
    expect(await passedAt(2)).toEqual(['quick check', 'integrity check']);
    expect(await passedAt(1)).toEqual(['quick check']);
    expect(await passedAt(5)).toEqual(['quick check']);
    expect(await passedAt(1)).toEqual(['quick check', 'integrity check']);
  });
});
