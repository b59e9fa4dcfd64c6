import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract';
import type { LogRecord } from '../../electron/core/logger';
import { useChildren } from '../support/child';
import { fixedClock, useCores } from '../support/core';
import { damageTablePages } from '../support/damage';
import { useTempDirs } from '../support/temp-dir';
import { createContact } from '../support/upload';

/** Where each message first appears in the log (-1 if never). */
const positionOf = (logs: readonly LogRecord[], message: string) => logs.findIndex((record) => record.message === message);
const finished = (logs: readonly LogRecord[]) => logs.find((record) => record.message === 'background database checks finished');

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
    await expect.poll(() => finished(core.logs)).toMatchObject({ context: { passed: ['quick check'] } });
    const opened = positionOf(core.logs, 'database opened');
    expect(opened).toBeGreaterThanOrEqual(0);
    expect(positionOf(core.logs, 'quick check started in the background')).toBeGreaterThan(opened);
    expect(positionOf(core.logs, 'quick check passed before opening (the last close was not clean)')).toBe(-1);
  });

  it('after a crash (SIGKILL while writing), the quick check runs before the database is opened for writes', async () => {
    const dataDir = await dataClosedCleanly();
    const child = startChild('write-contacts-forever.ts', [dataDir]);
    await child.waitForLine(/^wrote 20$/);
    child.process.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');

    const core = await openCore(dataDir);
    const checked = positionOf(core.logs, 'quick check passed before opening (the last close was not clean)');
    expect(checked).toBeGreaterThanOrEqual(0);
    expect(checked).toBeLessThan(positionOf(core.logs, 'database opened'));
    expect(positionOf(core.logs, 'quick check started in the background')).toBe(-1);
    // Every committed write is there.
    const page = await core.dispatch('contacts.list', { search: 'written before the crash', limit: 1 });
    expect(page.ok && (page.data as { total: number }).total).toBeGreaterThanOrEqual(21);
  });

  it('a database changed since its clean close (copied in, edited elsewhere) is checked before it is used', async () => {
    const dataDir = await dataClosedCleanly(3);
    const file = join(dataDir, 'crm.db');
    const later = new Date(statSync(file).mtimeMs + 60_000);
    utimesSync(file, later, later);
    const core = await openCore(dataDir);
    expect(positionOf(core.logs, 'quick check passed before opening (the last close was not clean)')).toBeLessThan(positionOf(core.logs, 'database opened'));
    expect(positionOf(core.logs, 'quick check passed before opening (the last close was not clean)')).toBeGreaterThanOrEqual(0);
  });

  it('damage the background check finds brings up the recovery mode, as damage a request meets does', async () => {
    const dataDir = await dataClosedCleanly();
    expect(damageTablePages(join(dataDir, 'crm.db'), 'contacts')).toBeGreaterThan(2);
    const events: EventName[] = [];
    const core = await openCore(dataDir, { emit: (event) => events.push(event) });
    await expect.poll(() => events).toContain('data.damaged');
    expect(positionOf(core.logs, 'database opened')).toBeLessThan(positionOf(core.logs, 'a background check found the database damaged'));
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, data: { mode: 'recovery' } });
    expect(await core.dispatch('contacts.list', {})).toMatchObject({ ok: false, error: { code: 'DATABASE_CORRUPT' } });
    expect(await core.dispatch('recovery.status', {})).toMatchObject({ ok: true, data: { damaged: true, details: expect.stringMatching(/quick_check failed/) } });
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
      await expect.poll(() => finished(core.logs)?.context).toBeDefined();
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
