import { describe, expect, it } from 'vitest';
import { readDecimal, readExactNumber, toUnits } from './exact-number';

// Every number a person types is read here: what cannot be kept exactly is refused, never rounded.
describe('reading a typed number exactly', () => {
  it.each([
    ['1200.5', 1200.5],
    ['-3', -3],
    ['1e3', 1000],
    ['1 000 000', 1_000_000],
    ['00012.500', 12.5],
    ['.5', 0.5],
    ['0.30000000000000004', 0.30000000000000004],
    ['9007199254740991', 9_007_199_254_740_991],
    ['-9007199254740991', -9_007_199_254_740_991],
  ])('"%s" is %d', (typed, value) => {
    expect(readExactNumber(typed, 'Budget')).toEqual({ ok: true, value });
  });

  it.each([
    ['12345678901234567890', 'Budget is too large to store exactly (at most 9,007,199,254,740,991).'],
    ['9007199254740992', 'Budget is too large to store exactly (at most 9,007,199,254,740,991).'],
    ['1e400', 'Budget is too large to store exactly (at most 9,007,199,254,740,991).'],
    ['1234567890123456.7', 'Budget has more digits than can be stored exactly (at most 15 significant digits).'],
    ['0.12345678901234567891', 'Budget has more digits than can be stored exactly (at most 15 significant digits).'],
    ['12,5', 'Budget must be a number. Type it in digits, for example 12 or 3.5.'],
    ['', 'Budget must be a number. Type it in digits, for example 12 or 3.5.'],
  ])('"%s" is refused: %s', (typed, message) => {
    expect(readExactNumber(typed, 'Budget')).toEqual({ ok: false, message });
  });

  it('counts a decimal in whole units of a given size exactly, or says why not', () => {
    expect(toUnits(readDecimal('5000.5')!, 2)).toBe(500_050);
    expect(toUnits(readDecimal('0.29')!, 2)).toBe(29);
    expect(toUnits(readDecimal('5000.00')!, 0)).toBe(5_000);
    expect(toUnits(readDecimal('5000.50')!, 0)).toBe('fraction');
    expect(toUnits(readDecimal('99999999999999999')!, 0)).toBe('tooLarge');
  });
});
