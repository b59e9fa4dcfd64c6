import type { z } from 'zod';
import { CrmError } from '../errors';

/**
 * Reads back JSON the core stored itself, checked against its schema. A
 * damaged value (a bad disk, an edit by hand) becomes a CrmError in the
 * caller's plain words rather than a crash somewhere further on.
 */
export function parseStoredJson<S extends z.ZodType>(
  schema: S,
  text: string,
  whenDamaged: () => CrmError,
): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw whenDamaged();
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw whenDamaged();
  return parsed.data;
}
