import type { Attachment, RecordRef } from '../../../shared/schemas/attachment';
import type { RecordKind } from '../../../shared/schemas/record';
import type { Db } from '../db/open';
import { ownerColumn } from '../records/kinds';
import { allowedKinds, type AllowedKind } from './file-types';

interface AttachmentRow {
  id: number;
  contact_id: number | null;
  company_id: number | null;
  deal_id: number | null;
  activity_id: number | null;
  sha256: string;
  file_name: string;
  added_at: string;
  size: number;
  mime_type: string;
  type_label: string;
}

export interface BlobRow {
  sha256: string;
  size: number;
  mime_type: string;
  type_label: string;
}

const kinds = ['contact', 'company', 'deal', 'activity'] as const;
const previewableMimes = new Set<string>(
  Object.values(allowedKinds)
    .filter((kind) => kind.previewable)
    .map((kind) => kind.mime),
);

/** The record an attachment row belongs to: the one owner column that is set. */
function ownerOf(row: AttachmentRow): RecordRef {
  for (const kind of kinds) {
    const id = row[ownerColumn[kind] as 'contact_id'];
    if (id !== null) return { kind, id };
  }
  throw new Error(`attachment ${row.id} belongs to no record`);
}

function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    record: ownerOf(row),
    fileName: row.file_name,
    size: row.size,
    mimeType: row.mime_type,
    typeLabel: row.type_label,
    sha256: row.sha256,
    addedAt: row.added_at,
    previewable: previewableMimes.has(row.mime_type),
  };
}

const selectAttachment = `SELECT a.id, a.contact_id, a.company_id, a.deal_id, a.activity_id, a.sha256, a.file_name, a.added_at, b.size, b.mime_type, b.type_label
  FROM attachments a JOIN blobs b USING (sha256)`;

// A blob is in use while an attachment row or a contact photo names it.
const unreferenced = `NOT EXISTS (SELECT 1 FROM attachments WHERE sha256 = blobs.sha256)
  AND NOT EXISTS (SELECT 1 FROM contacts WHERE photo_sha256 = blobs.sha256)`;

/** SQL for stored files and the rows that point at them: one owner column per kind of record. */
export function attachmentsRepo(db: Db) {
  const insertBlob = db.prepare(
    `INSERT INTO blobs (sha256, size, mime_type, type_label, stored_at) VALUES (@sha256, @size, @mime, @label, @now)
     ON CONFLICT (sha256) DO NOTHING`,
  );
  const insertAttachment = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[{ owner: number; sha256: string; fileName: string; now: string }], { id: number }>(
        `INSERT INTO attachments (${ownerColumn[kind]}, sha256, file_name, added_at) VALUES (@owner, @sha256, @fileName, @now) RETURNING id`,
      ),
    ]),
  ) as Record<
    RecordKind,
    ReturnType<typeof db.prepare<[{ owner: number; sha256: string; fileName: string; now: string }], { id: number }>>
  >;
  const byId = db.prepare<[number], AttachmentRow>(`${selectAttachment} WHERE a.id = ?`);
  const byIds = db.prepare<[string], AttachmentRow>(
    `${selectAttachment} WHERE a.id IN (SELECT value FROM json_each(?))`,
  );
  const byOwner = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[number], AttachmentRow>(
        `${selectAttachment} WHERE a.${ownerColumn[kind]} = ? ORDER BY a.added_at DESC, a.id DESC`,
      ),
    ]),
  ) as Record<RecordKind, ReturnType<typeof db.prepare<[number], AttachmentRow>>>;
  const deleteAttachment = db.prepare<[number]>('DELETE FROM attachments WHERE id = ?');
  const blob = db.prepare<[string], BlobRow>('SELECT sha256, size, mime_type, type_label FROM blobs WHERE sha256 = ?');
  const deleteIfUnused = db.prepare<[string]>(`DELETE FROM blobs WHERE sha256 = ? AND ${unreferenced}`);
  const allUnused = db.prepare<[], string>(`SELECT sha256 FROM blobs WHERE ${unreferenced}`).pluck();
  const allShas = db.prepare<[], string>('SELECT sha256 FROM blobs').pluck();

  function saveBlob(file: { sha256: string; size: number; kind: AllowedKind }, now: string): void {
    const kind = allowedKinds[file.kind];
    insertBlob.run({ sha256: file.sha256, size: file.size, mime: kind.mime, label: kind.label, now });
  }

  return {
    saveBlob,
    /** Records the blob (once) and the attachment, in the caller's transaction. */
    add(
      file: { sha256: string; size: number; kind: AllowedKind; fileName: string; record: RecordRef },
      now: string,
    ): Attachment {
      saveBlob(file, now);
      const { id } = insertAttachment[file.record.kind].get({
        owner: file.record.id,
        sha256: file.sha256,
        fileName: file.fileName,
        now,
      })!;
      return toAttachment(byId.get(id)!);
    },
    get(id: number): Attachment | undefined {
      const row = byId.get(id);
      return row && toAttachment(row);
    },
    /** Attachments by id (timelines), in no particular order. */
    many(ids: readonly number[]): Attachment[] {
      return ids.length === 0 ? [] : byIds.all(JSON.stringify(ids)).map(toAttachment);
    },
    listFor(record: RecordRef): Attachment[] {
      return byOwner[record.kind].all(record.id).map(toAttachment);
    },
    delete(id: number): boolean {
      return deleteAttachment.run(id).changes > 0;
    },
    blob(sha256: string): BlobRow | undefined {
      return blob.get(sha256);
    },
    /** Deletes the blob rows no one uses any more among `candidates`; returns those deleted. */
    releaseUnused(candidates: Iterable<string>): string[] {
      return [...new Set(candidates)].filter((sha256) => deleteIfUnused.run(sha256).changes > 0);
    },
    unusedBlobs: () => allUnused.all(),
    allBlobs: () => new Set(allShas.all()),
  };
}

export type AttachmentsRepo = ReturnType<typeof attachmentsRepo>;
