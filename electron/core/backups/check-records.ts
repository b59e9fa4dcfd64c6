import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Sha256, Timestamp } from '../../../shared/schemas/common';
import { writeFileDurably } from '../durable-files';

/**
 * What the verification that follows a copy found: the checksum of the
 * database bytes it checked (the one every later check compares against) and
 * the problems, in words. Written once; never rewritten.
 */
export const VerificationRecord = z.strictObject({
  verifiedAt: Timestamp,
  databaseSha256: Sha256.nullable(),
  problems: z.array(z.string()),
});
export type VerificationRecord = z.infer<typeof VerificationRecord>;

/** The result of the last re-check of a snapshot (daily, or Check again). */
export const CheckRecord = z.strictObject({ checkedAt: Timestamp, problems: z.array(z.string()) });
export type CheckRecord = z.infer<typeof CheckRecord>;

export const verificationFileName = 'verification.json';
const checkFileName = 'check.json';

/** A record beside a snapshot: absent, read, or there but unreadable (which is a problem in itself). */
export type RecordRead<T> = { state: 'absent' } | { state: 'read'; record: T } | { state: 'unreadable' };

async function readRecord<T>(path: string, schema: z.ZodType<T>): Promise<RecordRead<T>> {
  if (!existsSync(path)) return { state: 'absent' };
  try {
    return { state: 'read', record: schema.parse(JSON.parse(await readFile(path, 'utf8'))) };
  } catch {
    return { state: 'unreadable' };
  }
}

export const readVerification = (snapshotDir: string) =>
  readRecord(join(snapshotDir, verificationFileName), VerificationRecord);
export const readCheck = (snapshotDir: string) => readRecord(join(snapshotDir, checkFileName), CheckRecord);

export async function writeVerification(snapshotDir: string, record: VerificationRecord): Promise<void> {
  await writeFileDurably(join(snapshotDir, verificationFileName), `${JSON.stringify(record)}\n`);
}

export async function writeCheck(snapshotDir: string, record: CheckRecord): Promise<void> {
  await writeFileDurably(join(snapshotDir, checkFileName), `${JSON.stringify(record)}\n`);
}
