import type { FilterTarget, ViewProblem, viewKinds } from '../../../shared/schemas/view';
import { customFieldsRepo } from '../custom-fields/repo';
import type { Db } from '../db/open';
import { deletedTargets } from './deleted-targets';
import { namedInFilter } from './filter-references';

type ViewKind = (typeof viewKinds)[number];

const nouns: Record<FilterTarget['kind'], string> = { tag: 'tag', customField: 'field', stage: 'stage' };

/**
 * What in a view's filter no longer resolves, in words naming it: a deleted
 * tag, field or stage (by the name it had), or a choice its field no longer
 * offers. The lists treat the same filter as matching nothing.
 */
export function viewProblems(db: Db) {
  const deleted = deletedTargets(db);
  const fields = customFieldsRepo(db);
  const tagExists = db.prepare<[number], number>('SELECT 1 FROM tags WHERE id = ?').pluck();
  const stageExists = db.prepare<[number], number>('SELECT 1 FROM pipeline_stages WHERE id = ?').pluck();

  function missing(target: FilterTarget): ViewProblem {
    const name = deleted.nameOf(target);
    const noun = nouns[target.kind];
    return {
      message:
        name === undefined
          ? `This view filters by a ${noun} that no longer exists.`
          : `This view filters by the ${noun} “${name}”, which was deleted.`,
      target,
    };
  }

  return (kind: ViewKind, query: Record<string, unknown>): ViewProblem[] => {
    const named = namedInFilter(query);
    const problems: ViewProblem[] = [];
    for (const id of new Set(named.tagIds))
      if (tagExists.get(id) === undefined) problems.push(missing({ kind: 'tag', id }));
    for (const id of new Set(named.stageIds))
      if (stageExists.get(id) === undefined) problems.push(missing({ kind: 'stage', id }));
    const reported = new Set<string>();
    const once = (key: string, problem: () => ViewProblem) => {
      if (reported.has(key)) return;
      reported.add(key);
      problems.push(problem());
    };
    for (const condition of named.custom) {
      const field = fields.get(condition.fieldId);
      if (!field || field.kind !== kind) {
        once(`field ${condition.fieldId}`, () => missing({ kind: 'customField', id: condition.fieldId }));
        continue;
      }
      if (field.type !== 'choice' || condition.op !== 'eq' || typeof condition.value !== 'string') continue;
      const choice = condition.value.trim();
      if (field.choices.some((option) => option.toLowerCase() === choice.toLowerCase())) continue;
      once(`choice ${field.id} ${choice.toLowerCase()}`, () => ({
        message: `This view filters by “${choice}” in “${field.label}”, which is no longer one of its choices.`,
        target: { kind: 'choice', id: field.id, choice },
      }));
    }
    return problems;
  };
}
