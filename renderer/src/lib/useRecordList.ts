import { useEffect, useState } from 'react';
import { nextSort, type GridColumn, type GridSort } from '../components/grid/columns';
import type { FetchPage } from './pagedRows';
import { useDebouncedValue } from './useDebouncedValue';
import { usePagedRows } from './usePagedRows';

/** Enough for typing to feel live without a query per keystroke. */
const searchDelay = 120;

/** A list screen's rows: what is typed in its search box, its sort, and the pages that match both. */
export function useRecordList<Row, Sort extends string>(fetchPage: FetchPage<Row, Sort>, columns: readonly GridColumn<Row, Sort>[], initialSort: GridSort<Sort>) {
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), searchDelay);
  const [sort, setSort] = useState(initialSort);
  const [pages, snapshot] = usePagedRows(fetchPage, { sort: initialSort.key, direction: initialSort.direction, search: '' });

  useEffect(() => {
    pages.setQuery({ sort: sort.key, direction: sort.direction, search });
  }, [pages, sort, search]);

  const onSort = (key: Sort) => setSort((current) => nextSort(current, key, columns as readonly GridColumn<unknown, Sort>[]));

  return { searchText, setSearchText, sort, onSort, pages, snapshot };
}
