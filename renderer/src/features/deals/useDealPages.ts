import type { DealSortKey, DealSummary } from '../../../../shared/schemas/deal';
import { invoke } from '../../api';
import type { ListQuery, PagedRows, PagesSnapshot } from '../../lib/pagedRows';
import { usePagedRows } from '../../lib/usePagedRows';

export type DealQuery = ListQuery<DealSortKey>;
export type DealPages = PagedRows<DealSummary, DealSortKey>;
export type DealSnapshot = PagesSnapshot<DealSummary, DealSortKey>;

const fetchPage = (query: DealQuery, offset: number, limit: number) => invoke('deals.list', { ...query, offset, limit });

export function useDealPages(initial: DealQuery): [DealPages, DealSnapshot] {
  return usePagedRows(fetchPage, initial);
}
