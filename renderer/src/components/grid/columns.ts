import type { ReactNode } from 'react';

/** One sortable column of a record grid: its sort key, its header, and what a row shows in it. */
export interface GridColumn<Row, Sort extends string> {
  key: Sort;
  label: string;
  /** The way people usually want this column first: names A→Z, newest edits first. */
  firstDirection: 'asc' | 'desc';
  cell: (row: Row) => ReactNode;
}

export interface GridSort<Sort extends string> {
  key: Sort;
  direction: 'asc' | 'desc';
}

/** The sort after a click on a column header: the same column flips, another starts its usual way. */
export function nextSort<Sort extends string>(
  current: GridSort<Sort>,
  key: Sort,
  columns: readonly GridColumn<unknown, Sort>[],
): GridSort<Sort> {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: columns.find((column) => column.key === key)?.firstDirection ?? 'asc' };
}
