import type { RecordKind, RecordRef } from '../../../shared/schemas/record';
import type { Db } from '../db/open';
import { tableOf } from './kinds';

/** At most this many records are named in one event; past it the event says which kinds changed. */
export const maxNamedChanges = 500;

export interface RecordsChanged {
  /** The records created, changed or removed (at most maxNamedChanges of them). */
  records: RecordRef[];
  /** Every kind with a change, named or not. */
  kinds: RecordKind[];
  /** False when more records changed than `records` names (a bulk edit of thousands). */
  complete: boolean;
}

/**
 * Which records the requests since the last drain created, changed or
 * removed, so the window can refresh every panel and list that shows them.
 * Temporary triggers on this connection note each row as it changes (the
 * version triggers of migration 17 fire for every change), so no write path
 * can forget to announce itself; a rolled-back request leaves no note. (No OR IGNORE:
 * inside a trigger the outer statement's conflict policy wins, and a foreign-key action's is ABORT.)
 */
export function changeFeed(db: Db) {
  const kinds = Object.keys(tableOf) as RecordKind[];
  const sql = [
    'CREATE TEMP TABLE IF NOT EXISTS changed_records (kind TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;',
  ];
  for (const kind of kinds) {
    const table = tableOf[kind];
    for (const [event, row] of [
      ['INSERT', 'new'],
      ['UPDATE OF version', 'new'],
      ['DELETE', 'old'],
    ] as const) {
      const name = `temp.${table}_${event.split(' ')[0]!.toLowerCase()}_noted`;
      sql.push(`CREATE TRIGGER IF NOT EXISTS ${name} AFTER ${event} ON main.${table} BEGIN
        INSERT INTO changed_records (kind, id) SELECT '${kind}', ${row}.id
          WHERE NOT EXISTS (SELECT 1 FROM changed_records WHERE kind = '${kind}' AND id = ${row}.id);
      END;`);
    }
  }
  db.exec(sql.join('\n'));
  const named = db.prepare<[number], RecordRef>('SELECT kind, id FROM temp.changed_records ORDER BY kind, id LIMIT ?');
  const changedKinds = db
    .prepare<[], RecordKind>('SELECT DISTINCT kind FROM temp.changed_records ORDER BY kind')
    .pluck();
  const count = db.prepare<[], number>('SELECT count(*) FROM temp.changed_records').pluck();
  const clear = db.prepare('DELETE FROM temp.changed_records');

  return {
    /** What changed since the last call, or undefined when nothing did. */
    drain(): RecordsChanged | undefined {
      const total = count.get()!;
      if (total === 0) return undefined;
      const changes = {
        records: named.all(maxNamedChanges),
        kinds: changedKinds.all(),
        complete: total <= maxNamedChanges,
      };
      clear.run();
      return changes;
    },
  };
}

export type ChangeFeed = ReturnType<typeof changeFeed>;
