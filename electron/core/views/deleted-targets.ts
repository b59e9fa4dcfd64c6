import type { FilterTarget } from '../../../shared/schemas/view';
import type { Db } from '../db/open';

type TargetKind = FilterTarget['kind'];

const tableOf: Record<TargetKind, string> = { tag: 'tags', customField: 'custom_fields', stage: 'pipeline_stages' };

/**
 * SQL for the number a new tag, field or stage gets: past every one in use
 * and every one ever deleted. SQLite would otherwise hand a deleted
 * number out again, and a view filtering by the deleted tag would silently
 * filter by the new one.
 */
export const freshIdSql = (kind: TargetKind): string =>
  `(SELECT max(coalesce((SELECT max(id) FROM ${tableOf[kind]}), 0), coalesce((SELECT max(target_id) FROM deleted_filter_targets WHERE target_kind = '${kind}'), 0)) + 1)`;

/** The names deleted tags, fields and stages had, so a view that still names one can say which. */
export function deletedTargets(db: Db) {
  const insert = db.prepare<[{ kind: TargetKind; id: number; name: string; now: string }]>(
    `INSERT INTO deleted_filter_targets (target_kind, target_id, name, deleted_at) VALUES (@kind, @id, @name, @now)
     ON CONFLICT DO UPDATE SET name = excluded.name, deleted_at = excluded.deleted_at`,
  );
  const nameById = db
    .prepare<[TargetKind, number], string>(
      'SELECT name FROM deleted_filter_targets WHERE target_kind = ? AND target_id = ?',
    )
    .pluck();
  return {
    /** Called in the delete's own transaction. */
    remember: (target: FilterTarget, name: string, now: string): void => void insert.run({ ...target, name, now }),
    nameOf: (target: FilterTarget): string | undefined => nameById.get(target.kind, target.id),
  };
}
