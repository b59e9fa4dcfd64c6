import { useEffect, useRef, type RefObject } from 'react';

const boxesIn = (container: HTMLElement | null) => [
  ...(container?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? []),
];

/**
 * Keyboard users tick a task off and its row goes away, with the focus in it.
 * `remember` notes which tick box had the focus; once `rows` change, the box
 * now at that place (or the last one, or `fallback`) takes it, if nothing else has.
 */
export function useFocusAfterRemoval(
  container: RefObject<HTMLElement | null>,
  rows: unknown,
  fallback: RefObject<HTMLElement | null>,
) {
  const place = useRef<number | null>(null);

  // Runs when the rows change; the refs are read as they are then.
  useEffect(() => {
    const index = place.current;
    place.current = null;
    if (index === null || (document.activeElement && document.activeElement !== document.body)) return;
    const remaining = boxesIn(container.current);
    (remaining[Math.min(index, remaining.length - 1)] ?? fallback.current)?.focus();
  }, [rows, container, fallback]);

  return function remember() {
    const index = boxesIn(container.current).findIndex((box) => box === document.activeElement);
    place.current = index < 0 ? null : index;
  };
}
