import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import yauzl from 'yauzl';

/** A ZIP of the given entries, built by yazl. */
export async function zipOf(entries: Record<string, Buffer | string>): Promise<Buffer> {
  const file = new ZipFile();
  for (const [name, content] of Object.entries(entries)) file.addBuffer(Buffer.from(content), name);
  file.end();
  const chunks: Buffer[] = [];
  for await (const chunk of file.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Renames an entry inside a finished ZIP by rewriting the name's bytes (in the
 * local header and the central directory) to another of the same length: how
 * a hostile archive gets names like "../../x" that no honest zipper writes.
 */
export function renameEntryBytes(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('names must be the same length');
  const out = Buffer.from(zip);
  const needle = Buffer.from(from);
  for (let at = out.indexOf(needle); at !== -1; at = out.indexOf(needle, at + 1)) out.write(to, at, 'latin1');
  return out;
}

/** Every entry of a ZIP file, unpacked in memory: for looking inside an archive the app wrote. */
export async function unzipped(path: string): Promise<Record<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(path, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))));
  const entries: Record<string, Buffer> = {};
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        entries[entry.fileName] = Buffer.concat(chunks);
        zip.readEntry();
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

/**
 * An exported archive rebuilt with its database changed by `change` (run on a
 * copy in `workDir`) and a manifest that tells the truth about the changed
 * bytes and any extra files: a crafted backup that every checksum vouches for.
 */
export async function archiveWithDatabaseChanged(
  archivePath: string,
  workDir: string,
  change: (db: Database.Database) => void,
  extraFiles: Buffer[] = [],
): Promise<string> {
  const entries = await unzipped(archivePath);
  const databasePath = join(workDir, `crm-${randomUUID()}.db`);
  writeFileSync(databasePath, entries['crm.db']!);
  const db = new Database(databasePath);
  try {
    change(db);
  } finally {
    db.close();
  }
  const bytes = readFileSync(databasePath);
  const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
  const manifest = JSON.parse(entries['manifest.json']!.toString('utf8')) as { attachments: Array<{ sha256: string; size: number }> };
  const extra = Object.fromEntries(extraFiles.map((content) => [`files/${sha256(content).slice(0, 2)}/${sha256(content)}`, content]));
  const rebuilt = {
    ...entries,
    ...extra,
    'manifest.json': JSON.stringify({
      ...manifest,
      attachments: [...manifest.attachments, ...extraFiles.map((content) => ({ sha256: sha256(content), size: content.length }))],
      database: { file: 'crm.db', sha256: sha256(bytes), size: bytes.length },
    }),
    'crm.db': bytes,
  };
  const changed = join(workDir, `changed-${randomUUID()}.zip`);
  writeFileSync(changed, await zipOf(rebuilt));
  return changed;
}
