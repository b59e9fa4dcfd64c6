import type { ActivityKind } from '../../../../shared/schemas/activity';
import type { ActivityErrors, ActivityField } from './activityForm';

// Apart from ActivityFields so the form hook can move the cursor without importing the component that uses the hook.

export const activityFieldId = (idPrefix: string, field: ActivityField) => `${idPrefix}-activity-${field}`;

/** Puts the cursor in the kind's first field. */
export function focusFirstField(idPrefix: string, kind: ActivityKind) {
  document.getElementById(activityFieldId(idPrefix, kind === 'note' ? 'body' : 'subject'))?.focus();
}

/** Puts the cursor in the first field with a problem. */
export function focusFirstError(idPrefix: string, errors: ActivityErrors) {
  const first = (['subject', 'body', 'day', 'time'] as const).find((field) => errors[field]);
  if (first) document.getElementById(activityFieldId(idPrefix, first))?.focus();
}
