import { describe, expect, it } from 'vitest';
import { clampedOptionIndex, movedOptionIndex, optionMoveOf } from './optionMoves';

describe('moving the highlight among suggestions', () => {
  it('reads the arrows, Home and End, and nothing else', () => {
    expect(optionMoveOf('ArrowDown')).toBe('next');
    expect(optionMoveOf('ArrowUp')).toBe('previous');
    expect(optionMoveOf('Home')).toBe('first');
    expect(optionMoveOf('End')).toBe('last');
    expect(optionMoveOf('ArrowLeft')).toBeNull();
    expect(optionMoveOf('a')).toBeNull();
  });

  it('steps down and up, going round at either end', () => {
    expect(movedOptionIndex(0, 'next', 3)).toBe(1);
    expect(movedOptionIndex(2, 'next', 3)).toBe(0);
    expect(movedOptionIndex(1, 'previous', 3)).toBe(0);
    expect(movedOptionIndex(0, 'previous', 3)).toBe(2);
  });

  it('jumps to the first and the last', () => {
    expect(movedOptionIndex(1, 'first', 4)).toBe(0);
    expect(movedOptionIndex(1, 'last', 4)).toBe(3);
  });

  it('starts from the top going down, and from the bottom going up, when nothing is highlighted', () => {
    expect(movedOptionIndex(-1, 'next', 3)).toBe(0);
    expect(movedOptionIndex(-1, 'previous', 3)).toBe(2);
  });

  it('highlights nothing when there is nothing to choose', () => {
    for (const move of ['next', 'previous', 'first', 'last'] as const) expect(movedOptionIndex(0, move, 0)).toBe(-1);
  });

  it('keeps the highlight inside a list that shrank', () => {
    expect(clampedOptionIndex(4, 2)).toBe(1);
    expect(clampedOptionIndex(1, 3)).toBe(1);
    expect(clampedOptionIndex(-1, 3)).toBe(0);
    expect(clampedOptionIndex(0, 0)).toBe(-1);
  });
});
