import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { omit } from '../../../shared/omit';
import { RecordCounts } from '../../../shared/schemas/backup';
import { Sha256, Timestamp } from '../../../shared/schemas/common';
import { writeFileDurably } from '../durable-files';
import { hashPieces } from '../hashing-copy';

export const manifestFileName = 'manifest.json';
export const snapshotDatabaseName = 'crm.db';

const contents = {
  app: z.literal('Rolodesk'),
  appVersion: z.string().max(100),
  schemaVersion: z.int().min(0),
  sqliteVersion: z.string().max(50),
  createdAt: Timestamp,
  reason: z.string().max(100),
  counts: RecordCounts,
  attachments: z.array(z.strictObject({ sha256: Sha256, size: z.int().min(1) })).max(10_000_000),
};

/**
 * A manifest whose database checksum and checks are in it: every exported
 * archive, and the snapshots taken before verification moved after the copy.
 */
export const CheckedManifest = z.strictObject({
  format: z.literal(1),
  ...contents,
  database: z.strictObject({ file: z.literal(snapshotDatabaseName), size: z.int().min(0), sha256: Sha256 }),
  checks: z.strictObject({
    integrityCheck: z.array(z.string()),
    foreignKeyCheck: z.array(z.string()),
    /** Attachments that could not be copied whole (missing or damaged in the live folder). */
    attachmentProblems: z.array(z.string()),
  }),
});
export type CheckedManifest = z.infer<typeof CheckedManifest>;

/**
 * Written last when a snapshot is copied, which makes it a snapshot: what it
 * holds. Its database checksum and checks come with its verification, which
 * follows (verification.json beside it).
 */
export const CopiedManifest = z.strictObject({
  format: z.literal(2),
  ...contents,
  database: z.strictObject({ file: z.literal(snapshotDatabaseName), size: z.int().min(0) }),
  /** Attachments the copy could not take whole from the live folder, and why. */
  notCopied: z.array(z.strictObject({ sha256: Sha256, why: z.enum(['missing', 'damaged']) })),
});
export type CopiedManifest = z.infer<typeof CopiedManifest>;

/** Read with zod, trusted by nothing else. */
export const Manifest = z.discriminatedUnion('format', [CheckedManifest, CopiedManifest]);
export type Manifest = z.infer<typeof Manifest>;

/** Far above any real manifest (ten thousand attachments take about 1 MB); a bigger one is not read into memory. */
export const maxManifestBytes = 64 * 1024 * 1024;

/** A snapshot folder's manifest, parsed; a folder in a chosen backup folder may have been written by anyone. */
export async function readManifest(snapshotDir: string): Promise<Manifest> {
  const path = join(snapshotDir, manifestFileName);
  if ((await stat(path)).size > maxManifestBytes) throw new Error('the manifest is far too large to be one of ours');
  return Manifest.parse(JSON.parse(await readFile(path, 'utf8')));
}

export async function writeManifest(snapshotDir: string, manifest: CopiedManifest): Promise<void> {
  await writeFileDurably(join(snapshotDir, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
}

const short = (sha256: string) => `${sha256.slice(0, 12)}…`;

/** An attachment the copy could not take, in words. */
export function notCopiedInWords({ sha256, why }: CopiedManifest['notCopied'][number]): string {
  return why === 'missing'
    ? `attachment ${short(sha256)} is missing from the attachments folder`
    : `attachment ${short(sha256)} is damaged in the attachments folder (its contents changed)`;
}

/** What the checks recorded in a checked manifest found wrong. */
export function manifestProblems(manifest: CheckedManifest): string[] {
  const { integrityCheck, foreignKeyCheck, attachmentProblems } = manifest.checks;
  return [
    ...(integrityCheck.length === 1 && integrityCheck[0] === 'ok'
      ? []
      : integrityCheck.map((line) => `integrity check: ${line}`)),
    ...foreignKeyCheck.map((line) => `foreign key check: ${line}`),
    ...attachmentProblems,
  ];
}

/**
 * The manifest an exported archive carries: a verified snapshot's, with the
 * checksum it was verified with and its passed checks written in, so the
 * archive checks itself wherever it goes (and older Rolodesk versions read it).
 */
export function checkedManifest(manifest: Manifest, databaseSha256: string): CheckedManifest {
  if (manifest.format === 1) return manifest;
  const { database, ...rest } = omit(manifest, 'format', 'notCopied');
  return {
    format: 1,
    ...rest,
    database: { ...database, sha256: databaseSha256 },
    checks: { integrityCheck: ['ok'], foreignKeyCheck: [], attachmentProblems: [] },
  };
}

/** The sha256 and size of a file on disk. */
export const hashFile = (path: string) => hashPieces(path);
