import { z } from 'zod';
import { outboxStates, OutboxMessage, type OutboxCounts, type OutboxState } from '../../../shared/schemas/sending';
import { activitiesRepo } from '../activities/repo';
import { mayBeContacted } from '../campaigns/consent-rule';
import { memberStatusWriter } from '../campaigns/member-status';
import { memberStatusChanges } from '../campaigns/status-changes';
import type { Db } from '../db/open';
import { writer } from '../db/write';

const OutgoingRow = z.object({
  id: z.int(),
  campaign_id: z.int(),
  contact_id: z.int(),
  to_address: z.string(),
  subject: z.string(),
  text_body: z.string(),
  html_body: z.string().nullable(),
  message_id: z.string(),
  campaign_name: z.string(),
  may_contact: z.union([z.literal(0), z.literal(1)]),
});
export type Outgoing = Omit<z.infer<typeof OutgoingRow>, 'may_contact'>;

const MessageRow = z.object({
  id: z.int(),
  contact_id: z.int(),
  contact_name: z.string().nullable(),
  to_address: z.string(),
  subject: z.string(),
  state: z.enum(outboxStates),
  server_answer: z.string().nullable(),
  attempted_at: z.string().nullable(),
  finished_at: z.string().nullable(),
});

/** A short summary of a sent message for the contact's email activity. */
function activityBody(message: Outgoing): string {
  const text = message.text_body.length > 2000 ? `${message.text_body.slice(0, 2000)}…` : message.text_body;
  return `Sent by Rolodesk for the campaign "${message.campaign_name}" to ${message.to_address}.\n\n${text}`;
}

