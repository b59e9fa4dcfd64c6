import type { ContactSortKey } from '../../../../shared/schemas/contact';

export interface Column {
  key: ContactSortKey;
  label: string;
  /** The way people usually want this column first: names A→Z, newest edits first. */
  firstDirection: 'asc' | 'desc';
}

export const contactColumns: readonly Column[] = [
  { key: 'name', label: 'Name', firstDirection: 'asc' },
  { key: 'company', label: 'Company', firstDirection: 'asc' },
  { key: 'email', label: 'Email', firstDirection: 'asc' },
  { key: 'phone', label: 'Phone', firstDirection: 'asc' },
  { key: 'updatedAt', label: 'Updated', firstDirection: 'desc' },
];
