import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { RecordCounts } from '../../../shared/schemas/backup';
import { Sha256, Timestamp } from '../../../shared/schemas/common';
import { writeFileDurably } from '../durable-files';

export const manifestFileName = 'manifest.json';
export const snapshotDatabaseName = 'crm.db';

/** Written last into every snapshot: what it holds and what was checked. Read with zod, trusted by nothing else. */
export const Manifest = z.strictObject({
  format: z.literal(1),
  app: z.literal('Rolodesk'),
  appVersion: z.string().max(100),
  schemaVersion: z.int().min(0),
  sqliteVersion: z.string().max(50),
  createdAt: Timestamp,
  reason: z.string().max(100),
  counts: RecordCounts,
  database: z.strictObject({ file: z.literal(snapshotDatabaseName), size: z.int().min(0), sha256: Sha256 }),
  attachments: z.array(z.strictObject({ sha256: Sha256, size: z.int().min(1) })).max(10_000_000),
  checks: z.strictObject({
    integrityCheck: z.array(z.string()),
    foreignKeyCheck: z.array(z.string()),
    /** Attachments that could not be copied whole (missing or damaged in the live folder). */
    attachmentProblems: z.array(z.string()),
  }),
});
export type Manifest = z.infer<typeof Manifest>;

export async function readManifest(snapshotDir: string): Promise<Manifest> {
  const text = await readFile(join(snapshotDir, manifestFileName), 'utf8');
  return Manifest.parse(JSON.parse(text));
}

export async function writeManifest(snapshotDir: string, manifest: Manifest): Promise<void> {
  await writeFileDurably(join(snapshotDir, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Whether the checks recorded when the snapshot was taken passed. */
export function manifestProblems(manifest: Manifest): string[] {
  const { integrityCheck, foreignKeyCheck, attachmentProblems } = manifest.checks;
  return [
    ...(integrityCheck.length === 1 && integrityCheck[0] === 'ok' ? [] : integrityCheck.map((line) => `integrity check: ${line}`)),
    ...foreignKeyCheck.map((line) => `foreign key check: ${line}`),
    ...attachmentProblems,
  ];
}

export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}
