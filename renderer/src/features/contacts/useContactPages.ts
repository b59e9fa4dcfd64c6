import type { ContactSortKey, ContactSummary } from '../../../../shared/schemas/contact';
import { invoke } from '../../api';
import type { ListQuery, PagedRows, PagesSnapshot } from '../../lib/pagedRows';
import { usePagedRows } from '../../lib/usePagedRows';

export type ContactQuery = ListQuery<ContactSortKey>;
export type ContactPages = PagedRows<ContactSummary, ContactSortKey>;
export type ContactSnapshot = PagesSnapshot<ContactSummary, ContactSortKey>;

const fetchPage = (query: ContactQuery, offset: number, limit: number) => invoke('contacts.list', { ...query, offset, limit });

export function useContactPages(initial: ContactQuery): [ContactPages, ContactSnapshot] {
  return usePagedRows(fetchPage, initial);
}