/** The outbox's SQL: each state change of a message in one transaction with what goes with it. */
export function outboxRepo(db: Db) {
  const write = writer(db);
  const activities = activitiesRepo(db);
  const changeMemberStatus = memberStatusWriter(db);
  const memberChanges = memberStatusChanges(db);
  const nextQueued = db.prepare<{ campaigns: string }, unknown>(
    `SELECT o.id, o.campaign_id, o.contact_id, o.to_address, o.subject, o.text_body, o.html_body, o.message_id, c.name AS campaign_name,
       CASE WHEN ${mayBeContacted('ct')} THEN 1 ELSE 0 END AS may_contact
     FROM outbox o JOIN campaigns c ON c.id = o.campaign_id JOIN contacts ct ON ct.id = o.contact_id
     WHERE o.state = 'queued' AND o.campaign_id IN (SELECT value FROM json_each(@campaigns))
     ORDER BY o.id LIMIT 1`,
  );
  const anyQueued = db
    .prepare<{ campaigns: string }, number>(
      `SELECT 1 FROM outbox WHERE state = 'queued' AND campaign_id IN (SELECT value FROM json_each(@campaigns)) LIMIT 1`,
    )
    .pluck();
  const setState = db.prepare<{ id: number; from: OutboxState; to: OutboxState; answer: string | null; at: string }>(
    `UPDATE outbox SET state = @to, server_answer = @answer,
       attempted_at = CASE WHEN @to = 'sending' THEN @at ELSE attempted_at END,
       finished_at = CASE WHEN @to IN ('sent', 'failed', 'skipped') THEN @at ELSE NULL END
     WHERE id = @id AND state = @from`,
  );
  const countStates = db.prepare<[number], { state: OutboxState; n: number }>(
    'SELECT state, count(*) AS n FROM outbox WHERE campaign_id = ? GROUP BY state',
  );
  const messageIdsOf = db
    .prepare<[string], string>(
      `SELECT message_id FROM outbox WHERE state IN ('failed', 'uncertain') AND id IN (SELECT value FROM json_each(?))`,
    )
    .pluck();
  const campaignsWith = db
    .prepare<[string], number>(`SELECT DISTINCT campaign_id FROM outbox WHERE id IN (SELECT value FROM json_each(?))`)
    .pluck();
  const requeue = db.prepare<[string]>(
    `UPDATE outbox SET state = 'queued', server_answer = NULL, finished_at = NULL WHERE state IN ('failed', 'uncertain') AND id IN (SELECT value FROM json_each(?))`,
  );
  const leftSending = db.prepare<[string]>(
    `UPDATE outbox SET state = 'uncertain', server_answer = ? WHERE state = 'sending'`,
  );
  const pageOf = db.prepare<{ campaign: number; states: string; limit: number; offset: number }, unknown>(
    `SELECT o.id, o.contact_id, ct.name AS contact_name, o.to_address, o.subject, o.state, o.server_answer, o.attempted_at, o.finished_at
     FROM outbox o LEFT JOIN contacts ct ON ct.id = o.contact_id
     WHERE o.campaign_id = @campaign AND o.state IN (SELECT value FROM json_each(@states))
     ORDER BY o.id LIMIT @limit OFFSET @offset`,
  );
  const totalOf = db
    .prepare<{ campaign: number; states: string }, number>(
      `SELECT count(*) FROM outbox WHERE campaign_id = @campaign AND state IN (SELECT value FROM json_each(@states))`,
    )
    .pluck();
  const sentMessage = db.prepare<[number], { campaign_id: number; contact_id: number }>(
    `SELECT campaign_id, contact_id FROM outbox WHERE id = ? AND state = 'sent'`,
  );

  return {
    counts(campaignId: number): OutboxCounts {
      const counts = Object.fromEntries(outboxStates.map((state) => [state, 0])) as OutboxCounts;
      for (const { state, n } of countStates.all(campaignId)) counts[state] = n;
      return counts;
    },
    /** Whether a running campaign still has a message waiting (no throttle wait before finding there is none). */
    hasQueued: (campaigns: readonly number[]): boolean =>
      anyQueued.get({ campaigns: JSON.stringify(campaigns) }) !== undefined,
    /**
     * The next message of a running campaign, taken for sending in one transaction: consent is read
     * again at this moment (a change while the batch runs wins: that person is skipped, with the reason),
     * and the row is marked 'sending' before any byte goes out, so a crash from here on leaves it
     * 'sending', which the next start turns into 'uncertain' and never sends by itself.
     */
    take: write(
      (
        campaigns: readonly number[],
        at: string,
      ): { message: Outgoing; skipped: false } | { message: Outgoing; skipped: true } | undefined => {
        const row = nextQueued.get({ campaigns: JSON.stringify(campaigns) });
        if (row === undefined) return undefined;
        const { may_contact: mayContact, ...message } = OutgoingRow.parse(row);
        if (mayContact === 0) {
          setState.run({
            id: message.id,
            from: 'queued',
            to: 'skipped',
            answer: 'Not sent: this person unsubscribed, asked not to be contacted, or is in the trash.',
            at,
          });
          return { message, skipped: true };
        }
        setState.run({ id: message.id, from: 'queued', to: 'sending', answer: null, at });
        return { message, skipped: false };
      },
    ),
    /** The server accepted it (250): sent, logged as an email activity on the contact, the member marked sent. */
    markSent: write((message: Outgoing, answer: string, at: string): void => {
      if (setState.run({ id: message.id, from: 'sending', to: 'sent', answer, at }).changes === 0) return;
      activities.create(
        {
          kind: 'email',
          subject: message.subject || '(no subject)',
          body: activityBody(message),
          occurredAt: at,
          dueAt: null,
          doneAt: null,
          contactId: message.contact_id,
          companyId: null,
          dealId: null,
        },
        at,
      );
      changeMemberStatus({
        campaignId: message.campaign_id,
        contactId: message.contact_id,
        status: 'sent',
        how: 'sending',
        at,
      });
    }),
    /** 'failed' (refused for good), 'queued' (try again later) or 'uncertain' (may have gone out). */
    settle: write((id: number, to: 'failed' | 'queued' | 'uncertain', answer: string | null, at: string): void => {
      setState.run({ id, from: 'sending', to, answer, at });
    }),
    /** At start-up: a message left 'sending' may or may not have gone out; it waits for the user's choice. */
    markInterrupted: write((answer: string): number => leftSending.run(answer).changes),
    /** The Message-IDs of those among `ids` that "Send again" would queue (failed or uncertain). */
    retryable: (ids: readonly number[]): string[] => messageIdsOf.all(JSON.stringify(ids)),
    retry: write((ids: readonly number[]): { queued: number; campaigns: number[] } => {
      const list = JSON.stringify(ids);
      const campaigns = campaignsWith.all(list);
      return { queued: requeue.run(list).changes, campaigns };
    }),
    page(campaignId: number, states: readonly OutboxState[], offset: number, limit: number) {
      const filter = { campaign: campaignId, states: JSON.stringify(states) };
      const rows = pageOf.all({ ...filter, limit, offset }).map((row) => {
        const parsed = MessageRow.parse(row);
        return OutboxMessage.parse({
          id: parsed.id,
          contactId: parsed.contact_id,
          contactName: parsed.contact_name ?? '(deleted)',
          toAddress: parsed.to_address,
          subject: parsed.subject,
          state: parsed.state,
          serverAnswer: parsed.server_answer,
          attemptedAt: parsed.attempted_at,
          finishedAt: parsed.finished_at,
        });
      });
      return { total: totalOf.get(filter)!, offset, rows };
    },
    /** The person answered the unsubscribe line of a sent message: their consent and their membership say so. */
    recordUnsubscribe: write((id: number, at: string): { changed: boolean; campaignId: number } | undefined => {
      const sent = sentMessage.get(id);
      if (!sent) return undefined;
      // The same rule as the member list's button: a do-not-contact person stays do-not-contact.
      const { statusChanged, consentChanged } = memberChanges.unsubscribe(
        sent.campaign_id,
        sent.contact_id,
        'by_hand',
        at,
      );
      return { changed: statusChanged || consentChanged, campaignId: sent.campaign_id };
    }),
  };
}

export type OutboxRepo = ReturnType<typeof outboxRepo>;
