import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { queryKey, rowsToShow, type PagedRows, type PagesSnapshot } from '../../lib/pagedRows';
import { Icon } from '../Icon';
import type { GridColumn, GridSort } from './columns';
import { GridRow } from './GridRow';
import { HeadTick } from './HeadTick';
import type { Selection } from '../../lib/useSelection';
import './RecordGrid.css';
import { matchesShortcut } from '../../../../shared/shortcuts';

/** Height of the sticky column header inside the scroller (matches .record-row--head). */
const headHeight = 38;
/** Rows rendered beyond each edge of the screen, so a quick scroll shows rows rather than blanks. */
const overscan = 10;

export interface RecordGridProps<Row extends { id: number }, Sort extends string> {
  pages: PagedRows<Row, Sort>;
  snapshot: PagesSnapshot<Row, Sort>;
  columns: readonly GridColumn<Row, Sort>[];
  /** The record kind's row class: it sets the column widths. */
  rowClassName: string;
  /** Sort the user asked for (may be ahead of what is shown while it loads). */
  sort: GridSort<Sort>;
  onSort: (key: Sort) => void;
  selectedId: number | null;
  /** A row was clicked, or Enter was pressed on it. */
  onOpen: (row: Row, how: 'pointer' | 'keyboard') => void;
  labelledBy: string;
  /** The record's name: said by its tick and in announcements. */
  nameOf: (row: Row) => string;
  /** Ticks for a bulk change; the list has none without it. */
  selection?: Selection<Sort> | undefined;
  /** The header tick's words: "Select all 1,000 contacts". */
  selectAllLabel?: string;
  /** Pixels per row (two-line rows are taller); matches the kind's CSS. */
  rowHeight?: number;
}

/**
 * A table of records (contacts, companies, deals): a grid whose rows exist
 * only while visible, so 100,000 records cost what 30 do. Arrow keys, Page
 * Up/Down, Home and End (also with Ctrl or ⌘, and ⌘↑/⌘↓) move between rows;
 * Enter opens one. The row with the keyboard's focus stays in the page even
 * when scrolled away, so the next key still moves from it.
 */
