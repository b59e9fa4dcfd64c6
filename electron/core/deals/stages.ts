import type { Stage, StageKind } from '../../../shared/schemas/deal';
import type { Db } from '../db/open';
import { writer } from '../db/write';
import { gone, invalid } from '../records/problems';
import { deletedTargets, freshIdSql } from '../views/deleted-targets';

interface StageRow {
  id: number;
  name: string;
  kind: StageKind;
  position: number;
}

const toStage = (row: StageRow): Stage => ({ id: row.id, name: row.name, kind: row.kind, position: row.position });

/** The pipeline's stages: editable, ordered, each open, won or lost. */
export function stagesRepo(db: Db) {
  const write = writer(db);
  const all = db.prepare<[], StageRow>('SELECT * FROM pipeline_stages ORDER BY position');
  const byId = db.prepare<[number], StageRow>('SELECT * FROM pipeline_stages WHERE id = ?');
  const byName = db.prepare<[string], StageRow>('SELECT * FROM pipeline_stages WHERE name = ?');
  const deleted = deletedTargets(db);
  const insert = db.prepare<[{ name: string; kind: string }], { id: number }>(
    `INSERT INTO pipeline_stages (id, name, kind, position) VALUES (${freshIdSql('stage')}, @name, @kind, (SELECT coalesce(max(position) + 1, 0) FROM pipeline_stages)) RETURNING id`,
  );
  const change = db.prepare<[{ id: number; name: string; kind: string }]>(
    'UPDATE pipeline_stages SET name = @name, kind = @kind WHERE id = @id',
  );
  const place = db.prepare<[number, number]>('UPDATE pipeline_stages SET position = ? WHERE id = ?');
  const remove = db.prepare<[number]>('DELETE FROM pipeline_stages WHERE id = ?');
  const openCount = db.prepare<[], number>("SELECT count(*) FROM pipeline_stages WHERE kind = 'open'").pluck();
  const dealsIn = db.prepare<[number], number>('SELECT count(*) FROM deals WHERE stage_id = ?').pluck();
  const lastPosition = db
    .prepare<[number], number | null>('SELECT max(position) FROM deals WHERE stage_id = ?')
    .pluck();
  const moveAll = db.prepare<[{ from: number; to: number; offset: number; now: string }]>(
    'UPDATE deals SET stage_id = @to, position = position + @offset, updated_at = @now WHERE stage_id = @from',
  );
  const moveHistory = db.prepare<[{ from: number; fromName: string; toName: string; now: string }]>(
    `INSERT INTO record_history (deal_id, action, field, old_value, new_value, changed_at)
     SELECT id, 'changed', 'stage', @fromName, @toName, @now FROM deals WHERE stage_id = @from AND deleted_at IS NULL`,
  );
  const closeMoved = db.prepare<[{ stage: number; now: string; kind: string }]>(
    `UPDATE deals SET closed_at = CASE WHEN @kind = 'open' THEN NULL ELSE coalesce(closed_at, @now) END WHERE stage_id = @stage`,
  );

  function existing(id: number, field = 'stageId'): StageRow {
    const row = byId.get(id);
    if (!row) throw gone(field, 'That stage no longer exists. It may have been deleted.');
    return row;
  }

  function nameIsFree(name: string, except?: number): void {
    const same = byName.get(name);
    if (same && same.id !== except) throw invalid('name', `There is already a stage called “${same.name}”.`);
  }

  /** Positions 0…n-1 in the given order; moved out of the way first, as positions are unique. */
  function renumber(ids: readonly number[]): void {
    ids.forEach((id, index) => place.run(-1 - index, id));
    ids.forEach((id, index) => place.run(index, id));
  }

  return {
    list: (): Stage[] => all.all().map(toStage),
    get(id: number): Stage | undefined {
      const row = byId.get(id);
      return row && toStage(row);
    },
    existing: (id: number, field?: string): Stage => toStage(existing(id, field)),
    /** Where a new deal goes when no stage is named. */
    firstOpen(): Stage {
      const row = all.all().find((stage) => stage.kind === 'open');
      if (!row) throw invalid('stageId', 'The pipeline has no open stage; add one in Settings.');
      return toStage(row);
    },
    create: write((name: string, kind: StageKind): Stage => {
      nameIsFree(name);
      return toStage(byId.get(insert.get({ name, kind })!.id)!);
    }),
    update: write(
      (
        id: number,
        changes: { name?: string | undefined; kind?: StageKind | undefined },
        now: string,
      ): Stage | undefined => {
        const row = byId.get(id);
        if (!row) return undefined;
        const name = changes.name ?? row.name;
        const kind = changes.kind ?? row.kind;
        nameIsFree(name, id);
        if (row.kind === 'open' && kind !== 'open' && openCount.get()! <= 1)
          throw invalid('kind', 'The pipeline needs at least one open stage.');
        change.run({ id, name, kind });
        if (kind !== row.kind) closeMoved.run({ stage: id, now, kind });
        return toStage(byId.get(id)!);
      },
    ),
    reorder: write((ids: readonly number[]): Stage[] => {
      const current = all.all().map((row) => row.id);
      if (current.length !== ids.length || !current.every((id) => ids.includes(id))) {
        throw invalid('ids', 'List every stage exactly once (stages may have been added or deleted meanwhile).');
      }
      renumber(ids);
      return all.all().map(toStage);
    }),
    /**
     * Deletes a stage. Its deals (trashed ones too, so none is left pointing
     * at nothing) move to the end of `moveTo`, which a stage holding deals needs.
     * Saved views that filter by it keep the filter and say it is gone.
     */
    delete: write((id: number, moveTo: number | undefined, now: string): boolean => {
      const row = byId.get(id);
      if (!row) return false;
      if (row.kind === 'open' && openCount.get()! <= 1)
        throw invalid('id', 'The pipeline needs at least one open stage.');
      const held = dealsIn.get(id)!;
      if (held > 0) {
        if (moveTo === undefined) {
          throw invalid(
            'moveDealsTo',
            `“${row.name}” holds ${held.toLocaleString('en')} ${held === 1 ? 'deal' : 'deals'}: choose the stage to move ${held === 1 ? 'it' : 'them'} to.`,
          );
        }
        if (moveTo === id) throw invalid('moveDealsTo', 'Choose another stage to move the deals to.');
        const target = existing(moveTo, 'moveDealsTo');
        const offset =
          (lastPosition.get(moveTo) ?? -1) +
          1 -
          (db.prepare<[number], number>('SELECT min(position) FROM deals WHERE stage_id = ?').pluck().get(id) ?? 0);
        moveHistory.run({ from: id, fromName: row.name, toName: target.name, now });
        moveAll.run({ from: id, to: moveTo, offset, now });
        closeMoved.run({ stage: moveTo, now, kind: target.kind });
      }
      remove.run(id);
      deleted.remember({ kind: 'stage', id }, row.name, now);
      renumber(all.all().map((stage) => stage.id));
      return true;
    }),
  };
}

export type StagesRepo = ReturnType<typeof stagesRepo>;
