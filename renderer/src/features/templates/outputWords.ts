import type { CsvExportResult, QueueResult } from '../../../../shared/schemas/template';

const people = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'person' : 'people'}`;
const messages = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'message' : 'messages'}`;

/** "Left out: 2 people who must not be contacted, 1 person without an email address." or ''. */
function leftOut({ leftOutForConsent, leftOutNoEmail }: { leftOutForConsent: number; leftOutNoEmail: number }): string {
  const parts = [
    leftOutForConsent > 0 && `${people(leftOutForConsent)} who must not be contacted (unsubscribed or do not contact)`,
    leftOutNoEmail > 0 && `${people(leftOutNoEmail)} without an email address`,
  ].filter(Boolean);
  return parts.length ? ` Left out: ${parts.join(', ')}.` : '';
}

export function csvWords(result: CsvExportResult): string {
  return `Saved ${messages(result.rows)} to the CSV file.${leftOut(result)}`;
}

export function queueWords(result: QueueResult): string {
  const already =
    result.alreadyQueued > 0 ? ` ${messages(result.alreadyQueued)} were already queued and stay as they were.` : '';
  return `Queued ${messages(result.queued)} for sending.${already}${leftOut(result)}`;
}
