import { describe, expect, it } from 'vitest';
import type { CustomField } from '../../../../shared/schemas/custom-field';
import { choicesOf, validateNewField } from './customFieldForm';
import { customFilterOf, describeFilter } from './customFilter';
import { customErrorsOf, customFormValuesOf, parseCustomValues } from './customValues';

const field = (id: number, label: string, type: CustomField['type'], choices: string[] = []): CustomField => ({
  id,
  kind: 'contact',
  label,
  type,
  choices,
  position: id,
  createdAt: '2026-01-01T00:00:00.000Z',
});
const fields = [field(1, 'Nickname', 'text'), field(2, 'Budget', 'number'), field(3, 'Renewal', 'date'), field(4, 'Size', 'choice', ['Small', 'Large'])];

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
    expect(customFormValuesOf(fields, { '2': 40, '4': 'Small', '99': 'gone' })).toEqual({ '1': '', '2': '40', '3': '', '4': 'Small' });
  });

  it('shows a choice stored in other capitals as its option, so the select never falls back to “—”', () => {
    expect(customFormValuesOf(fields, { '4': 'LARGE' })['4']).toBe('Large');
  });

  it('refuses a number it cannot keep exactly, in the same words as the core', () => {
    expect(parseCustomValues([fields[1]!], { '2': '12345678901234567890' })).toEqual({ ok: false, errors: { '2': 'Budget is too large to store exactly (at most 9,007,199,254,740,991).' } });
    expect(customFilterOf(fields[1]!, 'gt', '0.12345678901234567891')).toEqual({ ok: false, message: 'Budget has more digits than can be stored exactly (at most 15 significant digits).' });
  });

  it('reads the core’s custom.<id> problems as errors by field', () => {
    expect(customErrorsOf([{ field: 'custom.2', message: 'Budget must be a number.' }, { field: 'name', message: 'Please enter a name.' }])).toEqual({ '2': 'Budget must be a number.' });
  });
});

describe('custom field list filters', () => {
  it('builds the condition a list request takes, with the value in the field’s own type', () => {
    expect(customFilterOf(fields[1]!, 'gt', '1000')).toEqual({ ok: true, filter: { fieldId: 2, op: 'gt', value: 1000 } });
    expect(customFilterOf(fields[3]!, 'eq', 'small')).toEqual({ ok: true, filter: { fieldId: 4, op: 'eq', value: 'Small' } });
    expect(customFilterOf(fields[0]!, 'contains', ' be ')).toEqual({ ok: true, filter: { fieldId: 1, op: 'contains', value: 'be' } });
    expect(customFilterOf(fields[2]!, 'empty', '')).toEqual({ ok: true, filter: { fieldId: 3, op: 'empty' } });
  });

  it('says what is missing or wrong instead of sending it', () => {
    expect(customFilterOf(fields[1]!, 'gt', '')).toEqual({ ok: false, message: 'Enter a value for Budget.' });
    expect(customFilterOf(fields[2]!, 'lt', 'soon')).toEqual({ ok: false, message: 'Renewal must be a date (YYYY-MM-DD).' });
  });

  it('describes an active condition in words', () => {
    expect(describeFilter(fields[1], { fieldId: 2, op: 'gt', value: 1000 })).toBe('Budget is more than 1000');
    expect(describeFilter(fields[0], { fieldId: 1, op: 'empty' })).toBe('Nickname is empty');
  });
});

describe('defining a custom field', () => {
  it('takes choices one per line, ignoring blank lines and spaces', () => {
    expect(choicesOf(' Small \n\nLarge\n  ')).toEqual(['Small', 'Large']);
  });

  it('accepts a choice field with its choices, and a text field without any', () => {
    expect(validateNewField('deal', { label: ' Size ', type: 'choice', choices: 'Small\nLarge' })).toEqual({ ok: true, draft: { kind: 'deal', label: 'Size', type: 'choice', choices: ['Small', 'Large'] } });
    expect(validateNewField('contact', { label: 'Nickname', type: 'text', choices: 'left over from choice' })).toEqual({ ok: true, draft: { kind: 'contact', label: 'Nickname', type: 'text', choices: [] } });
  });

  it('says what is wrong with the label or the choices', () => {
    expect(validateNewField('contact', { label: '  ', type: 'text', choices: '' })).toEqual({ ok: false, errors: { label: 'Please enter a label.' } });
    expect(validateNewField('contact', { label: 'x'.repeat(10_000), type: 'text', choices: '' })).toEqual({ ok: false, errors: { label: 'Label is too long: 10,000 characters, at most 60.' } });
    expect(validateNewField('contact', { label: 'Size', type: 'choice', choices: '\n' })).toEqual({
      ok: false,
      errors: { choices: 'A choice field needs at least one choice, and only a choice field has choices.' },
    });
    expect(validateNewField('contact', { label: 'Size', type: 'choice', choices: 'Big\nbig' })).toEqual({ ok: false, errors: { choices: 'The same choice is listed twice.' } });
  });
});
