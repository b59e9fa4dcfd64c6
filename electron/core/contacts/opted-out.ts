import type { Db } from '../db/open';

/** How many of these contacts unsubscribed or asked not to be contacted, in all and per status. */
export function optedOutAmong(db: Db) {
  const counts = db.prepare<[string], { unsubscribed: number; doNotContact: number }>(
    `SELECT coalesce(sum(consent = 'unsubscribed'), 0) AS unsubscribed, coalesce(sum(consent = 'do_not_contact'), 0) AS doNotContact
     FROM contacts WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
  );
  return (ids: readonly number[]) => {
    const { unsubscribed, doNotContact } = counts.get(JSON.stringify(ids))!;
    return { optedOut: unsubscribed + doNotContact, unsubscribed, doNotContact };
  };
}
