import type { FieldedRef } from '../../../../shared/schemas/record';

/** A new activity's link to the record it is logged on. */
export function ownerOf({ kind, id }: FieldedRef): { contactId: number } | { companyId: number } | { dealId: number } {
  if (kind === 'contact') return { contactId: id };
  return kind === 'company' ? { companyId: id } : { dealId: id };
}
