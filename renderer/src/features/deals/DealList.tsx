import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DealSortKey, DealSummary } from '../../../../shared/schemas/deal';
import { Icon } from '../../components/Icon';
import { dealColumns } from './dealColumns';
import type { DealPages, DealQuery, DealSnapshot } from './useDealPages';
import { DealRow } from './DealRow';
import '../contacts/ContactList.css';
import './DealList.css';

// Two lines a row: the title and its company (matches .deal-row).
const rowHeight = 52;
/** Height of the sticky column header inside the scroller (matches .contact-row--head). */
const headHeight = 38;

interface DealListProps {
  pages: DealPages;
  snapshot: DealSnapshot;
  /** Sort the user asked for (may be ahead of what is shown while it loads). */
  sort: { key: DealSortKey; direction: 'asc' | 'desc' };
  onSort(key: DealSortKey): void;
  selectedId: number | null;
  /** A row was clicked, or Enter was pressed on it. */
  onOpen(deal: DealSummary, how: 'pointer' | 'keyboard'): void;
  labelledBy: string;
}

const queryKey = (query: DealQuery) => `${query.sort}\u0000${query.direction}\u0000${query.search}`;

/**
 * The deal table: a grid whose rows exist only while visible, so 100,000
 * deals cost what 30 do. Arrow keys, Page Up/Down, Home and End move
 * between rows; Enter opens one.
 */
export function DealList({ pages, snapshot, sort, onSort, selectedId, onOpen, labelledBy }: DealListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = snapshot.total ?? 0;
  const [activeIndex, setActiveIndex] = useState(0);
  const focusPending = useRef(false);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    // The column header sits inside the scroller, above the rows, and stays stuck to its top.
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
  });
  const items = virtualizer.getVirtualItems();
  const firstVisible = items[0]?.index ?? 0;
  const lastVisible = items[items.length - 1]?.index ?? 0;

  // Load the pages behind what is on screen (and the first page before the total is known).
  useEffect(() => {
    pages.ensure(firstVisible, lastVisible);
  }, [pages, firstVisible, lastVisible, snapshot]);

  // New sort or search: back to the top.
  const shownKey = queryKey(snapshot.query);
  useLayoutEffect(() => {
    virtualizer.scrollToOffset(0);
    setActiveIndex(0);
    // Only when the rows on screen belong to a new query, not on every render.
  }, [shownKey]);

  // Keep the active row inside the list when it shrinks (after a delete or a narrower search).
  const clampedActive = Math.min(activeIndex, Math.max(count - 1, 0));

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
    if (count === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const pageRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? rowHeight) - headHeight) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: clampedActive + 1,
      ArrowUp: clampedActive - 1,
      PageDown: clampedActive + pageRows,
      PageUp: clampedActive - pageRows,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const deal = snapshot.rowAt(clampedActive);
      if (deal) onOpen(deal, 'keyboard');
    }
  };

  const openRow = useCallback(
    (index: number, deal: DealSummary) => {
      setActiveIndex(index);
      onOpen(deal, 'pointer');
    },
    [onOpen],
  );

  // Tab lands on the active row, or on the first visible one if it has scrolled away.
  const tabStop = items.some((item) => item.index === clampedActive) ? clampedActive : firstVisible;

  return (
    <div
      ref={scrollRef}
      className="contact-grid"
      role="grid"
      aria-labelledby={labelledBy}
      aria-rowcount={count + 1}
      aria-colcount={dealColumns.length}
      aria-busy={snapshot.updating || snapshot.total === null}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="contact-grid__head">
        <div role="row" aria-rowindex={1} className="contact-row deal-row contact-row--head">
          {dealColumns.map((column) => {
            const active = sort.key === column.key;
            return (
              <div
                key={column.key}
                role="columnheader"
                className={`cell cell--${column.key}`}
                aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" className={active ? 'sort-button sort-button--active' : 'sort-button'} onClick={() => onSort(column.key)}>
                  {column.label}
                  {active && <Icon name={sort.direction === 'asc' ? 'arrowUp' : 'arrowDown'} size={13} />}
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="contact-grid__body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const deal = snapshot.rowAt(item.index);
          return (
            <DealRow
              key={item.index}
              index={item.index}
              deal={deal}
              top={item.start - headHeight}
              selected={deal !== undefined && deal.id === selectedId}
              tabStop={item.index === tabStop}
              onOpen={openRow}
              onFocusRow={setActiveIndex}
            />
          );
        })}
      </div>
    </div>
  );
}
