import type { ImportKind } from '../../../shared/schemas/import';
import type { StoredValue } from '../custom-fields/repo';
import type { Db } from '../db/open';
import { ownerColumn, tableOf } from '../records/kinds';

/** Rows per INSERT … SELECT: memory stays a batch, and statement costs are paid per batch. */
const batchRows = 250;

/** A record an import creates, beside its values. */
export interface NewRecord {
  /** The row's own tags and custom values, written after the record (absent: none). */
  tagIds?: readonly number[] | undefined;
  custom?: Readonly<Record<string, StoredValue>> | undefined;
  /** The row's match keys: a later row with one of them must see this record in the table. */
  keys: readonly string[];
}

/**
 * One kind of record as a batch writes it: a new record's stored columns
 * (as its repository builds them), and which table column takes each field.
 */
export interface BatchShape<R extends NewRecord, Stored> {
  kind: ImportKind;
  storedOf: (record: R) => Stored;
  columns: ReadonlyArray<readonly [column: string, field: keyof Stored]>;
}

/** The import a batch writes for: its run, its clock, and the tag its history names. */
export interface BatchRun {
  runId: number;
  now: string;
  tagName: string;
}

/**
 * The records an import creates, written a batch at a time: one INSERT …
 * SELECT over the batch, then the import's records and history rows for the
 * same ids in one statement each. One statement per record paid SQLite's
 * per-statement work (its statement journal copies every page a row's
 * indexes and search index touch) for every row, about half the write.
 * Columns as the kind's repository stores them. Ids come in batch order
 * (SQLite gives a new row the largest id plus one); checked, since undo
 * relies on it. `written` gets each record with its id once it is in the
 * table (its tags, custom values, what the matching remembers).
 *
 * A row matched against the table first calls `flushIfPending` with its keys,
 * so it finds a record of an earlier row as it would have one by one.
 */
export function recordBatch<R extends NewRecord, Stored>(
  db: Db,
  shape: BatchShape<R, Stored>,
  run: BatchRun,
  written: (id: number, record: R) => void,
) {
  const table = tableOf[shape.kind];
  const insert = db.prepare<[{ rows: string; now: string }]>(
    `INSERT INTO ${table} (${shape.columns.map(([column]) => column).join(', ')}, created_at, updated_at)
     SELECT ${shape.columns.map((_, index) => `value ->> ${index}`).join(', ')}, @now, @now
     FROM json_each(@rows) ORDER BY key`,
  );
  const lastId = db.prepare<[], number | null>(`SELECT max(id) FROM ${table}`).pluck();
  const noteCreated = db.prepare<[{ run: number; first: number; last: number }]>(
    `INSERT INTO import_records (import_id, record_kind, record_id, action, before)
     SELECT @run, '${shape.kind}', id, 'created', NULL FROM ${table} WHERE id BETWEEN @first AND @last ON CONFLICT DO NOTHING`,
  );
  // The import's tag in each created record's history, so its timeline says where it came from.
  const noteHistory = db.prepare<[{ first: number; last: number; tag: string; now: string }]>(
    `INSERT INTO record_history (${ownerColumn[shape.kind]}, action, field, old_value, new_value, changed_at)
     SELECT id, 'tagged', 'tags', NULL, @tag, @now FROM ${table} WHERE id BETWEEN @first AND @last ORDER BY id`,
  );

  let rows: unknown[][] = [];
  let records: R[] = [];
  const pendingKeys = new Set<string>();

  function flush(): void {
    if (rows.length === 0) return;
    const first = (lastId.get() ?? 0) + 1;
    const last = first + rows.length - 1;
    const count = insert.run({ rows: JSON.stringify(rows), now: run.now }).changes;
    if (count !== rows.length || lastId.get() !== last)
      throw new Error(`An import batch of ${rows.length} ${table} was not given ids ${first}–${last}.`);
    noteCreated.run({ run: run.runId, first, last });
    noteHistory.run({ first, last, tag: run.tagName, now: run.now });
    records.forEach((record, index) => written(first + index, record));
    rows = [];
    records = [];
    pendingKeys.clear();
  }

  return {
    add(record: R): void {
      const stored = shape.storedOf(record);
      rows.push(shape.columns.map(([, field]) => stored[field]));
      records.push(record);
      for (const key of record.keys) pendingKeys.add(key);
      if (rows.length >= batchRows) flush();
    },
    /** Writes the batch if a row with any of these keys is in it. */
    flushIfPending(keys: readonly string[]): void {
      if (keys.some((key) => pendingKeys.has(key))) flush();
    },
    flush,
  };
}
