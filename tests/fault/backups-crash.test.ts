import { cpSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/core';
import { recordingDesktop } from '../support/recording-desktop';
import { verifySnapshot } from '../../electron/core/backups/verify';
import { memoryLogger } from '../../electron/core/logger';
import { useChildren, type TsChild } from '../support/child';
import { samples } from '../support/sample-files';
import { useJobRunner } from '../support/jobs';
import { useTempDirs } from '../support/temp-dir';
import { createContact, upload } from '../support/upload';

/** Resolves when the child has printed `count` lines matching `pattern`. */
function afterLines(child: TsChild, pattern: RegExp, count: number): Promise<void> {
  let seen = 0;
  return new Promise((resolve) => {
    child.process.stdout.on('data', (chunk: Buffer) => {
      seen += chunk
        .toString()
        .split('\n')
        .filter((text) => pattern.test(text)).length;
      if (seen >= count) resolve();
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SIGKILL during backup work', () => {
  const tempDir = useTempDirs();
  const jobs = useJobRunner();
  const startChild = useChildren();
  const open: Core[] = [];
  afterEach(async () => {
    for (const core of open.splice(0)) await core.close();
  });
  const start = async (dataDir: string) => {
    const core = await openCore({ dataDir, logger: memoryLogger(), appVersion: '1.0.0', desktop: recordingDesktop() });
    open.push(core);
    return core;
  };

  it('during snapshots: no half snapshot is ever listed, the next run cleans up, the live data is fine', async () => {
    const dataDir = tempDir();
    const seed = await start(dataDir);
    for (let i = 0; i < 2_000; i++) await createContact(seed, `Client ${i}`);
    await seed.close();

    for (const [snapshots, extraMs] of [
      [1, 0],
      [2, 3],
      [3, 7],
      [4, 1],
      [5, 12],
    ] as const) {
      const child = startChild('backup-child.ts', [dataDir, 'snapshots']);
      await child.waitForLine(/^ready$/);
      await afterLines(child, /^snapshot taken$/, snapshots);
      await sleep(extraMs);
      child.process.kill('SIGKILL');
      await child.exited;

      const core = await start(dataDir);
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const listed = await core.backups.list();
      expect(listed.length).toBeGreaterThan(0);
      for (const snapshot of listed)
        expect({ id: snapshot.id, problems: await verifySnapshot(core.paths.backups, snapshot.id, jobs()) }).toEqual({
          id: snapshot.id,
          problems: [],
        });
      await core.dispatch('backups.create', {});
      expect(readdirSync(core.paths.backups).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
      await core.close();
    }
  }, 120_000);

  it('during a restore, at many points: afterwards the data is the old data or the restored data, whole', async () => {
    const template = tempDir();
    const seed = await start(template);
    for (let i = 0; i < 500; i++) await createContact(seed, `Kept ${String(i).padStart(3, '0')}`);
    const anna = await createContact(seed, 'Anna');
    for (const [name, bytes] of [
      ['quote.pdf', samples.pdf],
      ['card.png', samples.png],
      ['notes.txt', samples.text],
    ] as const) {
      const added = await upload(seed, anna, name, bytes);
      if (!added.ok) throw new Error(added.error.message);
    }
    const snapshot = await seed.dispatch('backups.create', {});
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    const snapshotId = (snapshot.data as { id: string }).id;
    await createContact(seed, 'Only in the old data');
    // Deleted for good (not only to the trash), so the old data holds none of Anna's files.
    const deleted = await seed.dispatch('contacts.delete', { id: anna });
    if (!deleted.ok) throw new Error(deleted.error.message);
    await seed.dispatch('trash.deleteForever', { trashId: (deleted.data as { trashId: number }).trashId });
    const namesOf = (core: Core) =>
      (core.db.prepare('SELECT name FROM contacts ORDER BY id').pluck().all() as string[]).join('|');
    const oldNames = namesOf(seed);
    await seed.close();

    const outcomes = new Set<string>();
    // After the safety snapshot is taken, the restore stages, swaps and reopens: kill across all of it.
    for (const extraMs of [0, 1, 2, 4, 6, 9, 13, 18, 25, 35, 50, 80, 120, 400]) {
      const dataDir = tempDir();
      cpSync(template, dataDir, { recursive: true });
      const child = startChild('backup-child.ts', [dataDir, 'restore', snapshotId]);
      await child.waitForLine(/^ready$/);
      await afterLines(child, /^snapshot taken$/, 1);
      await sleep(extraMs);
      child.process.kill('SIGKILL');
      await child.exited;

      const core = await start(dataDir);
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(core.db.pragma('foreign_key_check')).toEqual([]);
      const names = namesOf(core);
      const restored = names.includes('Anna') && !names.includes('Only in the old data');
      expect(restored || names === oldNames).toBe(true);
      outcomes.add(restored ? 'restored' : 'old');
      const attachments = core.db.prepare('SELECT sha256 FROM attachments').pluck().all() as string[];
      expect(attachments.length).toBe(restored ? 3 : 0);
      for (const sha256 of attachments) expect(core.fileResponse(`/files/${sha256}`).status).toBe(200);
      expect(
        readdirSync(dataDir).filter((name) => name.startsWith('.restore') || name === 'restore-journal.json'),
      ).toEqual([]);
      await core.close();
    }
    // The kill points covered both sides of the swap.
    expect([...outcomes].sort()).toEqual(['old', 'restored']);
  }, 180_000);
});
