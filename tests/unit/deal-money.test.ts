import { describe, expect, it } from 'vitest';
import { amountInCurrency, amountText, formatMoney, minorDigits, parseAmount } from '../../renderer/src/lib/money';
import { stringContaining } from '../support/matchers';

// The Deals panel reads typed amounts into integer minor units; a wrong reading saves a wrong price.
describe('reading a typed deal value', () => {
  it.each([
    ['1250', 125_000],
    ['1,250.50', 125_050],
    ['1.250,50', 125_050],
    ['1 250,5', 125_050],
    ['12.345.678', 1_234_567_800],
    ['0.5', 50],
    ['', 0],
  ])('"%s" is %i cents', (typed, cents) => {
    expect(parseAmount(typed, 'EUR')).toEqual({ ok: true, valueMinor: cents });
  });

  it.each([
    ['12,3,4', 'Enter an amount in digits'],
    ['abc', 'Enter an amount in digits'],
    ['1,2.3,4', 'Enter an amount in digits'],
    ['-5', 'cannot be negative'],
    ['0.001', 'at most 2 decimals'],
    ['99999999999', 'too large'],
  ])('"%s" is refused: %s', (typed, message) => {
    const read = parseAmount(typed, 'EUR');
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.message).toContain(message);
  });

  it('follows the currency: yen have no decimals', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(parseAmount('12000', 'JPY')).toEqual({ ok: true, valueMinor: 12_000 });
    expect(parseAmount('12.5', 'JPY')).toEqual({ ok: false, message: 'JPY amounts have no decimals.' });
  });

  it('shows a stored value back the way it reads it', () => {
    for (const cents of [0, 5, 125_050, 1_000_000_000_000]) {
      expect(parseAmount(amountText(cents, 'EUR'), 'EUR')).toEqual({ ok: true, valueMinor: cents });
    }
    expect(formatMoney(500_000, 'EUR')).toMatch(/5.000|5,000/);
  });
});

// A currency change in the deal form keeps the amount, never the minor units reread.
describe('the value field after a currency change', () => {
  it('shows the same amount in the new currency', () => {
    expect(amountInCurrency('5000.00', 'EUR', 'JPY')).toEqual({ amount: '5000' });
    expect(amountInCurrency('5000', 'JPY', 'EUR')).toEqual({ amount: '5000.00' });
    expect(amountInCurrency('', 'EUR', 'JPY')).toEqual({ amount: '' });
  });

  it('keeps the text, and says why, when the new currency has no exact amount', () => {
    expect(amountInCurrency('5000.50', 'EUR', 'JPY')).toEqual({
      amount: '5000.50',
      problem: '€5,000.50 has no exact amount in JPY (JPY has no decimals).',
    });
  });

  it('reads whole amounts written with zero decimals in a currency that has none', () => {
    expect(parseAmount('5000.00', 'JPY')).toEqual({ ok: true, valueMinor: 5_000 });
    expect(parseAmount('5000.50', 'JPY')).toEqual({ ok: false, message: 'JPY amounts have no decimals.' });
    expect(parseAmount('12345678901234567890', 'EUR')).toMatchObject({
      ok: false,
      message: stringContaining('too large'),
    });
  });
});
