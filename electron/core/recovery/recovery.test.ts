import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { createContact } from '../../../tests/support/upload';
import { openCore, type Core } from '../core';
import { memoryLogger } from '../logger';

/** Flips bytes across the middle of a file, as a failing disk or a bad sector would. */
function damage(file: string): Buffer {
  const bytes = readFileSync(file);
  for (let at = 4096; at < bytes.length - 100; at += 1024) bytes.writeUInt8(bytes.readUInt8(at) ^ 0xa5, at);
  writeFileSync(file, bytes);
  return bytes;
}

describe('a damaged database', () => {
  const tempDir = useTempDirs();
  const open: Core[] = [];
  afterEach(async () => {
    for (const core of open.splice(0)) await core.close();
  });
  const start = async (dataDir: string, desktop = recordingDesktop()) => {
    const events: EventName[] = [];
    const core = await openCore({
      dataDir,
      logger: memoryLogger(),
      appVersion: '1.0.0',
      desktop,
      emit: (event) => events.push(event),
    });
    open.push(core);
    return { core, desktop, events };
  };

  async function dataWithSnapshot(): Promise<string> {
    const dataDir = tempDir();
    const { core } = await start(dataDir);
    for (let i = 0; i < 300; i++) await createContact(core, `Client ${String(i).padStart(3, '0')}`);
    await core.dispatch('backups.create', {});
    await createContact(core, 'Added after the backup');
    await core.close();
    return dataDir;
  }

  it('is caught at start-up, kept aside, and the newest verified snapshot brings the data back', async () => {
    const dataDir = await dataWithSnapshot();
    const damagedBytes = damage(join(dataDir, 'crm.db'));

    const { core, desktop } = await start(dataDir);
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, data: { mode: 'recovery' } });
    expect(await core.dispatch('contacts.list', {})).toMatchObject({ ok: false, error: { code: 'DATABASE_CORRUPT' } });
    const status = await core.dispatch('recovery.status', {});
    expect(status).toMatchObject({
      ok: true,
      data: { damaged: true, newestVerified: { verified: true, counts: { contacts: 300 } } },
    });
    const { movedTo } = (status as { data: { movedTo: string } }).data;
    expect(readFileSync(join(movedTo, 'crm.db')).equals(damagedBytes)).toBe(true);

    expect(await core.dispatch('recovery.copyDetails', {})).toEqual({ ok: true, data: { copied: true } });
    expect(desktop.copied[0]).toMatch(/Rolodesk found its database damaged[\s\S]*Damaged file kept in/);

    const newest = (status as { data: { newestVerified: { id: string } } }).data.newestVerified;
    expect(await core.dispatch('backups.restore', { id: newest.id })).toEqual({ ok: true, data: { restored: true } });
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, data: { mode: 'normal' } });
    const page = await core.dispatch('contacts.list', { limit: 1 });
    // At most the work since that snapshot is lost.
    expect(page).toMatchObject({ ok: true, data: { total: 300 } });
    expect(existsSync(join(movedTo, 'crm.db'))).toBe(true);
  });

  it('can start over empty when the user chooses to, keeping the damaged file aside', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    for (let i = 0; i < 300; i++) await createContact(first.core, `Client ${i}`);
    await first.core.close();
    damage(join(dataDir, 'crm.db'));
    const { core } = await start(dataDir);
    expect(await core.dispatch('recovery.status', {})).toMatchObject({
      ok: true,
      data: { damaged: true, newestVerified: null },
    });
    expect(await core.dispatch('recovery.startEmpty', {})).toEqual({ ok: true, data: { started: true } });
    expect(await core.dispatch('contacts.list', {})).toMatchObject({ ok: true, data: { total: 0 } });
    expect(readdirSync(dataDir).some((name) => name.startsWith('damaged-'))).toBe(true);
  });

  it('found while the app is running: the window is told, and the file is kept aside', async () => {
    const dataDir = await dataWithSnapshot();
    const { core, events } = await start(dataDir);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    damage(join(dataDir, 'crm.db'));
    // A query that reads pages SQLite has not cached yet meets the damage.
    core.db.pragma('cache_size = 0');
    const result = await core.dispatch('contacts.list', { sort: 'company', limit: 500 });
    const searched = result.ok ? await core.dispatch('contacts.list', { search: 'client 2' }) : result;
    expect(searched).toMatchObject({ ok: false, error: { code: 'DATABASE_CORRUPT' } });
    // The window is told once the damage is confirmed: a background check may be reading the file at that moment.
    await expect.poll(() => events, { timeout: 30_000 }).toContain('data.damaged');
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, data: { mode: 'recovery' } });
    expect(readdirSync(dataDir).some((name) => name.startsWith('damaged-'))).toBe(true);
  });
});
