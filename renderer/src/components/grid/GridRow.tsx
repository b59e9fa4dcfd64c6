import { memo, type ReactElement } from 'react';
import type { GridColumn } from './columns';

interface GridRowProps<Row, Sort extends string> {
  index: number;
  /** Undefined while the row's page is loading: a quiet placeholder takes its place. */
  row: Row | undefined;
  columns: readonly GridColumn<Row, Sort>[];
  /** The record kind's row class: it sets the column widths. */
  className: string;
  top: number;
  selected: boolean;
  /** The one row Tab lands on (roving tabindex). */
  tabStop: boolean;
  onOpen: (index: number, row: Row) => void;
  onFocusRow: (index: number) => void;
  /** Ticked for a bulk change; undefined when the list has no ticks. */
  checked: boolean | undefined;
  /** The tick was clicked; `extend` (Shift) ticks the rows between too. */
  onCheck: (index: number, row: Row, extend: boolean) => void;
  /** The record's name, for its tick's label. */
  nameOf: (row: Row) => string;
}

function GridRowView<Row, Sort extends string>({
  index,
  row,
  columns,
  className,
  top,
  selected,
  tabStop,
  onOpen,
  onFocusRow,
  checked,
  onCheck,
  nameOf,
}: GridRowProps<Row, Sort>) {
  const classes = ['record-row', className, selected && 'record-row--selected', !row && 'record-row--loading']
    .filter(Boolean)
    .join(' ');
  return (
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- Enter on the focused row is handled by the grid's onKeyDown (roving focus)
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      tabIndex={tabStop ? 0 : -1}
      className={classes}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => row && onOpen(index, row)}
      onFocus={() => onFocusRow(index)}
    >
      {checked !== undefined && (
        <div role="gridcell" className="cell cell--tick">
          {row && (
            <input
              type="checkbox"
              className="grid-tick"
              tabIndex={-1}
              checked={checked}
              aria-label={`Select ${nameOf(row)}`}
              // The click carries Shift (a range); readOnly: the selection, not the box, holds the state.
              readOnly
              // The keyboard stays with the row (so End, then Shift-click, work as in any list), not the box.
              onMouseDown={(event) => event.preventDefault()}
              onClick={(event) => {
                event.stopPropagation();
                event.currentTarget.closest<HTMLElement>('[role="row"]')?.focus({ preventScroll: true });
                onCheck(index, row, event.shiftKey);
              }}
            />
          )}
        </div>
      )}
      {row ? (
        columns.map((column) => (
          <div key={column.key} role="gridcell" className={`cell cell--${column.key}`}>
            {column.cell(row)}
          </div>
        ))
      ) : (
        <div role="gridcell" className="cell">
          <span className="skeleton skeleton--avatar" />
          <span className="skeleton skeleton--text" />
          <span className="visually-hidden">Loading…</span>
        </div>
      )}
    </div>
  );
}

/** One record in a grid; absolutely placed so only visible rows exist in the page. */
export const GridRow = memo(GridRowView) as <Row, Sort extends string>(props: GridRowProps<Row, Sort>) => ReactElement;
