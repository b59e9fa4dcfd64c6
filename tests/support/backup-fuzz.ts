// Properties for fuzzing the readers of backup bytes that come from outside:
// the archive reader (ZIP directory, manifest, entries) and a snapshot
// folder's manifest and records. Shared by the short run in vitest
// (electron/core/backups/archive-fuzz.test.ts) and the long one
// (tests/fuzz/backup-readers.fuzz.ts).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { archiveSource } from '../../electron/core/backups/archive';
import { readSnapshot } from '../../electron/core/backups/snapshot-list';
import { CrmError } from '../../electron/core/errors';
import { checkedManifestFor, zipOf } from './archives';

/** Longer than any honest refusal of a few-KB file takes: past this it counts as a hang. */
const hangMs = 10_000;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const attachment = Buffer.from('%PDF-1.4\nfuzz\n%%EOF\n');
const database = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(496, 7)]);

/** A small archive every check accepts up to SQLite's: what the mutations start from. */
export function validArchive(): Promise<Buffer> {
  return zipOf({
    'manifest.json': checkedManifestFor({ size: database.length, sha256: sha256(database) }, [
      { sha256: sha256(attachment), size: attachment.length },
    ]),
    'crm.db': database,
    [`files/${sha256(attachment).slice(0, 2)}/${sha256(attachment)}`]: attachment,
  });
}

/** One change to a file's bytes, as damage or a hostile hand would make it. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  // Sizes, offsets and counts are 16- and 32-bit fields: set one to an extreme.
  fc.record({
    kind: fc.constant('number' as const),
    at: fc.nat(),
    value: fc.constantFrom(0, 1, 0xffff, 0x7fffffff, 0xffffffff),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(bytes: Buffer, changes: Mutation[]): Buffer {
  let out = Buffer.from(bytes);
  for (const change of changes) {
    if (out.length === 0) break;
    const at = change.at % out.length;
    if (change.kind === 'flip') out[at]! ^= change.bits;
    else if (change.kind === 'cut') out = out.subarray(0, at);
    else if (change.kind === 'splice')
      out = Buffer.concat([out.subarray(0, at), Buffer.from(change.bytes), out.subarray(at)]);
    else if (at + 4 <= out.length) out.writeUInt32LE(change.value, at);
  }
  return out;
}

/** A manifest as a hostile hand writes it: any JSON, or ours with one field replaced by anything. */
const manifestText = fc.oneof(
  fc.json(),
  fc.string(),
  fc
    .record({
      field: fc.constantFrom(
        'format',
        'app',
        'schemaVersion',
        'createdAt',
        'counts',
        'attachments',
        'database',
        'checks',
      ),
      value: fc.jsonValue(),
    })
    .map(({ field, value }) =>
      JSON.stringify({
        ...JSON.parse(checkedManifestFor({ size: database.length, sha256: sha256(database) })),
        [field]: value,
      }),
    ),
);

/** An archive's entries as a hostile hand names them: ours, climbing ones, odd ones. */
const entryName = fc.oneof(
  fc.constantFrom(
    'manifest.json',
    'crm.db',
    'files/',
    '../crm.db',
    'files/ab/../../crm.db',
    'C:\\crm.db',
    '/etc/passwd',
    `files/${'a'.repeat(2)}/${'a'.repeat(64)}`,
  ),
  fc.string({ minLength: 1, maxLength: 80 }),
);

/** Generated and mutated backup files: random bytes, damaged valid archives, archives of odd entries and manifests. */
export const hostileArchives = (valid: Buffer): fc.Arbitrary<() => Promise<Buffer>> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((bytes) => () => Promise.resolve(Buffer.from(bytes))),
    fc.array(mutation, { minLength: 1, maxLength: 6 }).map((changes) => () => Promise.resolve(mutate(valid, changes))),
    fc
      .record({
        manifest: manifestText,
        extra: fc.array(fc.tuple(entryName, fc.uint8Array({ maxLength: 64 })), { maxLength: 4 }),
        withDatabase: fc.boolean(),
      })
      .map(({ manifest, extra, withDatabase }) => async () => {
        const entries: Record<string, Buffer | string> = { 'manifest.json': manifest };
        if (withDatabase) entries['crm.db'] = database;
        for (const [name, bytes] of extra) entries[name] = Buffer.from(bytes);
        try {
          return await zipOf(entries);
        } catch {
          // yazl itself refuses some names (absolute paths, say): such a file is plain bytes then.
          return Buffer.from(JSON.stringify(entries));
        }
      }),
  );

/** Whether a refusal is one the user can read: BACKUP_INVALID and a sentence, never a raw Error or TypeError. */
export function isClearRefusal(error: unknown): boolean {
  return (
    error instanceof CrmError &&
    error.code === 'BACKUP_INVALID' &&
    /^This .+\.$/s.test(error.message) &&
    !/TypeError|undefined|\[object/.test(error.message)
  );
}

async function drain(bytes: string | AsyncIterable<Uint8Array> | undefined): Promise<void> {
  if (bytes === undefined || typeof bytes === 'string') return;
  const chunks = bytes[Symbol.asyncIterator]();
  while (!(await chunks.next()).done);
}

async function withinTime<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} hung for ${hangMs} ms`)), hangMs)),
  );
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens the file as a backup and reads every entry it lets through: it opens
 * and reads, or it is refused clearly, within the time limit.
 */
export async function archiveReaderHolds(path: string, bytes: Buffer): Promise<void> {
  writeFileSync(path, bytes);
  await withinTime(
    (async () => {
      let source: Awaited<ReturnType<typeof archiveSource>> | undefined;
      try {
        source = await archiveSource(path);
        await drain(await source.database());
        for (const file of source.manifest.attachments) await drain(await source.file(file.sha256));
      } catch (error) {
        if (!isClearRefusal(error))
          throw new Error(
            `not a clear refusal: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
          );
      } finally {
        source?.close();
      }
    })(),
    'the archive reader',
  );
}

export const snapshotId = 'snapshot-20261201-090000-000';

/** A snapshot folder someone else wrote: any manifest and records. */
export const hostileSnapshotFolders = fc.record({
  manifest: fc.oneof(
    manifestText,
    fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  ),
  verification: fc.option(fc.oneof(fc.json(), fc.string()), { nil: undefined }),
  check: fc.option(fc.oneof(fc.json(), fc.string()), { nil: undefined }),
});

/** Lists a snapshot folder: never throws, and one whose files do not parse is never called verified. */
export async function snapshotReaderHolds(
  backupsDir: string,
  folder: { manifest: string; verification: string | undefined; check: string | undefined },
): Promise<void> {
  const dir = join(backupsDir, snapshotId);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), folder.manifest);
  if (folder.verification !== undefined) writeFileSync(join(dir, 'verification.json'), folder.verification);
  if (folder.check !== undefined) writeFileSync(join(dir, 'check.json'), folder.check);
  const listed = await withinTime(readSnapshot(backupsDir, snapshotId), 'the snapshot reader');
  if (!listed) throw new Error('a folder with a manifest was not listed');
  if (listed.verified && listed.manifest === undefined)
    throw new Error('a snapshot without a readable manifest was called verified');
}
