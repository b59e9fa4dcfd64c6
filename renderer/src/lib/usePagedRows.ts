import { useState, useSyncExternalStore } from 'react';
import { PagedRows, type FetchPage, type ListQuery, type PagesSnapshot } from './pagedRows';

/** One PagedRows store for the component's lifetime, and its current snapshot. */
export function usePagedRows<Row, Sort extends string>(
  fetchPage: FetchPage<Row, Sort>,
  initial: ListQuery<Sort>,
): [PagedRows<Row, Sort>, PagesSnapshot<Row, Sort>] {
  const [pages] = useState(() => new PagedRows(fetchPage, initial));
  return [pages, useSyncExternalStore(pages.subscribe, pages.getSnapshot)];
}
