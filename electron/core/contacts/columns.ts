import { nameKey, phoneKey } from '../duplicates/keys';
import { blankToNull } from '../records/problems';
import { sortKey } from '../records/sort-key';

/**
 * A contact's stored columns from its values and company link: blanks as
 * NULL, and the keys derived from them (duplicates, phone-book order). One
 * place, for the repository and an import's batch insert alike.
 */
export function contactColumns(
  values: { name: string; email: string; phone: string; notes: string },
  link: { companyId: number | null; company: string },
) {
  return {
    name: values.name,
    email: blankToNull(values.email),
    phone: blankToNull(values.phone),
    company: blankToNull(link.company),
    companyId: link.companyId,
    notes: blankToNull(values.notes),
    nameKey: nameKey(values.name),
    phoneKey: phoneKey(values.phone),
    nameSort: sortKey(values.name),
    companySort: link.company === '' ? null : sortKey(link.company),
  };
}
