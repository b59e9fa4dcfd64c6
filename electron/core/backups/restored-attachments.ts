import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FileName } from '../../../shared/schemas/attachment';
import { detectType } from '../attachments/detect-type';
import { checkContent } from '../attachments/file-policy';
import { allowedKinds, extensionOf, refusedExtensions, type AllowedKind } from '../attachments/file-types';
import type { Db } from '../db/open';
import { CrmError } from '../errors';
import { hasTable } from './database-checks';

/** What the check changed in the staged database: ids and fingerprints only, never a file's name (it may be anything). */
export interface RestoredAttachmentRepairs {
  /** Attachments whose name broke the upload rules, renamed "attachment-<id>.<ext>". */
  renamed: number[];
  /** Stored files whose recorded type was not one Rolodesk keeps, typed again from their bytes. */
  retyped: string[];
}

const kindOfMime = new Map<string, AllowedKind>(
  Object.entries(allowedKinds).map(([kind, { mime }]) => [mime, kind as AllowedKind]),
);
const short = (sha256: string) => `${sha256.slice(0, 12)}…`;
const cannotRestore = (problem: string) =>
  new CrmError('BACKUP_INVALID', `This backup cannot be restored: ${problem}. Nothing was changed.`);

/** Whether a name read from a database would have been accepted as an upload's name for a file of that kind. */
function isUploadableName(name: unknown, kind: AllowedKind): name is string {
  if (typeof name !== 'string' || !FileName.safeParse(name).success || refusedExtensions.has(extensionOf(name)))
    return false;
  try {
    checkContent(name, { kind });
    return true;
  } catch {
    return false;
  }
}

/**
 * A restored database's attachment names and types hold to the rules an
 * upload meets, checked on the staged copy before it is swapped in (a crafted
 * backup could name a file "../../x" or serve one as a web page). Every stored
 * file must be staged with its recorded size; a type Rolodesk does not keep is
 * set again from the file's bytes, and a file that really is something we
 * refuse (a program, say) refuses the restore. A name that breaks the rules is
 * replaced by "attachment-<id>.<ext of its real type>": the file is kept.
 */
export async function repairRestoredAttachments(db: Db, attachmentsDir: string): Promise<RestoredAttachmentRepairs> {
  const repairs: RestoredAttachmentRepairs = { renamed: [], retyped: [] };
  if (!hasTable(db, 'blobs')) return repairs;
  const blobs = db.prepare('SELECT sha256, size, mime_type FROM blobs ORDER BY sha256').all() as Array<{
    sha256: unknown;
    size: unknown;
    mime_type: unknown;
  }>;
  const kinds = new Map<string, AllowedKind>();
  for (const { sha256, size, mime_type: mimeType } of blobs) {
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
      throw cannotRestore('its database names a stored file in a way Rolodesk never writes');
    const path = join(attachmentsDir, sha256.slice(0, 2), sha256);
    const found = await stat(path).catch(() => undefined);
    if (!found?.isFile() || found.size !== size)
      throw cannotRestore(`attachment ${short(sha256)} is missing from the backup or not the size its database says`);
    let kind = typeof mimeType === 'string' ? kindOfMime.get(mimeType) : undefined;
    if (kind === undefined) {
      const detected = await detectType(path, '');
      if (!('kind' in detected))
        throw cannotRestore(`attachment ${short(sha256)} is really ${detected.refused}, which Rolodesk does not keep`);
      kind = detected.kind;
      repairs.retyped.push(sha256);
    }
    kinds.set(sha256, kind);
  }
  const renames: Array<{ id: number; name: string }> = [];
  if (hasTable(db, 'attachments')) {
    for (const { id, sha256, file_name: name } of db
      .prepare('SELECT id, sha256, file_name FROM attachments ORDER BY id')
      .all() as Array<{ id: number; sha256: string; file_name: unknown }>) {
      const kind = kinds.get(sha256);
      // A row naming no stored file fails the foreign key check, which refuses the restore before this runs.
      if (kind === undefined || isUploadableName(name, kind)) continue;
      renames.push({ id, name: `attachment-${id}.${allowedKinds[kind].extension}` });
    }
  }
  const retype = db.prepare('UPDATE blobs SET mime_type = ?, type_label = ? WHERE sha256 = ?');
  const rename = db.prepare('UPDATE attachments SET file_name = ? WHERE id = ?');
  db.transaction(() => {
    for (const sha256 of repairs.retyped)
      retype.run(allowedKinds[kinds.get(sha256)!].mime, allowedKinds[kinds.get(sha256)!].label, sha256);
    for (const { id, name } of renames) rename.run(name, id);
  })();
  repairs.renamed.push(...renames.map(({ id }) => id));
  return repairs;
}
