import type { FieldedKind } from '../../../../shared/schemas/record';
import type { FilterTarget, ViewProblem, ViewUsage } from '../../../../shared/schemas/view';
import type { ListQuery } from '../../lib/pagedRows';
import { wordList } from '../../lib/wordList';

/** Whether the list, as it is now, still filters by what the problem names (the user may have changed it since). */
export function stillNamed(problem: ViewProblem, query: ListQuery): boolean {
  const { target } = problem;
  const { tagIds, custom } = query.filters;
  switch (target.kind) {
    case 'tag':
      return tagIds.includes(target.id);
    case 'customField':
      return custom.some((condition) => condition.fieldId === target.id);
    case 'choice':
      return custom.some(
        (condition) =>
          condition.fieldId === target.id &&
          condition.op === 'eq' &&
          String(condition.value).trim().toLowerCase() === target.choice.toLowerCase(),
      );
    case 'stage':
      return true;
  }
}

const listNames: Record<FieldedKind | 'activity', string> = {
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
  activity: 'activities',
};
const things: Record<FilterTarget['kind'], string> = { tag: 'tag', customField: 'field', stage: 'stage' };

/**
 * The sentence a delete's confirmation adds about the saved views it breaks:
 * "The saved view “VIP clients” (contacts) filters by this tag: after the
 * delete it shows nothing until its filter is changed." '' when none does;
 * null (the check failed) says that they could not be checked.
 */
export function viewsUsingWords(views: ViewUsage['views'] | null, target: FilterTarget['kind']): string {
  if (views === null) return 'Saved views that filter by it could not be checked.';
  if (views.length === 0) return '';
  const kinds = [...new Set(views.map((view) => view.kind))];
  const named = kinds.map(
    (kind) =>
      `${wordList(views.filter((view) => view.kind === kind).map((view) => `“${view.name}”`))} (${listNames[kind]})`,
  );
  const one = views.length === 1;
  return one
    ? `The saved view ${named[0]!} filters by this ${things[target]}: after the delete it shows nothing until its filter is changed.`
    : `The saved views ${wordList(named)} filter by this ${things[target]}: after the delete they show nothing until their filters are changed.`;
}