export function RecordGrid<Row extends { id: number }, Sort extends string>({
  pages,
  snapshot,
  columns,
  rowClassName,
  sort,
  onSort,
  selectedId,
  onOpen,
  labelledBy,
  nameOf,
  selection,
  selectAllLabel = 'Select all',
  rowHeight = 44,
}: RecordGridProps<Row, Sort>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // While a search's count is capped, one more row: a placeholder whose page loads when it is scrolled to.
  const count = rowsToShow(snapshot.total, snapshot.more);
  const [activeIndex, setActiveIndex] = useState(0);
  const focusPending = useRef(false);

  // Keep the active row inside the list when it shrinks (after a delete or a narrower search).
  const clampedActive = Math.min(activeIndex, Math.max(count - 1, 0));
  // The active row is always rendered: were it unmounted while focused (scrolled away), focus would fall to the page.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return count === 0 || indexes.includes(clampedActive)
        ? indexes
        : [...indexes, clampedActive].sort((a, b) => a - b);
    },
    [count, clampedActive],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual keeps its state outside React on purpose; nothing here is memoized on it
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    rangeExtractor,
    // The column header sits inside the scroller, above the rows, and stays stuck to its top.
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
  });
  const items = virtualizer.getVirtualItems();
  // What is on screen (the active row kept rendered out of sight aside), and the rows around it.
  const firstVisible = virtualizer.range?.startIndex ?? 0;
  const lastVisible = virtualizer.range?.endIndex ?? 0;
  const firstNear = Math.max(0, firstVisible - overscan);
  const lastNear = Math.min(Math.max(count - 1, 0), lastVisible + overscan);

  // Load the pages behind what is on screen and near it (and the first page before the total is known).
  useEffect(() => {
    pages.ensure(firstNear, lastNear);
  }, [pages, firstNear, lastNear, snapshot]);

  // The last row ticked by itself: Shift gives every row from it to another its state.
  const anchor = useRef<{ index: number; id: number } | null>(null);

  // New sort or search: back to the top.
  const shownKey = queryKey(snapshot.query);
  useLayoutEffect(() => {
    virtualizer.scrollToOffset(0);
    setActiveIndex(0);
    anchor.current = null;
    // Only when the rows on screen belong to a new query, not on every render (the virtualizer is one object for good).
  }, [shownKey, virtualizer]);

  // Focus follows the keyboard, once the row it moved to has been rendered.
  useEffect(() => {
    if (!focusPending.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${clampedActive}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    focusPending.current = true;
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Only rows move with the keys; the header's sort buttons keep Enter and Space for themselves.
    if (!(event.target instanceof HTMLElement) || event.target.getAttribute('role') !== 'row') return;
    if (count === 0 || event.altKey) return;
    const last = count - 1;
    const pageRows = Math.max(
      1,
      Math.floor(((scrollRef.current?.clientHeight ?? rowHeight) - headHeight) / rowHeight) - 1,
    );
    // With Ctrl or ⌘, Home and End go to the ends as they do alone (left to the browser they scroll
    // the rows away from under the focus), ⌘↑/⌘↓ too as on a Mac; Ctrl+↑/↓ move one row.
    const moves: Record<string, number> =
      event.ctrlKey || event.metaKey
        ? {
            Home: 0,
            End: last,
            ArrowUp: event.metaKey ? 0 : clampedActive - 1,
            ArrowDown: event.metaKey ? last : clampedActive + 1,
          }
        : {
            ArrowDown: clampedActive + 1,
            ArrowUp: clampedActive - 1,
            PageDown: clampedActive + pageRows,
            PageUp: clampedActive - pageRows,
            Home: 0,
            End: last,
          };
    const moving =
      matchesShortcut(event, 'row-move') || matchesShortcut(event, 'row-page') || matchesShortcut(event, 'row-ends');
    const target = moving ? moves[event.key] : undefined;
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.ctrlKey || event.metaKey) {
      return;
    } else if (selection && matchesShortcut(event, 'row-tick')) {
      event.preventDefault();
      checkRow(clampedActive, snapshot.rowAt(clampedActive), event.shiftKey);
    } else if (matchesShortcut(event, 'row-open')) {
      event.preventDefault();
      const row = snapshot.rowAt(clampedActive);
      if (row) onOpen(row, 'keyboard');
    }
  };

  const openRow = useCallback(
    (index: number, row: Row) => {
      setActiveIndex(index);
      onOpen(row, 'pointer');
    },
    [onOpen],
  );

  // A tick; with Shift, every row from the anchor to this one, loaded or not (the core reads them from the list).
  const checkRow = useCallback(
    (index: number, row: Row | undefined, extend: boolean) => {
      if (!selection) return;
      const from = anchor.current;
      if (extend && from && from.index !== index) {
        selection.tickRange(from.index, index, selection.isTicked(from.id));
      } else if (row) {
        selection.tick([row.id], !selection.isTicked(row.id));
        anchor.current = { index, id: row.id };
      }
    },
    [selection],
  );

  // Tab lands on the active row, or on the first visible one if it has scrolled away.
  const tabStop = clampedActive >= firstVisible && clampedActive <= lastVisible ? clampedActive : firstVisible;

  return (
    // eslint-disable-next-line jsx-a11y/interactive-supports-focus -- the rows take focus (roving tabindex); their keys bubble to the grid
    <div
      ref={scrollRef}
      className={selection ? 'record-grid record-grid--ticks' : 'record-grid'}
      role="grid"
      aria-labelledby={labelledBy}
      aria-rowcount={snapshot.more ? -1 : count + 1}
      aria-colcount={columns.length + (selection ? 1 : 0)}
      aria-multiselectable={selection ? true : undefined}
      aria-busy={snapshot.updating || snapshot.total === null}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="record-grid__head">
        <div role="row" aria-rowindex={1} className={`record-row record-row--head ${rowClassName}`}>
          {selection && <HeadTick selection={selection} label={selectAllLabel} />}
          {columns.map((column) => {
            const active = sort.key === column.key;
            return (
              <div
                key={column.key}
                role="columnheader"
                className={`cell cell--${column.key}`}
                aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button
                  type="button"
                  className={active ? 'sort-button sort-button--active' : 'sort-button'}
                  onClick={() => onSort(column.key)}
                >
                  {column.label}
                  {active && <Icon name={sort.direction === 'asc' ? 'arrowUp' : 'arrowDown'} size={13} />}
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="record-grid__body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = snapshot.rowAt(item.index);
          return (
            <GridRow
              key={item.index}
              index={item.index}
              row={row}
              columns={columns}
              className={rowClassName}
              top={item.start - headHeight}
              selected={row !== undefined && row.id === selectedId}
              tabStop={item.index === tabStop}
              onOpen={openRow}
              onFocusRow={setActiveIndex}
              checked={selection ? row !== undefined && selection.isTicked(row.id) : undefined}
              onCheck={checkRow}
              nameOf={nameOf}
            />
          );
        })}
      </div>
    </div>
  );
}
