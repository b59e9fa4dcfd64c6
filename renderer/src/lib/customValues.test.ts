import { describe, expect, it } from 'vitest';
import { sampleCustomFields as fields } from '../../../tests/support/custom-field-samples';
import { customErrorsOf, customFormValuesOf, parseCustomValues } from './customValues';

describe('custom field values in a form', () => {
  it('turns typed text into the values the core stores, blanks clearing their field', () => {
    expect(parseCustomValues(fields, { '1': '  Bee ', '2': '12 500.5', '3': '2026-03-01', '4': 'large' })).toEqual({
      ok: true,
      custom: { '1': 'Bee', '2': 12500.5, '3': '2026-03-01', '4': 'Large' },
    });
    expect(parseCustomValues(fields, {})).toEqual({ ok: true, custom: { '1': null, '2': null, '3': null, '4': null } });
  });

  it('names each field that does not hold what its type needs, in plain words', () => {
    const result = parseCustomValues(fields, { '1': 'x'.repeat(10_000), '2': '12,5', '3': '1 March', '4': 'Medium' });
    expect(result).toEqual({
      ok: false,
      errors: {
        '1': 'Nickname is too long: 10,000 characters, at most 1,000.',
        '2': 'Budget must be a number. Type it in digits, for example 12 or 3.5.',
        '3': 'Renewal must be a date (YYYY-MM-DD).',
        '4': 'Size must be one of: Small, Large.',
      },
    });
  });

  it('shows stored values as text, and fields without one as blank', () => {
    expect(customFormValuesOf(fields, { '2': 40, '4': 'Small', '99': 'gone' })).toEqual({
      '1': '',
      '2': '40',
      '3': '',
      '4': 'Small',
    });
  });

  it('shows a choice stored in other capitals as its option, so the select never falls back to “—”', () => {
    expect(customFormValuesOf(fields, { '4': 'LARGE' })['4']).toBe('Large');
  });

  it('refuses a number it cannot keep exactly, in the same words as the core', () => {
    expect(parseCustomValues([fields[1]!], { '2': '12345678901234567890' })).toEqual({
      ok: false,
      errors: { '2': 'Budget is too large to store exactly (at most 9,007,199,254,740,991).' },
    });
  });

  it('reads the core’s custom.<id> problems as errors by field', () => {
    expect(
      customErrorsOf([
        { field: 'custom.2', message: 'Budget must be a number.' },
        { field: 'name', message: 'Please enter a name.' },
      ]),
    ).toEqual({ '2': 'Budget must be a number.' });
  });
});
