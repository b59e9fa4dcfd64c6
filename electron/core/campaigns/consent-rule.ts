import { doNotContactStatuses } from '../../../shared/schemas/marketing';

const refused = doNotContactStatuses.map((status) => `'${status}'`).join(', ');

/**
 * The SQL condition a contact row must meet to be sent to, or exported, for a
 * campaign: not in the trash, and not unsubscribed or marked do-not-contact.
 * Every path that sends or exports for a campaign uses this one rule.
 */
export function mayBeContacted(alias: string): string {
  return `(${alias}.deleted_at IS NULL AND ${alias}.consent NOT IN (${refused}))`;
}
