export type MoveDirection = 'up' | 'down';

/** The items with the one at `from` swapped with its neighbour above or below; null when it is already at that end. */
export function movedOrder<T>(items: readonly T[], from: number, direction: MoveDirection): T[] | null {
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return null;
  const reordered = [...items];
  [reordered[from], reordered[to]] = [items[to]!, items[from]!];
  return reordered;
}

/**
 * Which of a moved row's two buttons takes the focus back: the one pressed,
 * unless the row reached the end and that button is now disabled (it cannot
 * hold focus), then its partner.
 */
export function buttonToRefocus(pressed: MoveDirection, pressedIsDisabled: boolean): MoveDirection {
  if (!pressedIsDisabled) return pressed;
  return pressed === 'up' ? 'down' : 'up';
}
