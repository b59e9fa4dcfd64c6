import { useState, useSyncExternalStore } from 'react';
import { invoke } from '../../api';
import { ContactPages, type ListQuery, type PagesSnapshot } from './contactPages';

const fetchPage = (query: ListQuery, offset: number, limit: number) => invoke('contacts.list', { ...query, offset, limit });

/** One ContactPages store for the component's lifetime, and its current snapshot. */
export function useContactPages(initial: ListQuery): [ContactPages, PagesSnapshot] {
  const [pages] = useState(() => new ContactPages(fetchPage, initial));
  const snapshot = useSyncExternalStore(pages.subscribe, pages.getSnapshot);
  return [pages, snapshot];
}
