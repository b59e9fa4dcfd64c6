import type { FieldIssue } from '../../../../shared/errors';

/** The core's message about one field of a form, else its message about the request as a whole. */
export function problemFor(field: string, error: { message: string; fields: readonly FieldIssue[] }): string {
  return error.fields.find((issue) => issue.field === field)?.message ?? error.message;
}
