import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { newKeySet, parseRecoveryKey, unlockKeySet, type KeySet } from './key-set';
import {
  isSealedFile,
  openSealedFile,
  readSealedHeader,
  SealedHeader,
  sealedChunkBytes,
  sealStream,
  unsealStream,
  type KeyFor,
} from './sealed-file';
import { stringContaining } from '../../../../tests/support/matchers';

// The real cost is 2^17; tests use scrypt's floor so a run stays quick.
const cheap = { N: 2 ** 14, r: 8, p: 1 };

async function seal(bytes: Buffer, masterKey: Buffer, keySet: KeySet, path: string): Promise<void> {
  await pipeline(Readable.from([bytes]), sealStream(masterKey, keySet.keyId, keySet), createWriteStream(path));
}

async function unseal(path: string, keyFor: KeyFor): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(Readable.from([readFileSync(path)]), unsealStream(keyFor), async (source) => {
    for await (const chunk of source) chunks.push(chunk as Buffer);
  });
  return Buffer.concat(chunks);
}

const byPassword =
  (password: string): KeyFor =>
  (header) =>
    unlockKeySet(header.keySet!, { password });

describe('sealed backup files', () => {
  const tempDir = useTempDirs();

  it('round-trips any length, the boundaries of its chunks included, and opens with the password or the recovery key', async () => {
    const dir = tempDir();
    const { keySet, masterKey, recoveryKey } = await newKeySet('correct horse', cheap);
    expect(recoveryKey).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
    for (const size of [
      0,
      1,
      sealedChunkBytes - 1,
      sealedChunkBytes,
      sealedChunkBytes + 1,
      3 * sealedChunkBytes,
      200_001,
    ]) {
      const plain = randomBytes(size);
      const path = join(dir, `file-${size}`);
      await seal(plain, masterKey, keySet, path);
      expect(await isSealedFile(path)).toBe(true);
      // 16 random bytes turn up in random ciphertext with odds of 2^-128; a shorter run may by chance.
      if (size >= 16) expect(readFileSync(path).includes(plain.subarray(0, 16))).toBe(false);
      expect((await unseal(path, byPassword('correct horse'))).equals(plain)).toBe(true);
      const typedSloppily = recoveryKey.toLowerCase().replace(/-/g, ' ');
      expect(
        (await unseal(path, (header) => unlockKeySet(header.keySet!, { recoveryKey: typedSloppily }))).equals(plain),
      ).toBe(true);
    }
  });

  it('refuses a wrong password or recovery key as such, and a new password shorter than 8 characters', async () => {
    // At the real cost, once: the parameters a release uses must work with Node's default memory limits.
    const { keySet } = await newKeySet('correct horse');
    expect(keySet.kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    await expect(unlockKeySet(keySet, { password: 'correct horse' })).resolves.toHaveLength(32);
    await expect(unlockKeySet(keySet, { password: 'correct hors' })).rejects.toMatchObject({
      code: 'PASSWORD_REQUIRED',
      message: stringContaining('does not open'),
    });
    await expect(
      unlockKeySet(keySet, { recoveryKey: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' }),
    ).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED' });
    await expect(unlockKeySet(keySet, { recoveryKey: 'not a key' })).rejects.toMatchObject({
      code: 'PASSWORD_REQUIRED',
    });
    expect(parseRecoveryKey('short')).toBeUndefined();
    await expect(newKeySet('1234567', cheap)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses every changed byte, a file cut short anywhere and bytes added at its end', async () => {
    const dir = tempDir();
    const { keySet, masterKey } = await newKeySet('correct horse', cheap);
    const path = join(dir, 'sealed');
    await seal(randomBytes(2 * sealedChunkBytes + 100), masterKey, keySet, path);
    const original = readFileSync(path);
    const headerEnd = 12 + original.readUInt32BE(8);
    const chunk = sealedChunkBytes + 16;
    const damaged = [
      ...[headerEnd, headerEnd + 5, headerEnd + chunk - 1, headerEnd + chunk + 7, original.length - 1].map((at) => {
        const copy = Buffer.from(original);
        copy[at] = copy[at]! ^ 0x01;
        return copy;
      }),
      original.subarray(0, headerEnd + 2 * chunk), // cut at a chunk boundary: the last chunk is missing
      original.subarray(0, original.length - 1),
      original.subarray(0, headerEnd),
      original.subarray(0, 20),
      Buffer.concat([original, Buffer.from([0])]),
      Buffer.concat([original.subarray(0, headerEnd + chunk), original.subarray(headerEnd + 2 * chunk)]), // a chunk left out
    ];
    for (const [index, bytes] of damaged.entries()) {
      const file = join(dir, `damaged-${index}`);
      writeFileSync(file, bytes);
      await expect(unseal(file, byPassword('correct horse')), `case ${index}`).rejects.toMatchObject({
        code: 'BACKUP_INVALID',
      });
    }
  });

  it('refuses a header that names an unaffordable key derivation before deriving anything', async () => {
    const dir = tempDir();
    const { keySet, masterKey } = await newKeySet('correct horse', cheap);
    const path = join(dir, 'sealed');
    await seal(Buffer.from('hello'), masterKey, keySet, path);
    const bytes = readFileSync(path);
    const length = bytes.readUInt32BE(8);
    const header = SealedHeader.parse(JSON.parse(bytes.subarray(12, 12 + length).toString('utf8')));
    // An exported file carries its key set.
    header.keySet!.kdf.N = 2 ** 30;
    const json = Buffer.from(JSON.stringify(header));
    const size = Buffer.alloc(4);
    size.writeUInt32BE(json.length);
    writeFileSync(path, Buffer.concat([bytes.subarray(0, 8), size, json, bytes.subarray(12 + length)]));
    await expect(readSealedHeader(path)).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
  });

  it('reads a sealed ZIP at any offset, entry by entry, as yauzl asks', async () => {
    const dir = tempDir();
    const { keySet, masterKey } = await newKeySet('correct horse', cheap);
    const contents = new Map([
      ['manifest.json', Buffer.from('{"hello":"world"}')],
      ['crm.db', randomBytes(300_000)],
      ['files/ab/one', randomBytes(70_000)],
    ]);
    const zip = new ZipFile();
    for (const [name, bytes] of contents) zip.addBuffer(bytes, name, { compress: name !== 'crm.db' });
    zip.end();
    const path = join(dir, 'backup.rolodesk');
    await pipeline(zip.outputStream, sealStream(masterKey, keySet.keyId, keySet), createWriteStream(path));

    const { reader, size } = await openSealedFile(path, byPassword('correct horse'));
    const archive = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromRandomAccessReader(reader, size, { lazyEntries: true, autoClose: false }, (error, opened) =>
        error ? reject(error) : resolve(opened),
      ),
    );
    const read = new Map<string, Buffer>();
    await new Promise<void>((resolve, reject) => {
      archive.on('entry', (entry: yauzl.Entry) =>
        archive.openReadStream(entry, (error, stream) => {
          if (error) return reject(error);
          buffer(stream).then((bytes) => {
            read.set(entry.fileName, bytes);
            archive.readEntry();
          }, reject);
        }),
      );
      archive.on('end', resolve);
      archive.on('error', reject);
      archive.readEntry();
    });
    archive.close();
    expect([...read.keys()].sort()).toEqual([...contents.keys()].sort());
    for (const [name, bytes] of contents) expect(read.get(name)!.equals(bytes), name).toBe(true);
    await expect(openSealedFile(path, byPassword('wrong password'))).rejects.toMatchObject({
      code: 'PASSWORD_REQUIRED',
    });
  });
});
