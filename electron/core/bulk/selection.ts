import type { ParsedInput } from '../../../shared/contract';
import type { RecordKind } from '../../../shared/schemas/record';
import { systemClock, type Clock } from '../clock';
import { companiesRepo } from '../companies/repo';
import { contactsRepo } from '../contacts/repo';
import type { Db } from '../db/open';
import { dealsRepo } from '../deals/repo';
import { CrmError } from '../errors';
import { countOf, nouns } from '../records/kinds';
import { liveRecords } from '../records/live-records';

type BulkRequest = ParsedInput<'bulk.apply'>;
type ListSelector = ParsedInput<'bulk.range'>['list'];

const nounOf = (kind: RecordKind, count: number) => (count === 1 ? nouns[kind].one : nouns[kind].many);

/** A selection that no longer covers what the user saw: nothing is changed, and the words say why. */
function listChanged(detail: string): CrmError {
  const message = `The list changed since you selected: ${detail}. Check the selection and try again.`;
  return new CrmError('VALIDATION', message, { fields: [{ field: 'selection', message }] });
}

/**
 * What a selection covers, read from each kind's own list (its search,
 * filters and sort), so a Shift range or a select-all is exactly the rows
 * the screen shows, loaded or not.
 */
export function listSelections(db: Db, clock: Clock = systemClock) {
  const contacts = contactsRepo(db, clock);
  const companies = companiesRepo(db);
  const deals = dealsRepo(db);
  const records = liveRecords(db);

  function reading(list: ListSelector): {
    between: (offset: number, limit: number) => number[];
    matching: () => number[];
    count: () => number;
  } {
    switch (list.kind) {
      case 'contact':
        return {
          between: (offset, limit) => contacts.listIds({ ...list.query, offset, limit }),
          matching: () => contacts.matchingIds(list.query),
          count: () => contacts.count(list.query),
        };
      case 'company':
        return {
          between: (offset, limit) => companies.listIds({ ...list.query, offset, limit }),
          matching: () => companies.matchingIds(list.query),
          count: () => companies.count(list.query),
        };
      case 'deal':
        return {
          between: (offset, limit) => deals.listIds({ ...list.query, offset, limit }),
          matching: () => deals.matchingIds(list.query),
          count: () => deals.count(list.query),
        };
    }
  }

  return {
    /** How many rows the list holds, exactly. */
    count: (list: ListSelector): number => reading(list).count(),

    /** Ids of the list's rows from position `from` to `to`, both included, in the list's order. */
    range: (list: ListSelector, from: number, to: number): number[] => reading(list).between(from, to - from + 1),

    /**
     * The ids a bulk change acts on. Run it inside the change's transaction:
     * it refuses (changing nothing) when they are no longer as many as the
     * user saw, rather than acting on a different set.
     */
    resolve(request: Pick<BulkRequest, 'kind' | 'ids' | 'matching'>): number[] {
      const { kind, ids, matching } = request;
      if (ids) {
        const found = records.idsAmong(kind, ids);
        const gone = ids.length - found.length;
        if (gone > 0)
          throw listChanged(
            `${gone.toLocaleString('en')} of the ${ids.length.toLocaleString('en')} selected ${nounOf(kind, ids.length)} ${gone === 1 ? 'is' : 'are'} gone`,
          );
        return found;
      }
      if (!matching) throw new CrmError('VALIDATION', 'Choose the rows to change: ticked ones, or all of a list.');
      const except = new Set(matching.except);
      const acted = reading(matching.list)
        .matching()
        .filter((id) => !except.has(id));
      if (acted.length !== matching.count)
        throw listChanged(`${countOf(kind, acted.length)} ${acted.length === 1 ? 'matches' : 'match'} now`);
      return acted;
    },
  };
}
