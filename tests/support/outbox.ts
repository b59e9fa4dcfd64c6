import type { Db } from '../../electron/core/db/open';

/** A campaign with `people` members, each with a queued outbox message (as mail merge queues them). */
export function queueCampaign(
  db: Db,
  people: Array<{ name: string; email: string }>,
  name = 'Spring offer',
  at = '2026-01-02T03:04:05.000Z',
) {
  const campaignId = Number(
    db
      .prepare(
        "INSERT INTO campaigns (name, channel, currency, created_at, updated_at) VALUES (?, 'email', 'EUR', ?, ?)",
      )
      .run(name, at, at).lastInsertRowid,
  );
  const addContact = db.prepare('INSERT INTO contacts (name, email, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const addMember = db.prepare(
    'INSERT INTO campaign_members (campaign_id, contact_id, status_at, added_at) VALUES (?, ?, ?, ?)',
  );
  const queue = db
    .prepare(
      `INSERT INTO outbox (campaign_id, contact_id, to_address, subject, text_body, message_id, queued_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .pluck();
  const contactIds: number[] = [];
  const messageIds: number[] = [];
  db.transaction(() => {
    for (const [index, person] of people.entries()) {
      const contactId = Number(addContact.run(person.name, person.email, at, at).lastInsertRowid);
      addMember.run(campaignId, contactId, at, at);
      contactIds.push(contactId);
      messageIds.push(
        queue.get(
          campaignId,
          contactId,
          person.email,
          `Hello ${person.name}`,
          `Dear ${person.name},\n\nOur spring offer.\n\nTo unsubscribe, reply "unsubscribe".`,
          `<c${campaignId}-m${index}@rolodesk.test>`,
          at,
        ) as number,
      );
    }
  })();
  return { campaignId, contactIds, messageIds };
}

export const people = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    name: `Person ${index + 1}`,
    email: `person${index + 1}@example.com`,
  }));
