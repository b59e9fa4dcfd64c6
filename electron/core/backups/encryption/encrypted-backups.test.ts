import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock, useCores } from '../../../../tests/support/core';
import { recordingDesktop } from '../../../../tests/support/recording-desktop';
import { samples } from '../../../../tests/support/sample-files';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { upload } from '../../../../tests/support/upload';
import type { Core } from '../../core';
import { isSealedFile } from './sealed-file';
import { ok } from '../../../../tests/support/replies';
import { stringContaining, stringMatching } from '../../../../tests/support/matchers';

const people = (core: Core) => core.db.prepare('SELECT name, email FROM contacts ORDER BY name').all();

/** Every file of the data folder with its bytes' hash: "nothing changed" means this is equal. Logs and SQLite's shared-memory index (-shm, rebuilt by any read) aside. */
function dataFolderFingerprint(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'logs') walk(path);
      } else if (!name.endsWith('-shm')) {
        files[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
      }
    }
  };
  walk(root);
  return files;
}

describe('encrypted exported backups, through the real core', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  /** An office with two clients and an attachment, encryption on; answers the core, its desktop and the recovery key. */
  async function encryptedOffice() {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop, clock: fixedClock('2026-12-07T09:00:00.000Z') });
    const ana = (
      await ok<{ id: number }>(core.dispatch('contacts.create', { name: 'Ana Souza', email: 'ana.souza@example.org' }))
    ).id;
    await ok(core.dispatch('contacts.create', { name: 'Bruno Keller', email: 'bruno.keller@example.org' }));
    const pdf = await upload(core, ana, 'quote.pdf', samples.pdf);
    if (!pdf.ok) throw new Error(pdf.error.message);
    const { recoveryKey } = await ok<{ recoveryKey: string }>(
      core.dispatch('backupEncryption.turnOn', { password: 'correct horse battery', remember: false }),
    );
    return { core, desktop, recoveryKey };
  }

  async function exportTo(
    core: Core,
    desktop: ReturnType<typeof recordingDesktop>,
    name = 'office.rolodesk-backup',
  ): Promise<string> {
    const path = join(tempDir(), name);
    desktop.saveLocation = path;
    expect(await ok(core.dispatch('backups.export', {}))).toEqual({ saved: true });
    return path;
  }

  it('exports an encrypted file that holds no client name or email, and restores it with its password or recovery key', async () => {
    const { core, desktop, recoveryKey } = await encryptedOffice();
    const suggested: string[] = [];
    desktop.chooseSaveLocation = (name) => {
      suggested.push(name);
      return Promise.resolve(desktop.saveLocation);
    };
    const file = await exportTo(core, desktop);
    expect(suggested).toEqual(['Rolodesk backup 2026-12-07.rolodesk-backup']);
    expect(await isSealedFile(file)).toBe(true);
    const bytes = readFileSync(file);
    for (const clear of [
      'Ana Souza',
      'ana.souza@example.org',
      'Bruno Keller',
      'SQLite format 3',
      'manifest.json',
      'PK\u0003\u0004',
    ]) {
      expect(bytes.includes(Buffer.from(clear)), clear).toBe(false);
    }

    // Another computer: the file asks for its password, without being chosen again.
    const elsewhere = recordingDesktop();
    const fresh = await openCore(tempDir(), { desktop: elsewhere });
    elsewhere.backupFile = file;
    const asked = await ok<{ restored: boolean; passwordFor?: { token: string; fileName: string } }>(
      fresh.dispatch('backups.restoreFromFile', {}),
    );
    expect(asked).toMatchObject({ restored: false, passwordFor: { fileName: 'office.rolodesk-backup' } });
    const token = asked.passwordFor!.token;
    elsewhere.backupFile = undefined;
    expect(
      await ok(fresh.dispatch('backupEncryption.restoreFile', { token, password: 'correct horse battery' })),
    ).toEqual({ restored: true });
    expect(people(fresh)).toEqual(people(core));
    expect(fresh.db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(1);
    // The token is spent.
    expect(
      await fresh.dispatch('backupEncryption.restoreFile', { token, password: 'correct horse battery' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // And with the recovery key, typed sloppily.
    const third = recordingDesktop();
    const another = await openCore(tempDir(), { desktop: third });
    third.backupFile = file;
    const again = await ok<{ passwordFor: { token: string } }>(another.dispatch('backups.restoreFromFile', {}));
    await ok(
      another.dispatch('backupEncryption.restoreFile', {
        token: again.passwordFor.token,
        recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' '),
      }),
    );
    expect(people(another)).toEqual(people(core));
  });

  it('a wrong password is refused as such and changes nothing; the right one then works with the same token', async () => {
    const { core, desktop } = await encryptedOffice();
    const file = await exportTo(core, desktop);
    const target = recordingDesktop();
    const fresh = await openCore(tempDir(), { desktop: target });
    await ok(fresh.dispatch('contacts.create', { name: 'Carla Dias', email: 'carla@example.org' }));
    target.backupFile = file;
    const { passwordFor } = await ok<{ passwordFor: { token: string } }>(fresh.dispatch('backups.restoreFromFile', {}));
    const before = dataFolderFingerprint(fresh.paths.root);
    const wrong = await fresh.dispatch('backupEncryption.restoreFile', {
      token: passwordFor.token,
      password: 'correct horse batterY',
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_REQUIRED', message: stringContaining('does not open') },
    });
    expect(JSON.stringify(wrong)).not.toContain('batter');
    expect(dataFolderFingerprint(fresh.paths.root)).toEqual(before);
    expect(people(fresh)).toEqual([{ name: 'Carla Dias', email: 'carla@example.org' }]);
    await ok(
      fresh.dispatch('backupEncryption.restoreFile', { token: passwordFor.token, password: 'correct horse battery' }),
    );
    expect(people(fresh)).toEqual(people(core));
  });

  it('refuses an encrypted file with one changed byte as damaged, and changes nothing', async () => {
    const { core, desktop } = await encryptedOffice();
    const file = await exportTo(core, desktop);
    const bytes = readFileSync(file);
    // A byte in the middle of the encrypted body, far from the header.
    const at = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
    const changed = join(tempDir(), 'changed.rolodesk-backup');
    writeFileSync(changed, bytes);

    await ok(core.dispatch('contacts.create', { name: 'Dora Lima', email: 'dora@example.org' }));
    const before = dataFolderFingerprint(core.paths.root);
    const peopleBefore = people(core);
    // This computer's key is open: no password asked, the damage is found.
    desktop.backupFile = changed;
    expect(await core.dispatch('backups.restoreFromFile', {})).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_INVALID', message: stringMatching(/damaged or was changed/) },
    });
    expect(dataFolderFingerprint(core.paths.root)).toEqual(before);
    expect(people(core)).toEqual(peopleBefore);
  });

  it('asks for the password before the save dialog when the key is not open, then exports once it is typed', async () => {
    const desktop = recordingDesktop();
    const root = tempDir();
    const first = await openCore(root, { desktop });
    await ok(first.dispatch('contacts.create', { name: 'Ana Souza', email: 'ana.souza@example.org' }));
    await ok(first.dispatch('backupEncryption.turnOn', { password: 'correct horse battery', remember: false }));
    await first.close();

    const core = await openCore(root, { desktop });
    expect(await ok(core.dispatch('backupEncryption.status', {}))).toEqual({
      on: true,
      remembered: false,
      unlocked: false,
      damaged: false,
      canRemember: true,
    });
    let dialogs = 0;
    desktop.chooseSaveLocation = () => {
      dialogs++;
      return Promise.resolve(join(root, '..', 'never.rolodesk-backup'));
    };
    expect(await core.dispatch('backups.export', {})).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_REQUIRED' },
    });
    expect(dialogs).toBe(0);
    expect(
      await core.dispatch('backupEncryption.unlock', { password: 'wrong password!', remember: false }),
    ).toMatchObject({ ok: false, error: { code: 'PASSWORD_REQUIRED' } });
    expect(
      await ok(core.dispatch('backupEncryption.unlock', { password: 'correct horse battery', remember: true })),
    ).toMatchObject({ unlocked: true, remembered: true });
    expect(desktop.secrets.get('backup-password')).toBe('correct horse battery');
    const path = join(tempDir(), 'later.rolodesk-backup');
    desktop.chooseSaveLocation = () => Promise.resolve(path);
    expect(await ok(core.dispatch('backups.export', {}))).toEqual({ saved: true });
    expect(await isSealedFile(path)).toBe(true);
  });

  it('turning off asks in a native dialog: "no" leaves it on; "yes" makes later exports plain ZIPs again', async () => {
    const { core, desktop } = await encryptedOffice();
    desktop.confirmAnswer = false;
    expect(await ok(core.dispatch('backupEncryption.turnOff', {}))).toMatchObject({ on: true });
    expect(desktop.confirmations).toHaveLength(1);
    expect(desktop.confirmations[0]).toMatchObject({ confirmLabel: 'Turn off encryption' });
    expect(await isSealedFile(await exportTo(core, desktop))).toBe(true);

    desktop.confirmAnswer = true;
    expect(await ok(core.dispatch('backupEncryption.turnOff', {}))).toMatchObject({ on: false });
    const suggested: string[] = [];
    desktop.chooseSaveLocation = (name) => {
      suggested.push(name);
      return Promise.resolve(desktop.saveLocation);
    };
    const plain = await exportTo(core, desktop, 'plain.zip');
    expect(suggested[0]).toMatch(/^Rolodesk backup \d{4}-\d{2}-\d{2}\.zip$/);
    expect(await isSealedFile(plain)).toBe(false);
    expect(readFileSync(plain).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  });

  it('a damaged key file refuses to export rather than let the backup leave unencrypted', async () => {
    const { core, desktop } = await encryptedOffice();
    writeFileSync(join(core.paths.root, 'backup-key.json'), '{"format":');
    desktop.saveLocation = join(tempDir(), 'never.zip');
    expect(await core.dispatch('backups.export', {})).toMatchObject({
      ok: false,
      error: { code: 'STORAGE', message: stringContaining('damaged') },
    });
    expect(readdirSync(join(desktop.saveLocation, '..'))).toEqual([]);
  });
});
