import { countOf } from '../../lib/format';
import { isNarrowed } from '../../lib/pagedRows';
import type { Selection } from '../../lib/useSelection';

interface Nouns {
  singular: string;
  plural: string;
}

/** "1,000 contacts", or "12 matching contacts" while a search or filter narrows the list ("1,000+ matching contacts" while its count is capped). */
function allOf(selection: Selection, { singular, plural }: Nouns): string {
  return isNarrowed(selection.query)
    ? countOf(selection.total, `matching ${singular}`, `matching ${plural}`, selection.more)
    : countOf(selection.total, singular, plural);
}

/** The header tick's and the bulk bar's offer: "Select all 1,000 contacts". */
export const selectAllLabel = (selection: Selection, nouns: Nouns): string => `Select all ${allOf(selection, nouns)}`;

/** What the bulk bar says is ticked: "3 contacts selected", "All 12 matching contacts selected". */
export const selectedLabel = (selection: Selection, nouns: Nouns): string =>
  selection.all
    ? `All ${allOf(selection, nouns)} selected`
    : `${countOf(selection.count, nouns.singular, nouns.plural)} selected`;
