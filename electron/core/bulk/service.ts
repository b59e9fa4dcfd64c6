import type { ParsedInput } from '../../../shared/contract';
import type { RecordKind } from '../../../shared/schemas/record';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { CrmError } from '../errors';
import { countOf, isFielded } from '../records/kinds';
import { liveRecords } from '../records/live-records';
import { invalid } from '../records/problems';
import { tagsRepo } from '../tags/repo';
import { deleter } from '../trash/deleter';
import { bulkFields, type State } from './fields';
import { listSelections } from './selection';
import { undoRecords, type UndoPayload } from './undo-records';

const same = (a: State | undefined, b: State | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Bulk edits: one field, a tag on or off, or a delete, on the ticked records
 * of one kind (up to 10,000) or on every record a list's query matches, in
 * one transaction that also resolves the selection. Edits leave an undo
 * record (the values before); undo puts them back in one transaction.
 */
export function bulkEdits(db: Db, clock: Clock) {
  const fields = bulkFields(db);
  const tags = tagsRepo(db);
  const trash = deleter(db);
  const records = liveRecords(db);
  const undos = undoRecords(db);
  const selections = listSelections(db, clock);

  function tagChange(kind: RecordKind, ids: readonly number[], tagId: number, on: boolean, now: string): number[] {
    if (!isFielded(kind)) throw invalid('kind', 'Activities have no tags.');
    tags.existing(tagId);
    const live = new Set(records.idsAmong(kind, ids));
    const change = (id: number) => (on ? tags.link({ kind, id }, tagId, now) : tags.unlink({ kind, id }, tagId, now));
    return ids.filter((id) => live.has(id) && change(id));
  }

  const apply = db.transaction((request: ParsedInput<'bulk.apply'>, now: string) => {
    const { kind, action } = request;
    const ids = selections.resolve(request);
    if (action.type === 'delete') {
      const trashed = trash.delete(kind, ids, now, action.contacts);
      const changed = trashed?.counts[kind] ?? 0;
      return {
        changed,
        skipped: ids.length - changed,
        keptOptOuts: 0,
        undo: trashed ? { type: 'trash' as const, trashId: trashed.trashId } : null,
      };
    }
    let payload: UndoPayload;
    let label: string;
    let keptOptOuts = 0;
    if (action.type === 'set') {
      const { field, value } = fields.resolve(kind, action.field, action.value);
      const rows: Array<[number, State, State]> = [];
      for (const id of ids) {
        const before = field.state(id);
        if (before === undefined) continue;
        if (before !== value && !action.overwriteOptOuts && field.keepsUnlessAsked?.(id)) {
          keptOptOuts++;
          continue;
        }
        if (!field.apply(id, value, now)) continue;
        const after = field.state(id)!;
        if (!same(before, after)) rows.push([id, before, after]);
      }
      payload = { type: 'set', kind, field: action.field, rows };
      label = `${field.label} set on ${countOf(kind, rows.length)}`;
    } else {
      const changedIds = tagChange(kind, ids, action.tagId, action.type === 'addTag', now);
      payload = { type: action.type, kind, tagId: action.tagId, ids: changedIds };
      label = `Tag ${action.type === 'addTag' ? 'added to' : 'removed from'} ${countOf(kind, changedIds.length)}`;
    }
    const changed = payload.type === 'set' ? payload.rows.length : payload.ids.length;
    if (changed === 0) return { changed: 0, skipped: ids.length, keptOptOuts, undo: null };
    const undoId = undos.save(label, payload, now);
    return { changed, skipped: ids.length - changed, keptOptOuts, undo: { type: 'edit' as const, undoId } };
  });

  /** Puts back what the edit changed, where nothing changed it again since. */
  const undo = db.transaction((undoId: number, now: string) => {
    const record = undos.get(undoId);
    if (!record) throw new CrmError('NOT_FOUND', 'That change can no longer be undone (it is more than 30 days old).');
    if (record.undoneAt !== null)
      throw new CrmError('VALIDATION', 'That change was already undone.', {
        fields: [{ field: 'undoId', message: 'Already undone.' }],
      });
    const { payload } = record;
    let reverted = 0;
    let total = 0;
    if (payload.type === 'set') {
      const field = fields.definition(payload.kind, payload.field);
      total = payload.rows.length;
      for (const [id, before, after] of payload.rows) {
        if (!same(field.state(id), after)) continue;
        field.restore(id, before, now);
        reverted++;
      }
    } else {
      total = payload.ids.length;
      reverted = tagChange(payload.kind, payload.ids, payload.tagId, payload.type === 'removeTag', now).length;
    }
    undos.markUndone(undoId, now);
    return { reverted, skipped: total - reverted };
  });

  return {
    apply,
    undo,
    range: selections.range,
    count: selections.count,
  };
}
