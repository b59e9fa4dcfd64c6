import { useEffect, useRef } from 'react';

/**
 * Keeps the keyboard user in place when the rows change under the focused
 * button (its row restored, or "Show more" gone once all are shown): focus
 * goes to the first button of the row now at the given position (or the
 * last row), instead of falling to the page.
 */
export function useFocusAfterListChange(rows: readonly unknown[] | null) {
  const listRef = useRef<HTMLUListElement>(null);
  const wanted = useRef<number | null>(null);

  useEffect(() => {
    const position = wanted.current;
    if (position === null) return;
    wanted.current = null;
    const items = listRef.current?.children;
    if (!items || items.length === 0) return;
    items[Math.min(position, items.length - 1)]?.querySelector('button')?.focus();
  }, [rows]);

  return {
    listRef,
    /** Call just before changing the rows: once they change, the row at `position` gets focus. */
    focusRowAfterChange: (position: number) => {
      wanted.current = position;
    },
  };
}
