import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { isSealedFile } from '../../electron/core/backups/encryption/sealed-file';
import { memoryLogger } from '../../electron/core/logger';
import { recordingDesktop } from '../support/recording-desktop';
import { useTempDirs } from '../support/temp-dir';
import { stringContaining, stringMatching } from '../support/matchers';

const cliPath = resolve(__dirname, '../../electron/cli/index.ts');

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', cliPath, ...args], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('the command line with encrypted backups (--password-file)', () => {
  const tempDir = useTempDirs();

  /** Data with two clients and backup encryption on, its password not remembered. */
  async function encryptedData(): Promise<string> {
    const dataDir = tempDir();
    const core = await openCore({ dataDir, logger: memoryLogger(), appVersion: 'test', desktop: recordingDesktop() });
    await core.dispatch('contacts.create', { name: 'Ana Souza', email: 'ana.souza@example.org' });
    await core.dispatch('contacts.create', { name: 'Bruno Keller', email: 'bruno@example.org' });
    const on = await core.dispatch('backupEncryption.turnOn', { password: 'correct horse battery', remember: false });
    expect(on.ok).toBe(true);
    await core.close();
    return dataDir;
  }

  function passwordFile(text: string): string {
    const path = join(tempDir(), 'password.txt');
    writeFileSync(path, text);
    return path;
  }

  it('exports, verifies and restores an encrypted backup with the password from a file, and says so without one', async () => {
    const dataDir = await encryptedData();
    const archive = join(tempDir(), 'office.rolodesk-backup');
    const right = passwordFile('correct horse battery\n');

    expect(cli('export', '--data-dir', dataDir, '--to', archive)).toMatchObject({
      code: 7,
      err: stringContaining('--password-file'),
    });
    expect(cli('export', '--data-dir', dataDir, '--to', archive, '--password-file', right)).toMatchObject({
      code: 0,
      out: stringContaining('encrypted with the backup password'),
    });
    expect(await isSealedFile(archive)).toBe(true);
    expect(readFileSync(archive).includes(Buffer.from('Ana Souza'))).toBe(false);

    expect(cli('verify', '--data-dir', dataDir, '--file', archive)).toMatchObject({
      code: 7,
      err: stringContaining('--password-file'),
    });
    expect(
      cli('verify', '--data-dir', dataDir, '--file', archive, '--password-file', passwordFile('correct horse batterY')),
    ).toMatchObject({ code: 7, err: stringContaining('does not open') });
    expect(cli('verify', '--data-dir', dataDir, '--file', archive, '--password-file', right)).toMatchObject({
      code: 0,
      out: stringMatching(/ok .*encrypted .*contacts 2/),
    });

    const changed = join(tempDir(), 'changed.rolodesk-backup');
    const bytes = readFileSync(archive);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 40) ^ 0x01, bytes.length - 40);
    writeFileSync(changed, bytes);
    expect(cli('verify', '--data-dir', dataDir, '--file', changed, '--password-file', right)).toMatchObject({
      code: 3,
      err: stringContaining('damaged or was changed'),
    });

    const elsewhere = tempDir();
    expect(cli('restore', '--data-dir', elsewhere, '--file', archive)).toMatchObject({
      code: 7,
      err: stringContaining('--password-file'),
    });
    expect(cli('restore', '--data-dir', elsewhere, '--file', archive, '--password-file', right)).toMatchObject({
      code: 0,
    });
    const restored = await openCore({ dataDir: elsewhere, logger: memoryLogger(), appVersion: 'test' });
    expect(restored.db.prepare('SELECT name FROM contacts ORDER BY name').pluck().all()).toEqual([
      'Ana Souza',
      'Bruno Keller',
    ]);
    await restored.close();
    // Each run starts Node and the core, and scrypt runs at its real cost: minutes on a busy machine.
  }, 900_000);

  it('refuses a missing or empty password file in words, and verifies a plain backup file too', async () => {
    const dataDir = tempDir();
    const core = await openCore({ dataDir, logger: memoryLogger(), appVersion: 'test' });
    await core.dispatch('contacts.create', { name: 'Ana Souza' });
    await core.close();
    const archive = join(tempDir(), 'plain.zip');
    expect(cli('export', '--data-dir', dataDir, '--to', archive)).toMatchObject({ code: 0 });
    expect(
      cli('verify', '--data-dir', dataDir, '--file', archive, '--password-file', join(tempDir(), 'nothing.txt')),
    ).toMatchObject({ code: 1, err: stringContaining('There is no password file') });
    expect(
      cli('verify', '--data-dir', dataDir, '--file', archive, '--password-file', passwordFile('\nsecond line')),
    ).toMatchObject({ code: 1, err: stringContaining('is empty') });
    const plain = cli('verify', '--data-dir', dataDir, '--file', archive);
    expect(plain).toMatchObject({ code: 0, out: stringMatching(/ok .*contacts 1/) });
    expect(plain.out).not.toContain('encrypted');
  }, 600_000);
});
