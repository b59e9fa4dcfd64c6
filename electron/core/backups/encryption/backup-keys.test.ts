import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { recordingDesktop } from '../../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { backupKeyFileName, backupKeys } from './backup-keys';
import { stringContaining } from '../../../../tests/support/matchers';

// scrypt's floor: the real cost (2^17) is tested in encryption.test.ts.
const cheap = { N: 2 ** 14, r: 8, p: 1 };
import { sealStream, unsealStream, type SealedHeader } from './sealed-file';

async function roundTrip(
  seal: { keyId: string; masterKey: Buffer; keySet?: SealedHeader['keySet'] },
  open: ReturnType<ReturnType<typeof backupKeys>['keyFor']>,
): Promise<string> {
  const chunks: Buffer[] = [];
  await pipeline(
    Readable.from([Buffer.from('Ana Souza, ana@example.org')]),
    sealStream(seal.masterKey, seal.keyId, seal.keySet),
    unsealStream(open),
    async (source) => {
      for await (const chunk of source) chunks.push(chunk as Buffer);
    },
  );
  return Buffer.concat(chunks).toString();
}

describe('the backup password', () => {
  const tempDir = useTempDirs();

  it('is remembered across a restart only when asked, and otherwise has to be typed', async () => {
    const root = tempDir();
    const desktop = recordingDesktop();
    const keys = backupKeys(root, desktop, memoryLogger(), cheap);
    const { recoveryKey } = await keys.turnOn('a long passphrase', true);
    expect(desktop.secrets.get('backup-password')).toBe('a long passphrase');
    expect(await keys.status()).toEqual({ on: true, remembered: true, unlocked: true, damaged: false });
    const sealing = (await keys.masterKey())!;
    const keySet = keys.keySet();

    // A restart: the key opens from the remembered password, without asking.
    const afterRestart = backupKeys(root, desktop, memoryLogger(), cheap);
    expect(await roundTrip({ ...sealing, keySet }, afterRestart.keyFor())).toBe('Ana Souza, ana@example.org');

    // Forgotten: a backup asks for its password, refuses a wrong one, opens with the right one or the recovery key.
    await afterRestart.forget();
    const asking = backupKeys(root, desktop, memoryLogger(), cheap);
    expect(await asking.status()).toMatchObject({ on: true, remembered: false, unlocked: false });
    await expect(roundTrip({ ...sealing, keySet }, asking.keyFor())).rejects.toMatchObject({
      code: 'PASSWORD_REQUIRED',
      message: stringContaining('Type its password'),
    });
    await expect(
      roundTrip({ ...sealing, keySet }, asking.keyFor({ password: 'a long passphrasE' })),
    ).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED', message: stringContaining('does not open') });
    expect(await roundTrip({ ...sealing, keySet }, asking.keyFor({ password: 'a long passphrase' }))).toBe(
      'Ana Souza, ana@example.org',
    );
    expect(await roundTrip({ ...sealing, keySet }, asking.keyFor({ recoveryKey }))).toBe('Ana Souza, ana@example.org');
  });

  it('refuses to remember where the computer cannot keep secrets, and to turn on twice', async () => {
    const root = tempDir();
    const desktop = recordingDesktop();
    desktop.secretStorage = false;
    const keys = backupKeys(root, desktop, memoryLogger(), cheap);
    await expect(keys.turnOn('a long passphrase', true)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await keys.status()).toMatchObject({ on: false });
    await keys.turnOn('a long passphrase', false);
    await expect(keys.turnOn('another passphrase', false)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('says a damaged key file is damaged instead of quietly encrypting nothing', async () => {
    const root = tempDir();
    writeFileSync(join(root, backupKeyFileName), '{"format":"rolodesk-keys-1",');
    const keys = backupKeys(root, recordingDesktop(), memoryLogger(), cheap);
    expect(await keys.status()).toEqual({ on: true, remembered: false, unlocked: false, damaged: true });
    await expect(keys.masterKey()).rejects.toMatchObject({ code: 'STORAGE' });
  });

  it('opens a backup made with an older key set from the key set it carries', async () => {
    const root = tempDir();
    const desktop = recordingDesktop();
    const keys = backupKeys(root, desktop, memoryLogger(), cheap);
    await keys.turnOn('the old passphrase', false);
    const old = { ...(await keys.masterKey())!, keySet: keys.keySet() };
    await keys.turnOff();
    await keys.turnOn('the new passphrase', true);
    await expect(roundTrip(old, keys.keyFor())).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED' });
    expect(await roundTrip(old, keys.keyFor({ password: 'the old passphrase' }))).toBe('Ana Souza, ana@example.org');
  });
});
