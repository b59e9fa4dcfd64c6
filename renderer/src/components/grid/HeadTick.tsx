import { useEffect, useRef } from 'react';
import type { Selection } from '../../lib/useSelection';

/**
 * The header's tick: selects every row the list's query matches, loaded or
 * not, and says how many ("Select all 1,000 contacts"). Ticked only when all
 * of them are; half-ticked when some are; a click on a full tick clears.
 */
export function HeadTick({ selection, label }: { selection: Selection; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const some = selection.count > 0 && !selection.all;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <div role="columnheader" className="cell cell--tick">
      <input
        ref={ref}
        type="checkbox"
        className="grid-tick"
        checked={selection.all}
        disabled={selection.total === 0}
        aria-label={label}
        title={label}
        onChange={() => (selection.all ? selection.clear() : selection.tickAll())}
      />
    </div>
  );
}
