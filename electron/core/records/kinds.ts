import type { FieldedKind, RecordKind } from '../../../shared/schemas/record';

/** Where each kind of record lives, and the names of the columns that point at it. */
export const tableOf: Record<RecordKind, string> = {
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
  activity: 'activities',
};
export const ownerColumn: Record<RecordKind, string> = {
  contact: 'contact_id',
  company: 'company_id',
  deal: 'deal_id',
  activity: 'activity_id',
};
export const tagTableOf: Record<FieldedKind, string> = {
  contact: 'contact_tags',
  company: 'company_tags',
  deal: 'deal_tags',
};
export const customTableOf: Record<FieldedKind, string> = {
  contact: 'contact_custom_values',
  company: 'company_custom_values',
  deal: 'deal_custom_values',
};

export const nouns: Record<RecordKind, { one: string; many: string }> = {
  contact: { one: 'contact', many: 'contacts' },
  company: { one: 'company', many: 'companies' },
  deal: { one: 'deal', many: 'deals' },
  activity: { one: 'activity', many: 'activities' },
};

export function countOf(kind: RecordKind, count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? nouns[kind].one : nouns[kind].many}`;
}

export const isFielded = (kind: RecordKind): kind is FieldedKind => kind !== 'activity';
