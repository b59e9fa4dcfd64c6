import { useEffect, useState } from 'react';
import { nextSort, type GridColumn, type GridSort } from '../components/grid/columns';
import { noFilters, type FetchPage, type ListFilters, type ListQuery } from './pagedRows';
import { useDebouncedValue } from './useDebouncedValue';
import { usePagedRows } from './usePagedRows';

/** Enough for typing to feel live without a query per keystroke. */
const searchDelay = 120;

/** A list screen's rows: what is typed in its search box, its sort, and the pages that match both. */
export function useRecordList<Row, Sort extends string>(
  fetchPage: FetchPage<Row, Sort>,
  columns: readonly GridColumn<Row, Sort>[],
  initialSort: GridSort<Sort>,
) {
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), searchDelay);
  const [sort, setSort] = useState(initialSort);
  const [filters, setFilters] = useState<ListFilters>(noFilters);
  const [pages, snapshot] = usePagedRows(fetchPage, {
    sort: initialSort.key,
    direction: initialSort.direction,
    search: '',
    filters: noFilters,
  });

  useEffect(() => {
    pages.setQuery({ sort: sort.key, direction: sort.direction, search, filters });
  }, [pages, sort, search, filters]);

  const onSort = (key: Sort) =>
    setSort((current) => nextSort(current, key, columns as readonly GridColumn<unknown, Sort>[]));

  /** Puts the list in a saved view's state (or back to everything). */
  const apply = (query: ListQuery<Sort>) => {
    setSearchText(query.search);
    setSort({ key: query.sort, direction: query.direction });
    setFilters(query.filters);
  };

  /** No search, no filters; the sort stays. */
  const showAll = () => {
    setSearchText('');
    setFilters(noFilters);
  };

  const current: ListQuery<Sort> = { sort: sort.key, direction: sort.direction, search: searchText.trim(), filters };
  /** The list with nothing narrowing it, in its usual order. */
  const everything: ListQuery<Sort> = {
    sort: initialSort.key,
    direction: initialSort.direction,
    search: '',
    filters: noFilters,
  };
  return {
    searchText,
    setSearchText,
    sort,
    onSort,
    filters,
    setFilters,
    apply,
    showAll,
    current,
    everything,
    pages,
    snapshot,
  };
}

export type RecordList<Row, Sort extends string> = ReturnType<typeof useRecordList<Row, Sort>>;
