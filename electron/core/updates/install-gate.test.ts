import { rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../core';
import { memoryLogger } from '../logger';
import { campaignRuns } from '../sending/email-settings';
import { call, failure } from '../../../tests/support/crm';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { prepareInstall } from './install-gate';
import { runningWork } from './running-work';

const tempDir = useTempDirs();
const open: Core[] = [];
afterEach(async () => {
  for (const core of open.splice(0)) await core.close();
});

async function startCore() {
  const desktop = recordingDesktop();
  const core = await openCore({
    dataDir: tempDir(),
    logger: memoryLogger(),
    appVersion: '0.1.0',
    desktop,
    updateWaitPollMs: 20,
  });
  open.push(core);
  await call(core, 'contacts.create', { name: 'Anna Berg' });
  return { core, desktop };
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('the install gate: an update installs only after a verified snapshot, with nothing running', () => {
  it('Restart to update takes a verified "before update" snapshot, then asks main to install', async () => {
    const { core, desktop } = await startCore();
    expect(await call(core, 'updates.restart', {})).toEqual({ restarting: true });
    expect(desktop.restartsToUpdate).toBe(1);
    expect(await core.backups.list()).toEqual([expect.objectContaining({ reason: 'before update', verified: true })]);
  });

  it('when the snapshot fails, nothing is installed and the user is told in words', async () => {
    const { core, desktop } = await startCore();
    // The backup folder is gone and a file stands in its place: the copy cannot be made.
    rmSync(core.backups.location(), { recursive: true, force: true });
    writeFileSync(core.backups.location(), 'not a folder');
    const refused = await failure(core, 'updates.restart', {});
    expect(refused.code).toBe('STORAGE');
    expect(refused.message).toMatch(
      /^The update was not installed, because the backup Rolodesk takes first did not succeed\..*Your data is as it was/,
    );
    expect(desktop.restartsToUpdate).toBe(0);
  });

  it('waits while a campaign is sending, and goes on once it has finished', async () => {
    const { core, desktop } = await startCore();
    const runs = campaignRuns(core.settings);
    runs.set(7, { state: 'running', lastError: null });
    const restarting = call(core, 'updates.restart', {});
    await wait(200);
    expect(desktop.restartsToUpdate).toBe(0);
    const sendingEndedAt = new Date().toISOString();
    runs.set(7, { state: 'done', lastError: null });
    expect(await restarting).toEqual({ restarting: true });
    expect(desktop.restartsToUpdate).toBe(1);
    // The snapshot is of the data after the sending ended, not before.
    const [snapshot] = await core.backups.list();
    expect(snapshot!.createdAt >= sendingEndedAt).toBe(true);
  });

  it('work that started while the snapshot was taken ends first, and the snapshot is taken again after it', async () => {
    const { core } = await startCore();
    const looks: boolean[] = [false, true, true, false, false];
    const reasons: string[] = [];
    const snapshot = await prepareInstall({
      running: () => (looks.shift() ? ['an import'] : []),
      verifiedSnapshot: async (reason) => {
        reasons.push(reason);
        return core.backups.verifiedSnapshot(reason);
      },
      pause: () => wait(5),
      logger: memoryLogger(),
    });
    expect(reasons).toEqual(['before update', 'before update']);
    expect(snapshot.verified).toBe(true);
    expect(looks).toEqual([]);
  });

  it('names the work it waits for in words', () => {
    expect(runningWork({ importWriting: () => true, sendingCampaigns: () => 2 })).toEqual([
      'an import',
      'sending a campaign',
    ]);
    expect(runningWork({ importWriting: () => false, sendingCampaigns: () => 0 })).toEqual([]);
  });
});
