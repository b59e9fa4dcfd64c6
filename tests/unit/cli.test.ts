import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/logger';
import { useChildren } from '../support/child';
import { useTempDirs } from '../support/temp-dir';
import { createContact } from '../support/upload';
import { stringMatching } from '../support/matchers';

const cliPath = resolve(__dirname, '../../electron/cli/index.ts');

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', cliPath, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('the command line', () => {
  const tempDir = useTempDirs();
  const startChild = useChildren();

  async function dataWithContacts(): Promise<string> {
    const dataDir = tempDir();
    const core = await openCore({ dataDir, logger: memoryLogger(), appVersion: 'test' });
    await createContact(core, 'Anna');
    await createContact(core, 'Bob');
    await core.close();
    return dataDir;
  }

  it('backs up, lists and verifies; exports and restores from the file', async () => {
    const dataDir = await dataWithContacts();
    const backup = cli('backup', '--data-dir', dataDir);
    expect(backup).toMatchObject({
      code: 0,
      out: stringMatching(/snapshot-\d{8}-\d{6}-\d{3} .* verified .*contacts 2/),
    });
    expect(cli('list', '--data-dir', dataDir)).toMatchObject({
      code: 0,
      out: stringMatching(/command line\s+verified/),
    });
    expect(cli('verify', '--data-dir', dataDir)).toMatchObject({
      code: 0,
      out: stringMatching(/1 of 1 backups verified/),
    });

    const archive = join(tempDir(), 'office.zip');
    expect(cli('export', '--data-dir', dataDir, '--to', archive)).toMatchObject({
      code: 0,
      out: stringMatching(/written and verified/),
    });
    expect(existsSync(archive)).toBe(true);
    const elsewhere = tempDir();
    expect(cli('restore', '--data-dir', elsewhere, '--file', archive)).toMatchObject({ code: 0 });
    const restored = await openCore({ dataDir: elsewhere, logger: memoryLogger(), appVersion: 'test' });
    expect(restored.db.prepare('SELECT name FROM contacts ORDER BY name').pluck().all()).toEqual(['Anna', 'Bob']);
    await restored.close();
  });

  it('refuses to write while Rolodesk has the data open, but still lists and verifies', async () => {
    const dataDir = await dataWithContacts();
    expect(cli('backup', '--data-dir', dataDir).code).toBe(0);
    const app = startChild('hold-data-dir.ts', [dataDir]);
    await app.waitForLine(/^ready$/);
    expect(cli('backup', '--data-dir', dataDir)).toMatchObject({
      code: 2,
      err: stringMatching(/Rolodesk is already open on this data/),
    });
    expect(cli('restore', '--data-dir', dataDir, '--snapshot', 'snapshot-20260101-000000-000')).toMatchObject({
      code: 2,
    });
    expect(cli('list', '--data-dir', dataDir).code).toBe(0);
    expect(cli('verify', '--data-dir', dataDir).code).toBe(0);
  });

  it('exits 3 and names the problem when a backup no longer matches its checksums', async () => {
    const dataDir = await dataWithContacts();
    const id = /snapshot-\d{8}-\d{6}-\d{3}/.exec(cli('backup', '--data-dir', dataDir).out)![0];
    const db = join(dataDir, 'backups', id, 'crm.db');
    const bytes = readFileSync(db);
    bytes.writeUInt8(bytes.readUInt8(2000) ^ 0xff, 2000);
    writeFileSync(db, bytes);
    expect(cli('verify', '--data-dir', dataDir)).toMatchObject({
      code: 3,
      out: stringMatching(/FAILED: the database file does not match its checksum/),
    });
    expect(cli('restore', '--data-dir', dataDir, '--snapshot', id)).toMatchObject({
      code: 3,
      err: stringMatching(/cannot be restored/),
    });
  });

  it('explains wrong usage with exit code 1', () => {
    expect(cli('backup')).toMatchObject({ code: 1, err: stringMatching(/--data-dir <folder> is required/) });
    expect(cli('explode', '--data-dir', tempDir())).toMatchObject({
      code: 1,
      err: stringMatching(/Unknown command "explode"/),
    });
    expect(cli('--help')).toMatchObject({ code: 0, out: stringMatching(/Usage: npm run cli/) });
  });
});
