import { describe, expect, it } from 'vitest';
import { sampleCustomFields as fields } from '../../../../tests/support/custom-field-samples';
import { choicesOf, validateNewField } from './customFieldForm';
import { customFilterOf, describeFilter } from './customFilter';

describe('custom field list filters', () => {
  it('builds the condition a list request takes, with the value in the field’s own type', () => {
    expect(customFilterOf(fields[1]!, 'gt', '1000')).toEqual({
      ok: true,
      filter: { fieldId: 2, op: 'gt', value: 1000 },
    });
    expect(customFilterOf(fields[3]!, 'eq', 'small')).toEqual({
      ok: true,
      filter: { fieldId: 4, op: 'eq', value: 'Small' },
    });
    expect(customFilterOf(fields[0]!, 'contains', ' be ')).toEqual({
      ok: true,
      filter: { fieldId: 1, op: 'contains', value: 'be' },
    });
    expect(customFilterOf(fields[2]!, 'empty', '')).toEqual({ ok: true, filter: { fieldId: 3, op: 'empty' } });
  });

  it('says what is missing or wrong instead of sending it', () => {
    expect(customFilterOf(fields[1]!, 'gt', '')).toEqual({ ok: false, message: 'Enter a value for Budget.' });
    expect(customFilterOf(fields[2]!, 'lt', 'soon')).toEqual({
      ok: false,
      message: 'Renewal must be a date (YYYY-MM-DD).',
    });
  });

  it('refuses a number it cannot keep exactly, in the same words as the core', () => {
    expect(customFilterOf(fields[1]!, 'gt', '0.12345678901234567891')).toEqual({
      ok: false,
      message: 'Budget has more digits than can be stored exactly (at most 15 significant digits).',
    });
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
    expect(validateNewField('deal', { label: ' Size ', type: 'choice', choices: 'Small\nLarge' })).toEqual({
      ok: true,
      draft: { kind: 'deal', label: 'Size', type: 'choice', choices: ['Small', 'Large'] },
    });
    expect(validateNewField('contact', { label: 'Nickname', type: 'text', choices: 'left over from choice' })).toEqual({
      ok: true,
      draft: { kind: 'contact', label: 'Nickname', type: 'text', choices: [] },
    });
  });

  it('says what is wrong with the label or the choices', () => {
    expect(validateNewField('contact', { label: '  ', type: 'text', choices: '' })).toEqual({
      ok: false,
      errors: { label: 'Please enter a label.' },
    });
    expect(validateNewField('contact', { label: 'x'.repeat(10_000), type: 'text', choices: '' })).toEqual({
      ok: false,
      errors: { label: 'Label is too long: 10,000 characters, at most 60.' },
    });
    expect(validateNewField('contact', { label: 'Size', type: 'choice', choices: '\n' })).toEqual({
      ok: false,
      errors: { choices: 'A choice field needs at least one choice, and only a choice field has choices.' },
    });
    expect(validateNewField('contact', { label: 'Size', type: 'choice', choices: 'Big\nbig' })).toEqual({
      ok: false,
      errors: { choices: 'The same choice is listed twice.' },
    });
  });
});
