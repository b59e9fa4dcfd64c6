import { z } from 'zod';
import type { $ZodRawIssue } from 'zod/v4/core';

const kindWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  object: 'a group of fields',
  record: 'a group of fields',
  array: 'a list',
  tuple: 'a list',
  null: 'empty',
  date: 'a date',
};

const quantity = (count: number | bigint, noun: string) =>
  `${count.toLocaleString('en')} ${noun}${count === 1 || count === 1n ? '' : 's'}`;

/**
 * Words for the checks a schema gives no words of its own, so a refusal never
 * shows zod's "Invalid input: expected boolean, received undefined". A
 * schema's own `error` still wins (zod asks this only when there is none).
 */
function plainWords(issue: $ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'This is missing.';
      return `Must be ${kindWords[issue.expected] ?? 'something else'}.`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Must be ${String(issue.values[0])}.`
        : `Must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Is too long: at most ${quantity(issue.maximum, 'character')}.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Must have at most ${quantity(issue.maximum, 'item')}.`;
      return `Must be at most ${issue.maximum.toLocaleString('en')}.`;
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1
          ? 'Please fill this in.'
          : `Is too short: at least ${quantity(issue.minimum, 'character')}.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Must have at least ${quantity(issue.minimum, 'item')}.`;
      return `Must be at least ${issue.minimum.toLocaleString('en')}.`;
    case 'invalid_format':
      return issue.format === 'datetime'
        ? 'Must be a date and time.'
        : issue.format === 'date'
          ? 'Must be a date (YYYY-MM-DD).'
          : 'Is not in the expected form.';
    case 'invalid_union':
      return 'Is not one of the accepted forms.';
    case 'invalid_key':
      return 'Is not a field Rolodesk knows.';
    case 'invalid_element':
      return 'Holds a value that is not allowed.';
    case 'not_multiple_of':
      return `Must be a multiple of ${String(issue.divisor)}.`;
    default:
      return undefined;
  }
}

z.config({ customError: plainWords });
