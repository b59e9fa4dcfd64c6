import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { samples } from '../../../tests/support/sample-files';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { upload } from '../../../tests/support/upload';
import type { Core } from '../core';
import { ok } from '../../../tests/support/replies';
import { anything } from '../../../tests/support/matchers';

const people = (core: Core) => core.db.prepare('SELECT name, email FROM contacts ORDER BY name').all();
const files = (core: Core) => core.db.prepare('SELECT file_name FROM attachments ORDER BY file_name').pluck().all();
const stagedRestores = (core: Core) => readdirSync(core.paths.root).filter((name) => name.startsWith('.restore'));

describe('a backup file opened from outside Rolodesk (double-clicked)', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  /** An office with two clients and a PDF, exported to a backup file; answers its path. */
  async function exportedOffice(name = 'Office backup.zip', password?: string): Promise<string> {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    const ana = (
      await ok<{ id: number }>(core.dispatch('contacts.create', { name: 'Ana Souza', email: 'ana.souza@example.org' }))
    ).id;
    await ok(core.dispatch('contacts.create', { name: 'Bruno Keller', email: 'bruno.keller@example.org' }));
    const pdf = await upload(core, ana, 'quote.pdf', samples.pdf);
    if (!pdf.ok) throw new Error(pdf.error.message);
    if (password) await ok(core.dispatch('backupEncryption.turnOn', { password, remember: false }));
    desktop.saveLocation = join(tempDir(), name);
    expect(await ok(core.dispatch('backups.export', {}))).toEqual({ saved: true });
    await core.close();
    return desktop.saveLocation;
  }

  /** Another office's Rolodesk, with a client of its own, recording the events the window would get. */
  async function otherOffice() {
    const events: Array<[EventName, unknown]> = [];
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop, emit: (event, payload) => events.push([event, payload]) });
    await ok(core.dispatch('contacts.create', { name: 'Carla Weiss', email: 'carla@example.org' }));
    return { core, desktop, events };
  }

  it('restores exactly what choosing the same file in Restore from Backup… restores, and the window sees its name only', async () => {
    const file = await exportedOffice();

    const chose = await otherOffice();
    chose.desktop.backupFile = file;
    expect(await ok(chose.core.dispatch('backups.restoreFromFile', {}))).toEqual({ restored: true });

    const opened = await otherOffice();
    opened.core.openBackupFile(file);
    expect(opened.events).toContainEqual(['backups.fileOpened', { fileName: 'Office backup.zip' }]);
    expect(JSON.stringify(opened.events)).not.toContain(file);
    // The window asks once (at start, or when told): the name, then nothing, so a reload does not ask again.
    expect(await ok(opened.core.dispatch('backups.openedFile', {}))).toEqual({ fileName: 'Office backup.zip' });
    expect(await ok(opened.core.dispatch('backups.openedFile', {}))).toEqual({ fileName: null });
    expect(await ok(opened.core.dispatch('backups.restoreOpenedFile', {}))).toEqual({ restored: true });

    expect(people(opened.core)).toEqual(people(chose.core));
    expect(people(opened.core)).toEqual([
      { name: 'Ana Souza', email: 'ana.souza@example.org' },
      { name: 'Bruno Keller', email: 'bruno.keller@example.org' },
    ]);
    expect(files(opened.core)).toEqual(['quote.pdf']);
    // The same safety snapshot first, so "Return to the data from before the restore" works the same way.
    expect(await ok(opened.core.dispatch('backups.status', {}))).toMatchObject({ undoRestore: anything() });
    expect(opened.events.some(([event]) => event === 'data.restored')).toBe(true);
    // Restored once: the file is not waiting any more.
    expect(await opened.core.dispatch('backups.restoreOpenedFile', {})).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message:
          'The backup file you opened is no longer waiting to be restored. Use File › Restore from Backup… to choose it.',
      },
    });
  });

  it('an encrypted file asks for its password, then restores with it', async () => {
    const file = await exportedOffice('Office backup.rolodesk-backup', 'correct horse battery');
    const { core } = await otherOffice();
    core.openBackupFile(file);
    const asked = await ok<{ restored: boolean; passwordFor: { token: string; fileName: string } }>(
      core.dispatch('backups.restoreOpenedFile', {}),
    );
    expect(asked).toMatchObject({ restored: false, passwordFor: { fileName: 'Office backup.rolodesk-backup' } });
    const wrong = await core.dispatch('backupEncryption.restoreFile', {
      token: asked.passwordFor.token,
      password: 'wrong horse battery',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'PASSWORD_REQUIRED' } });
    await ok(
      core.dispatch('backupEncryption.restoreFile', {
        token: asked.passwordFor.token,
        password: 'correct horse battery',
      }),
    );
    expect(people(core).map((person) => (person as { name: string }).name)).toEqual(['Ana Souza', 'Bruno Keller']);
  });

  it('a damaged file is refused in plain words and the current data stays', async () => {
    const bad = join(tempDir(), 'Office backup.zip');
    writeFileSync(bad, samples.pdf);
    const { core } = await otherOffice();
    core.openBackupFile(bad);
    const reply = await core.dispatch('backups.restoreOpenedFile', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/^[A-Z][^/\\]*\.$/);
    expect(people(core)).toEqual([{ name: 'Carla Weiss', email: 'carla@example.org' }]);
    expect(stagedRestores(core)).toEqual([]);
  });

  it('a file that was moved or deleted since it was opened is refused in plain words and the current data stays', async () => {
    const { core } = await otherOffice();
    core.openBackupFile(join(tempDir(), 'Gone backup.zip'));
    const reply = await core.dispatch('backups.restoreOpenedFile', {});
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message:
          'The backup file “Gone backup.zip” is no longer there: it may have been moved, renamed or deleted, or its drive unplugged. Nothing was changed.',
      },
    });
    expect(people(core)).toEqual([{ name: 'Carla Weiss', email: 'carla@example.org' }]);
  });

  it('nothing opened: restoring "the opened file" says so', async () => {
    const { core } = await otherOffice();
    expect(await ok(core.dispatch('backups.openedFile', {}))).toEqual({ fileName: null });
    expect(await core.dispatch('backups.restoreOpenedFile', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
