import { BackupSettings } from '../../../../shared/schemas/backup';

export type ScheduleField = keyof BackupSettings;
export type ScheduleValues = Record<ScheduleField, string>;
export type ScheduleErrors = Partial<Record<ScheduleField, string>>;

export const scheduleFields: readonly ScheduleField[] = ['intervalMinutes', 'keepNewest', 'keepDaily', 'keepWeekly'];

/** The bounds come from the schema the core checks with, so the form and the core never disagree. */
function boundsOf(field: ScheduleField): { least: number; most: number } {
  const schema = BackupSettings.shape[field];
  return { least: schema.minValue ?? 0, most: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

const wholeNumber = new Intl.NumberFormat(undefined);

const units: Record<ScheduleField, string> = {
  intervalMinutes: 'of minutes ',
  keepNewest: '',
  keepDaily: 'of days ',
  keepWeekly: 'of weeks ',
};

/** What each field takes, in words: "Enter a whole number of minutes from 5 to 1,440." */
export function rangeInWords(field: ScheduleField): string {
  const { least, most } = boundsOf(field);
  return `Enter a whole number ${units[field]}from ${wholeNumber.format(least)} to ${wholeNumber.format(most)}.`;
}

export function valuesOf(settings: BackupSettings): ScheduleValues {
  return {
    intervalMinutes: String(settings.intervalMinutes),
    keepNewest: String(settings.keepNewest),
    keepDaily: String(settings.keepDaily),
    keepWeekly: String(settings.keepWeekly),
  };
}

/** Typed text as settings, checked by the shared schema; each problem is put in words beside its own field. */
export function validateSchedule(
  values: ScheduleValues,
): { ok: true; settings: BackupSettings } | { ok: false; errors: ScheduleErrors } {
  const numbers = Object.fromEntries(
    scheduleFields.map((field) => [field, values[field].trim() === '' ? Number.NaN : Number(values[field])]),
  );
  const parsed = BackupSettings.safeParse(numbers);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: ScheduleErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ScheduleField;
    errors[field] ??= values[field].trim() === '' ? `Please fill this in. ${rangeInWords(field)}` : rangeInWords(field);
  }
  return { ok: false, errors };
}
