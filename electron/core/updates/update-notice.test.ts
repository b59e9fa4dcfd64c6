import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../core';
import { migrations } from '../db/migrations';
import { memoryLogger } from '../logger';
import { call } from '../../../tests/support/crm';
import { createDatabaseAt } from '../../../tests/support/old-database';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { migrationWords } from './migration-words';
import { lastRunVersion } from './update-notice';
import { anyString, objectContaining } from '../../../tests/support/matchers';

const tempDir = useTempDirs();
const open: Core[] = [];
afterEach(async () => {
  for (const core of open.splice(0)) await core.close();
});

async function start(dataDir: string, appVersion: string) {
  const core = await openCore({ dataDir, logger: memoryLogger(), appVersion, desktop: recordingDesktop() });
  open.push(core);
  return core;
}

async function quit(core: Core) {
  open.splice(open.indexOf(core), 1);
  await core.close();
}

/** A data folder as an older Rolodesk left it, at schema `upTo`, with one contact. */
function olderDataFolder(upTo: number): string {
  const dataDir = tempDir();
  mkdirSync(dataDir, { recursive: true });
  const db = createDatabaseAt(join(dataDir, 'crm.db'), migrations, upTo);
  db.prepare(
    "INSERT INTO contacts (name, email, created_at, updated_at) VALUES ('Anna Berg', 'anna@example.com', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
  ).run();
  db.close();
  return dataDir;
}

describe('the first start of a new version that migrated the data says what it did, once', () => {
  it('lists the changes in words and names the snapshot taken before them, until dismissed', async () => {
    const latest = migrations.at(-1)!.version;
    const dataDir = olderDataFolder(latest - 2);
    const core = await start(dataDir, '0.2.0');
    const { notice } = await call(core, 'updates.notice', {});
    expect(notice).toEqual({
      version: '0.2.0',
      changes: [migrationWords[latest - 1], migrationWords[latest]],
      snapshotId: anyString(),
    });
    expect(await core.backups.list()).toEqual([objectContaining({ id: notice?.snapshotId, reason: 'before update' })]);
    expect(lastRunVersion(core.settings)).toBe('0.2.0');

    // Still there after a restart the user did not read it in; gone for good once closed.
    await quit(core);
    const again = await start(dataDir, '0.2.0');
    expect((await call(again, 'updates.notice', {})).notice?.version).toBe('0.2.0');
    expect(await call(again, 'updates.dismissNotice', {})).toEqual({ dismissed: true });
    expect(await call(again, 'updates.notice', {})).toEqual({ notice: null });
    await quit(again);
    expect(await call(await start(dataDir, '0.2.0'), 'updates.notice', {})).toEqual({ notice: null });
  });

  it('a new data folder, or a start that migrated nothing, has nothing to tell', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir, '0.1.0');
    expect(await call(first, 'updates.notice', {})).toEqual({ notice: null });
    await quit(first);
    const next = await start(dataDir, '0.2.0');
    expect(await call(next, 'updates.notice', {})).toEqual({ notice: null });
    expect(lastRunVersion(next.settings)).toBe('0.2.0');
  });

  it('every migration has words for the notice', () => {
    expect(Object.keys(migrationWords).map(Number)).toEqual(migrations.map((migration) => migration.version));
  });
});

describe('Settings › Updates: check for updates automatically', () => {
  it('is on by default, and turning it off is kept across a restart', async () => {
    const dataDir = tempDir();
    const core = await start(dataDir, '0.1.0');
    expect(await call(core, 'updates.settings', {})).toEqual({ checkAutomatically: true });
    expect(await call(core, 'updates.updateSettings', { checkAutomatically: false })).toEqual({
      checkAutomatically: false,
    });
    await quit(core);
    expect(await call(await start(dataDir, '0.1.0'), 'updates.settings', {})).toEqual({ checkAutomatically: false });
  });
});
