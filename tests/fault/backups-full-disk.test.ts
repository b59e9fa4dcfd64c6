import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract';
import { openCore, type Core } from '../../electron/core/core';
import { verifySnapshot } from '../../electron/core/backups/verify';
import { memoryLogger } from '../../electron/core/logger';
import { isRoot, mountSmallDisk } from '../support/fault-fs';
import { recordingDesktop } from '../support/recording-desktop';
import { useJobRunner } from '../support/jobs';
import { useTempDirs } from '../support/temp-dir';
import { createContact, upload } from '../support/upload';
import { samples } from '../support/sample-files';
import { stringMatching } from '../support/matchers';

describe('the backup folder on a full disk', () => {
  const tempDir = useTempDirs();
  const jobs = useJobRunner();
  const undo: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const step of undo.splice(0).reverse()) await step();
  });

  // Mounting a tmpfs needs root; CI runs as root, so there this test always runs.
  it.skipIf(!isRoot)('fails loudly with a clear message; older snapshots and the live data are untouched', async () => {
    const usb = join(tempDir(), 'small-usb-stick');
    undo.push(mountSmallDisk(usb, 3));
    const desktop = recordingDesktop();
    const events: EventName[] = [];
    const core: Core = await openCore({
      dataDir: tempDir(),
      logger: memoryLogger(),
      appVersion: '1.0.0',
      desktop,
      emit: (event) => events.push(event),
    });
    undo.push(() => core.close());
    const anna = await createContact(core, 'Anna');
    desktop.folder = usb;
    const chosen = await core.dispatch('backups.chooseLocation', {});
    expect(chosen.ok).toBe(true);
    const before = await core.backups.list();
    expect(before).toHaveLength(1);

    const big = Buffer.concat([samples.pdf, Buffer.alloc(4 * 1024 * 1024, 0x30)]);
    const added = await upload(core, anna, 'scan.pdf', big);
    expect(added.ok).toBe(true);
    const result = await core.dispatch('backups.create', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'DISK_FULL', message: stringMatching(/disk is full/) },
    });
    expect(events).toContain('backup.failed');
    expect(await core.dispatch('backups.status', {})).toMatchObject({
      ok: true,
      data: { lastFailure: { message: stringMatching(/disk is full/) } },
    });

    const after = await core.backups.list();
    expect(after.map((snapshot) => snapshot.id)).toEqual(before.map((snapshot) => snapshot.id));
    expect(await verifySnapshot(core.backups.location(), before[0]!.id, jobs())).toEqual([]);
    expect(readdirSync(core.backups.location()).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
    expect(await core.dispatch('contacts.list', {})).toMatchObject({ ok: true, data: { total: 1 } });
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
