import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretFiles } from '../../electron/main/secret-files';
import { unzipped } from '../support/archives';
import { useCores } from '../support/core';
import { call } from '../support/crm';
import { recordingDesktop } from '../support/recording-desktop';
import { useSmtpServers } from '../support/smtp';
import { useTempDirs } from '../support/temp-dir';
import { stringMatching } from '../support/matchers';

// Main's secret files (safeStorage's place) beside a real core: the two sides the SMTP password meets.
const password = 'Sëcret-Pässwörd-42';

/** Stands in for safeStorage: real encryption with a key this test holds. */
function testCipher() {
  const key = randomBytes(32);
  return {
    available: () => true,
    encrypt(text: string) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('aes-256-cbc', key, iv);
      return Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final()]);
    },
    decrypt(bytes: Buffer) {
      const decipher = createDecipheriv('aes-256-cbc', key, bytes.subarray(0, 16));
      return Buffer.concat([decipher.update(bytes.subarray(16)), decipher.final()]).toString('utf8');
    },
  };
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const settingsFor = (port: number, user = '') => ({
  host: '127.0.0.1',
  port,
  security: 'none' as const,
  user,
  fromName: 'Office',
  fromAddress: 'office@berg.example',
  messagesPerMinute: 600,
});

describe('the SMTP password', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();
  const smtp = useSmtpServers();

  it('the password is in no log, not in crm.db, not in a snapshot nor an exported backup; only encrypted in secrets/', async () => {
    const dataDir = tempDir();
    const secretsFolder = join(dataDir, 'secrets');
    const desktop = Object.assign(recordingDesktop(), secretFiles(secretsFolder, testCipher()));
    const server = await smtp({ login: { user: 'office', pass: password } });
    const core = await openCore(dataDir, { desktop });
    await call(core, 'sending.settings.update', settingsFor(server.port, 'office'));
    await call(core, 'sending.setPassword', { password });
    expect(await call(core, 'sending.test', {})).toEqual({
      sent: true,
      message: stringMatching(/^The server accepted the test message for office@berg\.example: 250/),
    });
    await call(core, 'sending.setPassword', { password: 'wrong' });
    expect((await call(core, 'sending.test', {})).message).toMatch(
      /could not log in to 127\.0\.0\.1: the server said 535/,
    );
    await call(core, 'sending.setPassword', { password });
    await call(core, 'backups.create', {});
    const archive = join(tempDir(), 'export.zip');
    desktop.saveLocation = archive;
    await call(core, 'backups.export', {});
    core.db.pragma('wal_checkpoint(TRUNCATE)');

    expect(readdirSync(secretsFolder)).toEqual(['smtp-password.bin']);
    const holding = filesUnder(dataDir).filter((file) => readFileSync(file).includes(Buffer.from(password, 'utf8')));
    expect(holding).toEqual([]);
    expect(
      filesUnder(dataDir).filter((file) => relative(dataDir, file).startsWith('backups') && file.includes('secret')),
    ).toEqual([]);
    const exported = await unzipped(archive);
    expect(Object.keys(exported).filter((name) => name.includes('secret'))).toEqual([]);
    for (const [name, bytes] of Object.entries(exported))
      expect({ name, holds: bytes.includes(Buffer.from(password, 'utf8')) }).toEqual({ name, holds: false });
    expect(JSON.stringify(core.logs)).not.toContain(password);
  });
});
