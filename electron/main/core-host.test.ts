import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { openCore } from '../core/core';
import { memoryLogger } from '../core/logger';
import { recordingDesktop } from '../../tests/support/recording-desktop';
import { seedContacts } from '../../tests/support/seed-contacts';
import { useTempDirs } from '../../tests/support/temp-dir';
import { startCore, type CoreHost } from './core-host';

const ok = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
};

describe('the core in its own thread', () => {
  const tempDir = useTempDirs();
  const hosts: CoreHost[] = [];
  afterEach(async () => {
    for (const host of hosts.splice(0)) await host.close().catch(() => undefined);
  });

  async function host(dataDir = tempDir(), desktop = recordingDesktop()) {
    const heard: Array<{ event: EventName; payload: unknown }> = [];
    const logger = memoryLogger();
    const started = await startCore({
      dataDir,
      logger,
      appVersion: '0.0.0-test',
      desktop,
      emit: <E extends EventName>(event: E, payload: EventPayload<E>) => heard.push({ event, payload }),
    });
    hosts.push(started);
    return { core: started, heard, logs: logger.records, desktop, dataDir };
  }

  it('answers requests, sends the core’s events and log lines on, and asks the desktop for what the core needs', async () => {
    const { core, heard, logs, desktop, dataDir } = await host();
    const anna = ok<{ id: number; name: string }>(await core.dispatch('contacts.create', { name: 'Anna Berg' }));
    expect(anna.name).toBe('Anna Berg');
    expect(ok<{ total: number }>(await core.dispatch('contacts.list', {})).total).toBe(1);
    expect(heard).toContainEqual({
      event: 'records.changed',
      payload: { records: [{ kind: 'contact', id: anna.id }], kinds: ['contact'], complete: true },
    });
    expect(logs.some((record) => record.message === 'database opened')).toBe(true);
    // The refusal comes back as data, with its code, as in the same thread.
    expect(await core.dispatch('contacts.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Export asks main's save dialog, through the thread boundary and back.
    desktop.saveLocation = join(dataDir, 'export.zip');
    expect(ok(await core.dispatch('backups.export', {}))).toEqual({ saved: true });
    expect(existsSync(join(dataDir, 'export.zip'))).toBe(true);
    ok(await core.dispatch('recovery.copyDetails', {}));
    await expect.poll(() => desktop.copied.length).toBe(1);
  });

  it('streams a stored file to the window, and refuses what the database does not know', async () => {
    const { core } = await host();
    const anna = ok<{ id: number }>(await core.dispatch('contacts.create', { name: 'Anna Berg' }));
    const text = 'Notes from the meeting\n'.repeat(2000);
    const start = ok<{ uploadId: string }>(
      await core.dispatch('attachments.start', {
        record: { kind: 'contact', id: anna.id },
        fileName: 'notes.txt',
        size: text.length,
      }),
    );
    ok(
      await core.dispatch('attachments.chunk', {
        uploadId: start.uploadId,
        offset: 0,
        data: Buffer.from(text).toString('base64'),
      }),
    );
    const attachment = ok<{ sha256: string }>(await core.dispatch('attachments.finish', { uploadId: start.uploadId }));
    const response = await core.fileResponse(`/files/${attachment.sha256}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(text);
    expect((await core.fileResponse(`/files/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await core.fileResponse('/files/../crm.db')).status).toBe(404);
  });

  it('holds the data like the app: a second start is refused while it runs, and allowed once it is closed', async () => {
    const dataDir = tempDir();
    const first = await host(dataDir);
    await expect(startCore({ dataDir, logger: memoryLogger(), appVersion: 'test' })).rejects.toMatchObject({
      code: 'ALREADY_OPEN',
    });
    await first.core.close();
    hosts.splice(hosts.indexOf(first.core), 1);
    const second = await host(dataDir);
    expect(ok<{ total: number }>(await second.core.dispatch('contacts.list', {})).total).toBe(0);
  });

  it('a core thread that dies mid-write is restarted: every write it acknowledged is kept, the window is told, requests go on', async () => {
    const { core, heard, logs, dataDir } = await host();
    const acknowledged: number[] = [];
    const refused: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let index = 0; writing && index < 5000; index++) {
        const result = await core.dispatch('contacts.create', { name: `Person ${index}` });
        if (result.ok) acknowledged.push((result.data as { id: number }).id);
        else refused.push(result.error.message);
      }
    })();
    await expect.poll(() => acknowledged.length).toBeGreaterThan(50);
    await core.crashForTest();
    const before = acknowledged.length;
    await expect.poll(() => acknowledged.length, { timeout: 20_000 }).toBeGreaterThan(before + 20);
    writing = false;
    await writer;

    expect(logs.some((record) => record.level === 'error' && record.message.includes('stopped unexpectedly'))).toBe(
      true,
    );
    expect(heard.some(({ event }) => event === 'core.restarted')).toBe(true);
    expect(refused.every((message) => message.includes('restarted its data engine'))).toBe(true);
    await core.close();
    hosts.splice(hosts.indexOf(core), 1);
    // Read back in this thread: every acknowledged contact is there, and the file is sound.
    const reopened = await openCore({ dataDir, logger: memoryLogger(), appVersion: 'test' });
    try {
      const stored = new Set(reopened.db.prepare('SELECT id FROM contacts').pluck().all() as number[]);
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await reopened.close();
    }
  });

  it('while the core checks and copies 20,000 contacts, this thread never stalls for 200 ms (a guard, not a benchmark)', async () => {
    const dataDir = tempDir();
    const seeding = await openCore({ dataDir, logger: memoryLogger(), appVersion: 'test' });
    seedContacts(seeding, 20_000);
    await seeding.close();
    const { core } = await host(dataDir);

    let longest = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    try {
      ok(await core.dispatch('backups.create', {}));
      ok(await core.dispatch('duplicates.find', { kind: 'contact' }));
      const [snapshot] = await core.backups.list();
      ok(await core.dispatch('backups.verify', { id: snapshot!.id }));
    } finally {
      clearInterval(ticker);
    }
    expect(longest).toBeLessThan(200);
  }, 120_000);

  it('after the recovery screen starts afresh, backups run on schedule again without a restart', async () => {
    const dataDir = tempDir();
    const seeding = await openCore({ dataDir, logger: memoryLogger(), appVersion: 'test' });
    seedContacts(seeding, 2_000);
    await seeding.close();
    // A failing disk: bytes flipped across the file, as recovery.test.ts does.
    const file = join(dataDir, 'crm.db');
    const bytes = readFileSync(file);
    for (let at = 4096; at < bytes.length - 100; at += 1024) bytes.writeUInt8(bytes.readUInt8(at) ^ 0xa5, at);
    writeFileSync(file, bytes);

    const logger = memoryLogger();
    const core = await startCore({ dataDir, logger, appVersion: '0.0.0-test', background: true });
    hosts.push(core);
    expect(core.damaged).toBe(true);
    ok(await core.dispatch('recovery.startEmpty', {}));
    // The schedule's first run is a start-up snapshot of the sound (empty) data.
    await expect
      .poll(async () => (await core.backups.list()).map((snapshot) => snapshot.reason), { timeout: 30_000 })
      .toContain('start-up');
  }, 60_000);
});
