import { randomBytes } from 'node:crypto';
import { rename } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CsvExportResult, QueueResult } from '../../../shared/schemas/template';
import { writer } from '../db/write';
import type { Db } from '../db/open';
import { removeWithRetry } from '../durable-files';
import { CrmError } from '../errors';
import { csvWriter } from '../export/csv-writer';
import { partialPathFor } from '../export/file-names';
import type { CompiledTemplate } from './compile';
import type { FieldCatalogue } from './merge-fields';
import { personValues } from './person-values';
import { campaignMembersRepo, mergeSourceRepo, outboxRepo, type MemberRow } from './repo';
import { withUnsubscribeLine } from './unsubscribe-line';

/**
 * Members are merged this many at a time, each batch in one transaction, with
 * a turn for other requests in between: queueing 100,000 people never holds
 * the core for more than a few milliseconds at once.
 */
export const membersPerStep = 500;

// One address, nothing around it: a value with a line break or a second address never reaches a mail header.
const plainAddress = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;
export const isSendableAddress = (email: string | null): email is string => email !== null && plainAddress.test(email);

export interface OutputDeps {
  db: Db;
  catalogue: FieldCatalogue;
  template: CompiledTemplate;
  campaign: { id: number; name: string };
  people: ReturnType<typeof mergeSourceRepo>;
}

/** One member's message as it goes out: merged, with the unsubscribe line. */
export function memberMessage(deps: OutputDeps, contactId: number) {
  const person = deps.people.person(contactId);
  if (!person) return undefined;
  const merged = deps.template.render(personValues(person, deps.catalogue));
  return { person, subject: merged.subject, ...withUnsubscribeLine(merged, deps.campaign.name) };
}

interface Counted {
  leftOutForConsent: number;
  leftOutNoEmail: number;
}

/** Walks every member in batches, counting who is left out and handing on those who may get the message. */
async function eachSendableBatch(
  db: Db,
  campaignId: number,
  onBatch: (members: MemberRow[]) => void | Promise<void>,
): Promise<Counted> {
  const members = campaignMembersRepo(db);
  const counted: Counted = { leftOutForConsent: 0, leftOutNoEmail: 0 };
  for (let after = 0; ;) {
    const batch = members.page(campaignId, after, membersPerStep);
    if (batch.length === 0) return counted;
    after = batch.at(-1)!.contact_id;
    const sendable = batch.filter((member) => {
      if (!member.may_be_contacted) counted.leftOutForConsent++;
      else if (!isSendableAddress(member.email)) counted.leftOutNoEmail++;
      else return true;
      return false;
    });
    await onBatch(sendable);
    await nextTurn();
  }
}

/** Every member's message into the outbox, unless already there; those who must not be contacted or have no address are left out. */
export async function queueCampaign(deps: OutputDeps, now: () => string): Promise<QueueResult> {
  const outbox = outboxRepo(deps.db);
  const write = writer(deps.db);
  let queued = 0;
  let alreadyQueued = 0;
  const queueBatch = write((members: MemberRow[]) => {
    for (const member of members) {
      if (outbox.isQueued(deps.campaign.id, member.contact_id)) {
        alreadyQueued++;
        continue;
      }
      const message = memberMessage(deps, member.contact_id);
      if (!message) continue;
      const messageId = `<c${deps.campaign.id}.p${member.contact_id}.${randomBytes(8).toString('hex')}@rolodesk.invalid>`;
      const added = outbox.add({
        campaignId: deps.campaign.id,
        contactId: member.contact_id,
        to: member.email!,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId,
        now: now(),
      });
      // Another queue of the same campaign may have added this person between two batches.
      if (added) queued++;
      else alreadyQueued++;
    }
  });
  const counted = await eachSendableBatch(deps.db, deps.campaign.id, queueBatch);
  return { queued, alreadyQueued, ...counted };
}

interface CsvRow {
  email: string;
  first: string;
  last: string;
  name: string;
  company: string;
  subject: string;
  body: string;
}
const csvColumns = (['email', 'first_name', 'last_name', 'name', 'company', 'subject', 'body'] as const).map(
  (title) => ({
    title,
    value: (row: CsvRow) =>
      ({
        email: row.email,
        first_name: row.first,
        last_name: row.last,
        name: row.name,
        company: row.company,
        subject: row.subject,
        body: row.body,
      })[title],
  }),
);

/**
 * A CSV a mail tool can merge from: one row per member who may be contacted
 * and has an address, written beside the destination and renamed into place
 * when complete. Text a spreadsheet would run as a formula is neutralised by
 * the CSV writer every export uses.
 */
export async function writeCampaignCsv(deps: OutputDeps, destination: string): Promise<CsvExportResult> {
  const partialPath = partialPathFor(destination);
  await removeWithRetry(partialPath);
  const file = await csvWriter(partialPath, csvColumns, ',');
  let rows = 0;
  try {
    const counted = await eachSendableBatch(deps.db, deps.campaign.id, async (members) => {
      const batch: CsvRow[] = [];
      for (const member of members) {
        const message = memberMessage(deps, member.contact_id);
        if (!message) continue;
        const values = personValues(message.person, deps.catalogue);
        batch.push({
          email: member.email!,
          first: values('first_name'),
          last: values('last_name'),
          name: message.person.row.name,
          company: values('company'),
          subject: message.subject,
          body: message.text,
        });
      }
      rows += batch.length;
      await file.add(batch);
    });
    await file.finish();
    await rename(partialPath, destination);
    return { saved: true, rows, ...counted };
  } catch (error) {
    await file.abandon().catch(() => undefined);
    await removeWithRetry(partialPath).catch(() => undefined);
    if (error instanceof CrmError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
      throw new CrmError(
        'STORAGE',
        'That file is open in another program (Excel, say), or Rolodesk may not replace it, so the CSV was not saved. Close it there, or choose another name, and export again.',
      );
    }
    throw error;
  }
}
