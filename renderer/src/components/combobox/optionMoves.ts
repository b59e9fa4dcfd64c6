/** Where a key press sends the highlight in a list of suggestions. */
export type OptionMove = 'next' | 'previous' | 'first' | 'last';

const movesByKey: Readonly<Record<string, OptionMove>> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
};

export function optionMoveOf(key: string): OptionMove | null {
  return movesByKey[key] ?? null;
}

/**
 * The highlighted option after a move among `count` options; -1 when there
 * are none. Up from the first goes round to the last and down from the last
 * back to the first, so every option is a short walk away.
 */
export function movedOptionIndex(current: number, move: OptionMove, count: number): number {
  if (count <= 0) return -1;
  switch (move) {
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    case 'next':
      return current < 0 ? 0 : (current + 1) % count;
    case 'previous':
      return current < 0 ? count - 1 : (current - 1 + count) % count;
  }
}

/** The highlight kept within the options when the list shrinks under it. */
export function clampedOptionIndex(index: number, count: number): number {
  return count <= 0 ? -1 : Math.min(Math.max(index, 0), count - 1);
}
