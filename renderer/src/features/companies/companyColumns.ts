import type { CompanySortKey } from '../../../../shared/schemas/company';

export interface Column {
  key: CompanySortKey;
  label: string;
  /** The way people usually want this column first: names A→Z, newest edits first. */
  firstDirection: 'asc' | 'desc';
}

export const companyColumns: readonly Column[] = [
  { key: 'name', label: 'Name', firstDirection: 'asc' },
  { key: 'industry', label: 'Industry', firstDirection: 'asc' },
  { key: 'phone', label: 'Phone', firstDirection: 'asc' },
  { key: 'website', label: 'Website', firstDirection: 'asc' },
  { key: 'updatedAt', label: 'Updated', firstDirection: 'desc' },
];
