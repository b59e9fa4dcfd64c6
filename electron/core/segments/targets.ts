import {
  isGroup,
  type SegmentCondition,
  type SegmentDefinition,
  type SegmentProblem,
} from '../../../shared/schemas/segment';
import { customFieldsRepo } from '../custom-fields/repo';
import type { Db } from '../db/open';
import { deletedTargets } from '../views/deleted-targets';

const edit = 'edit it to remove that condition.';

/** Every condition of a definition, however deep its groups. */
export function conditionsOf(definition: SegmentDefinition): SegmentCondition[] {
  return definition.conditions.flatMap((item) => (isGroup(item) ? conditionsOf(item) : [item]));
}

/**
 * The tags, custom fields and stages a segment names, looked up as they are
 * now. What no longer exists is a problem in words naming it (by the name it
 * had, when deleted_filter_targets remembers it) and what to do.
 */
export function segmentTargets(db: Db) {
  const fields = customFieldsRepo(db);
  const deleted = deletedTargets(db);
  const tagExists = db.prepare<[number], number>('SELECT 1 FROM tags WHERE id = ?').pluck();
  const stageExists = db.prepare<[number], number>('SELECT 1 FROM pipeline_stages WHERE id = ?').pluck();

  const named = (kind: 'tag' | 'customField' | 'stage', id: number, noun: string): string => {
    const name = deleted.nameOf({ kind, id });
    return name === undefined
      ? `This segment uses a ${noun} that no longer exists; ${edit}`
      : `This segment uses the ${noun} “${name}”, which was deleted; ${edit}`;
  };

  function problemsOf(definition: SegmentDefinition): SegmentProblem[] {
    const messages = new Set<string>();
    for (const condition of conditionsOf(definition)) {
      if (condition.kind === 'tags')
        for (const id of condition.tagIds) if (tagExists.get(id) === undefined) messages.add(named('tag', id, 'tag'));
      if (condition.kind === 'dealStage')
        for (const id of condition.stageIds)
          if (stageExists.get(id) === undefined) messages.add(named('stage', id, 'deal stage'));
      if (condition.kind !== 'customField') continue;
      const field = fields.get(condition.fieldId);
      if (!field) {
        messages.add(named('customField', condition.fieldId, 'custom field'));
      } else if (field.kind === 'deal') {
        messages.add(
          `This segment uses “${field.label}”, a field of deals, which a segment of people cannot test; ${edit}`,
        );
      } else if (field.type === 'choice' && condition.op === 'isOneOf') {
        for (const value of condition.values ?? []) {
          if (!field.choices.some((choice) => choice.toLowerCase() === value.toLowerCase())) {
            messages.add(
              `This segment uses “${value}” in “${field.label}”, which is no longer one of its choices; ${edit}`,
            );
          }
        }
      }
    }
    return [...messages].map((message) => ({ message }));
  }

  return { problemsOf, field: (id: number) => fields.get(id) };
}

export type SegmentTargets = ReturnType<typeof segmentTargets>;
