import { companyNameKey, phoneKey } from '../duplicates/keys';
import { blankToNull } from '../records/problems';
import { sortKey } from '../records/sort-key';
import type { CompanyValues } from './repo';

/**
 * A company's stored columns from its values: blanks as NULL, and the keys
 * derived from them (duplicates, phone-book order). One place, for the
 * repository and an import's batch insert alike.
 */
export function companyColumns(values: CompanyValues) {
  return {
    name: values.name,
    website: blankToNull(values.website),
    phone: blankToNull(values.phone),
    address: blankToNull(values.address),
    industry: blankToNull(values.industry),
    notes: blankToNull(values.notes),
    nameKey: companyNameKey(values.name),
    phoneKey: phoneKey(values.phone),
    nameSort: sortKey(values.name),
  };
}
