import type { CompanySortKey, CompanySummary } from '../../../../shared/schemas/company';
import { invoke } from '../../api';
import type { ListQuery, PagedRows, PagesSnapshot } from '../../lib/pagedRows';
import { usePagedRows } from '../../lib/usePagedRows';

export type CompanyQuery = ListQuery<CompanySortKey>;
export type CompanyPages = PagedRows<CompanySummary, CompanySortKey>;
export type CompanySnapshot = PagesSnapshot<CompanySummary, CompanySortKey>;

const fetchPage = (query: CompanyQuery, offset: number, limit: number) => invoke('companies.list', { ...query, offset, limit });

export function useCompanyPages(initial: CompanyQuery): [CompanyPages, CompanySnapshot] {
  return usePagedRows(fetchPage, initial);
}
