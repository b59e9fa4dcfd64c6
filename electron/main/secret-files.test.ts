import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/support/temp-dir';
import { secretFiles, type SecretCipher } from './secret-files';

/** A reversible stand-in for safeStorage that leaves no plain text behind. */
const reversing: SecretCipher = {
  available: () => true,
  encrypt: (text) => Buffer.from(text, 'utf8').reverse(),
  decrypt: (bytes) => Buffer.from(bytes).reverse().toString('utf8'),
};

describe('secrets kept in the data directory’s secrets/ folder', () => {
  const tempDir = useTempDirs();

  it('keeps a secret only encrypted, reads it back, and forgets it', async () => {
    const folder = join(tempDir(), 'secrets');
    const secrets = secretFiles(folder, reversing);
    expect(await secrets.readSecret('smtp-password')).toBeUndefined();
    await secrets.saveSecret('smtp-password', 'Pässwörd');
    expect(readdirSync(folder)).toEqual(['smtp-password.bin']);
    expect(readFileSync(join(folder, 'smtp-password.bin')).includes(Buffer.from('Pässwörd'))).toBe(false);
    expect(await secrets.readSecret('smtp-password')).toBe('Pässwörd');
    await secrets.removeSecret('smtp-password');
    expect(await secrets.readSecret('smtp-password')).toBeUndefined();
  });

  it('without safe storage refuses to keep a secret, in words, and writes nothing', async () => {
    const folder = join(tempDir(), 'secrets');
    const secrets = secretFiles(folder, { ...reversing, available: () => false });
    expect(await secrets.secretsAvailable()).toBe(false);
    await expect(secrets.saveSecret('smtp-password', 'Pässwörd')).rejects.toThrow(/no safe place to keep a password/);
    expect(await secrets.readSecret('smtp-password')).toBeUndefined();
  });

  it('refuses a name that is not one of its own (a name never becomes a path)', async () => {
    const secrets = secretFiles(join(tempDir(), 'secrets'), reversing);
    await expect(secrets.saveSecret('../crm.db' as 'smtp-password', 'x')).rejects.toThrow(/Unknown secret/);
  });
});
