import { describe, expect, it } from 'vitest';
import { cellText, isoDateText, plainNumberText } from './cell-text';

describe('workbook cells as text', () => {
  it('shows numbers as Excel does, without float noise, and whole numbers with every digit', () => {
    expect(plainNumberText('0.30000000000000004')).toBe('0.3');
    expect(plainNumberText('1.1000000000000001')).toBe('1.1');
    expect(plainNumberText('4930123456')).toBe('4930123456');
    expect(plainNumberText('9007199254740991')).toBe('9007199254740991');
    expect(plainNumberText('-12.5')).toBe('-12.5');
    expect(plainNumberText('1E-3')).toBe('0.001');
    expect(plainNumberText('not a number')).toBe('not a number');
  });

  it('writes dates as ISO, with the time only when there is one, rounded to the second', () => {
    expect(isoDateText(new Date(Date.UTC(1990, 4, 17)))).toBe('1990-05-17');
    expect(isoDateText(new Date(Date.UTC(2001, 0, 2, 13, 44, 59, 999)))).toBe('2001-01-02 13:45');
    expect(isoDateText(new Date(Date.UTC(2001, 0, 2, 8, 5, 30)))).toBe('2001-01-02 08:05:30');
  });

  it('writes booleans as TRUE/FALSE and empty cells as empty text', () => {
    expect([cellText(true), cellText(false), cellText(null), cellText(undefined), cellText('Zoë 🦊')]).toEqual([
      'TRUE',
      'FALSE',
      '',
      '',
      'Zoë 🦊',
    ]);
  });

  it('shows a kind of value the workbook reader never gave before as what it holds, not "[object Object]"', () => {
    expect(cellText({ text: 'rich text', bold: true })).toBe("{ text: 'rich text', bold: true }");
  });
});
