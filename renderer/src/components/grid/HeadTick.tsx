import { useEffect, useRef } from 'react';
import type { Selection } from '../../lib/useSelection';

/** The header's tick: ticks or unticks every row on screen; half-ticked when only some are. */
export function HeadTick<Row extends { id: number }>({ rows, selection }: { rows: readonly Row[]; selection: Selection }) {
  const ref = useRef<HTMLInputElement>(null);
  const ticked = rows.filter((row) => selection.selected.has(row.id)).length;
  const all = rows.length > 0 && ticked === rows.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = ticked > 0 && !all;
  }, [ticked, all]);
  return (
    <div role="columnheader" className="cell cell--tick">
      <input
        ref={ref}
        type="checkbox"
        className="grid-tick"
        checked={all}
        aria-label="Select the rows shown"
        onChange={() => selection.setMany(
          rows.map((row) => row.id),
          !all,
        )}
      />
    </div>
  );
}
