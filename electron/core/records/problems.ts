import { CrmError, validationError } from '../errors';
import type { z } from 'zod';

/** A value the user can fix, named by its field, as dispatch reports schema failures. */
export function invalid(field: string, message: string): CrmError {
  const payload = validationError([{ field, message }]);
  return new CrmError('VALIDATION', payload.message, payload.details);
}

/** A record a field points at is gone (deleted, or in the trash): NOT_FOUND, naming the field. */
export function gone(field: string, message: string): CrmError {
  return new CrmError('NOT_FOUND', message, { fields: [{ field, message }] });
}

/** Parses a value with a shared schema; failures become VALIDATION errors under `prefix`. */
export function parseAs<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'input',
    message: issue.message,
  }));
  const payload = validationError(fields);
  throw new CrmError('VALIDATION', payload.message, payload.details);
}

export const blankToNull = (text: string): string | null => (text === '' ? null : text);
