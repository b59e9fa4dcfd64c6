import type { FieldIssue } from '../../../../shared/errors';
import { CustomFieldDraft, type CustomFieldType } from '../../../../shared/schemas/custom-field';
import type { FieldedKind } from '../../../../shared/schemas/record';

/** The field-definition form as typed: choices one per line. */
export interface FieldFormValues {
  label: string;
  type: CustomFieldType;
  choices: string;
}
export type FieldFormErrors = Partial<Record<'label' | 'choices', string>>;

/** The typed lines as choices: trimmed, blank lines dropped. */
export function choicesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The core's problems (or the schema's) under the form's two fields, the first
 * per field; a problem that names neither (the field was deleted meanwhile) shows under the label.
 */
export function fieldFormErrorsOf(problem: { message: string; fields: readonly FieldIssue[] }): FieldFormErrors {
  const errors: FieldFormErrors = {};
  for (const issue of problem.fields) {
    const field = issue.field.split('.')[0];
    if (field === 'label' || field === 'choices') errors[field] ??= issue.message;
    // A refused rename is about the choices.
    else if (field === 'renames') errors.choices ??= issue.message;
  }
  return Object.keys(errors).length > 0 ? errors : { label: problem.message };
}

/** Checks a new field with the core's own schema, so the words are the same before and after sending. */
export function validateNewField(kind: FieldedKind, values: FieldFormValues) {
  const result = CustomFieldDraft.safeParse({
    kind,
    label: values.label,
    type: values.type,
    choices: values.type === 'choice' ? choicesOf(values.choices) : [],
  });
  if (result.success) return { ok: true as const, draft: result.data };
  const fields = result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
  return {
    ok: false as const,
    errors: fieldFormErrorsOf({ message: fields[0]?.message ?? 'Please check the field.', fields }),
  };
}
