import { describe, expect, it } from 'vitest';
import { buttonToRefocus, movedOrder } from './reorder';

describe('moving a row up or down', () => {
  const rows = ['a', 'b', 'c'] as const;

  it('swaps the row with its neighbour', () => {
    expect(movedOrder(rows, 1, 'up')).toEqual(['b', 'a', 'c']);
    expect(movedOrder(rows, 1, 'down')).toEqual(['a', 'c', 'b']);
    expect(movedOrder(rows, 0, 'down')).toEqual(['b', 'a', 'c']);
    expect(movedOrder(rows, 2, 'up')).toEqual(['a', 'c', 'b']);
  });

  it('leaves the list as it was', () => {
    const list = ['a', 'b'];
    movedOrder(list, 0, 'down');
    expect(list).toEqual(['a', 'b']);
  });

  it('refuses to move past either end, or a row that is not there', () => {
    expect(movedOrder(rows, 0, 'up')).toBeNull();
    expect(movedOrder(rows, 2, 'down')).toBeNull();
    expect(movedOrder(rows, -1, 'down')).toBeNull();
    expect(movedOrder(rows, 3, 'up')).toBeNull();
    expect(movedOrder([], 0, 'down')).toBeNull();
  });

  it('gives the focus back to the button pressed, or to its partner once that one is disabled', () => {
    expect(buttonToRefocus('up', false)).toBe('up');
    expect(buttonToRefocus('down', false)).toBe('down');
    expect(buttonToRefocus('up', true)).toBe('down');
    expect(buttonToRefocus('down', true)).toBe('up');
  });
});
