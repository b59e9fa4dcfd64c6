import { createCipheriv, createDecipheriv, hkdf, randomBytes, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { CrmError } from '../../errors';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;
const hkdfAsync = promisify(hkdf);

/** OWASP's scrypt floor for passwords (N=2^17, r=8, p=1): ~128 MiB and a fraction of a second per try. */
export const defaultCost: KdfCost = { N: 2 ** 17, r: 8, p: 1 };
export type KdfCost = { N: number; r: number; p: number };
export const minimumPasswordLength = 8;
const recoveryKeyBytes = 20;
const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const Base64 = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** A key wrapped (AES-256-GCM) by a key derived from a secret the user holds. */
const WrappedKey = z.strictObject({ iv: Base64, tag: Base64, key: Base64 });

/**
 * How a backup's master key is kept: wrapped once by the user's password
 * (through scrypt) and once by the recovery key shown when encryption was
 * turned on. The cost bounds keep a hostile file from asking for gigabytes.
 */
export const KeySet = z.strictObject({
  format: z.literal('rolodesk-keys-1'),
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z
      .int()
      .min(2 ** 14)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, { error: 'N must be a power of two' }),
    r: z.int().min(1).max(16),
    p: z.int().min(1).max(4),
    salt: Base64,
  }),
  byPassword: WrappedKey,
  byRecoveryKey: WrappedKey,
});
export type KeySet = z.infer<typeof KeySet>;

export type Secret = { password: string } | { recoveryKey: string };

export const wrongSecret = (secret: Secret) =>
  new CrmError(
    'PASSWORD_REQUIRED',
    'password' in secret
      ? 'That password does not open this backup. Check it and try again, or use the recovery key.'
      : 'That recovery key does not open this backup. Check it and try again.',
  );

function wrap(key: Buffer, by: Buffer): z.infer<typeof WrappedKey> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', by, iv);
  const sealed = Buffer.concat([cipher.update(key), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), key: sealed.toString('base64') };
}

function unwrap(wrapped: z.infer<typeof WrappedKey>, by: Buffer): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', by, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(wrapped.key, 'base64')), decipher.final()]);
    return key.length === 32 ? key : undefined;
  } catch {
    return undefined;
  }
}

const passwordKey = (password: string, kdf: KeySet['kdf']) =>
  scryptAsync(password.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r * kdf.p,
  });

// The recovery key is 160 random bits: a fast derivation is enough, and binds it to this key set.
const recoveryKeyKey = async (recoveryKey: Buffer, keyId: string) =>
  Buffer.from(await hkdfAsync('sha256', recoveryKey, Buffer.from(keyId, 'hex'), 'rolodesk recovery key', 32));

/** Groups of four letters and digits, the way people copy keys from a screen or paper. */
function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += base32Alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return text.match(/.{1,4}/g)!.join('-');
}

/** Reads a recovery key as typed: any case, spaces or dashes; 0/1/8 read as O/I/B. Undefined when it cannot be one. */
export function parseRecoveryKey(typed: string): Buffer | undefined {
  const letters = typed.toUpperCase().replace(/[\s-]/g, '').replace(/0/g, 'O').replace(/1/g, 'I').replace(/8/g, 'B');
  if (letters.length !== Math.ceil((recoveryKeyBytes * 8) / 5) || /[^A-Z2-7]/.test(letters)) return undefined;
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const letter of letters) {
    value = ((value << 5) | base32Alphabet.indexOf(letter)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

export function checkNewPassword(password: string): void {
  if ([...password].length < minimumPasswordLength) {
    throw new CrmError('VALIDATION', `The backup password must be at least ${minimumPasswordLength} characters long.`, {
      fields: [{ field: 'password', message: `At least ${minimumPasswordLength} characters.` }],
    });
  }
}

/** A new master key, kept by the password and by a recovery key the user is shown once. */
export async function newKeySet(
  password: string,
  cost: KdfCost = defaultCost,
): Promise<{ keySet: KeySet; masterKey: Buffer; recoveryKey: string }> {
  checkNewPassword(password);
  const masterKey = randomBytes(32);
  const recovery = randomBytes(recoveryKeyBytes);
  const keyId = randomBytes(16).toString('hex');
  const kdf = { name: 'scrypt' as const, ...cost, salt: randomBytes(16).toString('base64') };
  const keySet = KeySet.parse({
    format: 'rolodesk-keys-1',
    keyId,
    kdf,
    byPassword: wrap(masterKey, await passwordKey(password, kdf)),
    byRecoveryKey: wrap(masterKey, await recoveryKeyKey(recovery, keyId)),
  });
  return { keySet, masterKey, recoveryKey: formatRecoveryKey(recovery) };
}

/** The master key a password or recovery key opens; PASSWORD_REQUIRED when it is not the right one. */
export async function unlockKeySet(keySet: KeySet, secret: Secret): Promise<Buffer> {
  let masterKey: Buffer | undefined;
  if ('password' in secret) {
    masterKey = unwrap(keySet.byPassword, await passwordKey(secret.password, keySet.kdf));
  } else {
    const recovery = parseRecoveryKey(secret.recoveryKey);
    masterKey = recovery && unwrap(keySet.byRecoveryKey, await recoveryKeyKey(recovery, keySet.keyId));
  }
  if (!masterKey) throw wrongSecret(secret);
  return masterKey;
}
