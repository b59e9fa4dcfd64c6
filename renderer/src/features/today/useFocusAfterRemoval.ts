import { useEffect, useRef, type RefObject } from 'react';

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
  const boxes = () => [...(container.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [])];

  useEffect(() => {
    const index = place.current;
    place.current = null;
    if (index === null || (document.activeElement && document.activeElement !== document.body)) return;
    const remaining = boxes();
    (remaining[Math.min(index, remaining.length - 1)] ?? fallback.current)?.focus();
    // Runs when the rows change; the refs are read as they are then.
  }, [rows]);

  return function remember() {
    const index = boxes().findIndex((box) => box === document.activeElement);
    place.current = index < 0 ? null : index;
  };
}
