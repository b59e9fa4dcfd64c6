import { activityKinds } from '../../../../shared/schemas/activity';
import type { FieldedRef } from '../../../../shared/schemas/record';
import type { ActivityValues } from '../activities';

const keyOf = (record: FieldedRef) => `rolodesk.activity-draft.${record.kind}.${record.id}`;

const isText = (value: unknown): value is string => typeof value === 'string';

/** The unsent text of a record's composer, if any was kept. */
export function readDraft(record: FieldedRef): ActivityValues | null {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(keyOf(record)) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return null;
    const { kind, subject, body, day, time } = stored as Record<string, unknown>;
    const knownKind = activityKinds.find((known) => known === kind);
    if (!knownKind || !isText(subject) || !isText(body) || !isText(day) || !isText(time)) return null;
    return { kind: knownKind, subject, body, day, time };
  } catch {
    return null;
  }
}

/** Keeps the composer's text, or forgets it (null) once it is logged or emptied. */
export function writeDraft(record: FieldedRef, values: ActivityValues | null): void {
  try {
    if (values) localStorage.setItem(keyOf(record), JSON.stringify(values));
    else localStorage.removeItem(keyOf(record));
  } catch {
    // Storage full or off: the draft just does not outlive the panel.
  }
}
