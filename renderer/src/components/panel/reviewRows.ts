import type { CustomField } from '../../../../shared/schemas/custom-field';
import type { CustomFormValues } from '../../lib/customValues';

/** How one form field is named and read in a review ("Stage": "Won"). */
export interface FieldDescription<Value> {
  label: string;
  /** The value in words; text values read as they are. */
  text?: (value: Value) => string;
}
export type FieldDescriptions<Values> = { [K in keyof Values & string]: FieldDescription<Values[K]> };

/** Everything a record form holds: its own fields and the custom fields' text. */
export interface FormSnapshot<Values> {
  values: Values;
  custom: CustomFormValues;
}

export type Keep = 'yours' | 'saved';

/** One field that differs between the user's form and the record as saved now. */
export interface ReviewRow {
  key: string;
  label: string;
  yours: string;
  saved: string;
  changedByYou: boolean;
  changedElsewhere: boolean;
  /** What is kept unless the user picks otherwise: their own change, else the newer saved value. */
  keep: Keep;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const customKey = (id: string) => `custom.${id}`;

function wordsOf(text: string): string {
  return text.trim() === '' ? '(empty)' : text;
}

/**
 * A three-way comparison of a form made from `base` that the user turned into
 * `yours`, against `saved`, the record as it is now: every field where yours
 * and saved differ, with who changed it. Fields only one side changed need no
 * choice but are listed, so nothing changes without the user seeing it.
 */
export function reviewRows<Values>(
  describe: FieldDescriptions<Values>,
  customFields: readonly CustomField[],
  base: FormSnapshot<Values>,
  yours: FormSnapshot<Values>,
  saved: FormSnapshot<Values>,
): ReviewRow[] {
  const rows: ReviewRow[] = [];
  const add = (
    key: string,
    label: string,
    baseValue: unknown,
    yourValue: unknown,
    savedValue: unknown,
    text: (value: never) => string,
  ) => {
    if (same(yourValue, savedValue)) return;
    const changedByYou = !same(yourValue, baseValue);
    const changedElsewhere = !same(savedValue, baseValue);
    rows.push({
      key,
      label,
      yours: wordsOf(text(yourValue as never)),
      saved: wordsOf(text(savedValue as never)),
      changedByYou,
      changedElsewhere,
      keep: changedByYou ? 'yours' : 'saved',
    });
  };
  for (const key of Object.keys(describe) as Array<keyof Values & string>) {
    const description = describe[key];
    const text = description.text ?? plainText;
    add(key, description.label, base.values[key], yours.values[key], saved.values[key], text);
  }
  for (const field of customFields) {
    const id = String(field.id);
    add(
      customKey(id),
      field.label,
      base.custom[id] ?? '',
      yours.custom[id] ?? '',
      saved.custom[id] ?? '',
      (value: string) => value,
    );
  }
  return rows;
}

/** The form after the review: the record as saved now, with the user's value wherever they chose to keep it. */
export function mergeReview<Values>(
  rows: readonly ReviewRow[],
  keep: Readonly<Record<string, Keep>>,
  yours: FormSnapshot<Values>,
  saved: FormSnapshot<Values>,
): FormSnapshot<Values> {
  const values = { ...saved.values };
  const custom = { ...saved.custom };
  for (const row of rows) {
    if ((keep[row.key] ?? row.keep) !== 'yours') continue;
    if (row.key.startsWith('custom.')) {
      const id = row.key.slice('custom.'.length);
      custom[id] = yours.custom[id] ?? '';
    } else {
      const key = row.key as keyof Values;
      values[key] = yours.values[key];
    }
  }
  return { values, custom };
}

/** A field's value as the review shows it when the field says nothing better: '' for nothing. */
function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null || value === undefined ? '' : JSON.stringify(value);
}
