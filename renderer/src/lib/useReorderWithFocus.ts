import { useEffect, useRef, type RefObject } from 'react';
import { buttonToRefocus, type MoveDirection } from './reorder';

/**
 * Keeps the keyboard focus on a row's Move up / Move down button while the
 * row moves. Reordering keyed rows moves their elements in the page, which
 * drops the focus; after the new order renders, the moved row's button takes
 * it back (its partner when the pressed one is disabled at the end).
 *
 * `listRef` is on the list's element and `order` is the list as rendered;
 * give each move button `moveButton(key, direction)`.
 */
export function useReorderWithFocus(listRef: RefObject<HTMLElement | null>, order: unknown) {
  const moved = useRef<{ key: string; direction: MoveDirection } | null>(null);

  useEffect(() => {
    const pending = moved.current;
    if (!pending) return;
    moved.current = null;
    const button = (direction: MoveDirection) =>
      listRef.current?.querySelector<HTMLButtonElement>(`[data-move="${direction}-${pending.key}"]`);
    const pressed = button(pending.direction);
    if (!pressed) return;
    button(buttonToRefocus(pending.direction, pressed.disabled))?.focus();
  }, [listRef, order]);

  return {
    moveButton: (key: string | number, direction: MoveDirection) => ({ 'data-move': `${direction}-${key}` }),
    /** Call as the new order is set: the row's button gets the focus once it shows. */
    focusAfterMove: (key: string | number, direction: MoveDirection) => {
      moved.current = { key: String(key), direction };
    },
  };
}
