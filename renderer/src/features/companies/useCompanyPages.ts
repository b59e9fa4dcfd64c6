import { useState, useSyncExternalStore } from 'react';
import { invoke } from '../../api';
import { CompanyPages, type ListQuery, type PagesSnapshot } from './companyPages';

const fetchPage = (query: ListQuery, offset: number, limit: number) => invoke('companies.list', { ...query, offset, limit });

/** One CompanyPages store for the component's lifetime, and its current snapshot. */
export function useCompanyPages(initial: ListQuery): [CompanyPages, PagesSnapshot] {
  const [pages] = useState(() => new CompanyPages(fetchPage, initial));
  const snapshot = useSyncExternalStore(pages.subscribe, pages.getSnapshot);
  return [pages, snapshot];
}
