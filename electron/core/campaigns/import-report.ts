import type { ReportImportSummary } from '../../../shared/schemas/campaign';
import type { MemberStatus } from '../../../shared/schemas/marketing';
import type { Db } from '../db/open';
import { writer } from '../db/write';
import { CrmError } from '../errors';
import { inspectSource, readSource } from '../import/read/source';
import { memberStatusWriter } from './member-status';
import { furthest, reportLayout, statusRank } from './report-columns';
import { memberStatusChanges } from './status-changes';

const listedAtMost = 20;

type ReportSummary = Extract<ReportImportSummary, { chosen: true }>;

/**
 * Reads an email tool's CSV report for one campaign and moves each member it
 * names forward to the furthest status the report gives them (never back),
 * all in one transaction at the end: a file that cannot be read changes
 * nothing. Memory grows with the campaign's members, not with the file
 * (a 50 MB report of strangers is counted, not kept).
 */
export async function importReport(db: Db, campaignId: number, file: string, at: string): Promise<ReportSummary> {
  const { info } = await inspectSource(file, { hasHeader: true, sampleSize: 1 });
  if (info.format === 'vcard')
    throw new CrmError(
      'FILE_REFUSED',
      'This is a contact card file (vCard), not a campaign report. Choose the CSV report your email tool exported.',
    );
  const layout = reportLayout(info.headers);

  const membersByEmail = new Map<string, number[]>();
  const members = db.prepare<[number], { email: string; contact_id: number }>(`
    SELECT lower(c.email) AS email, m.contact_id FROM campaign_members m JOIN contacts c ON c.id = m.contact_id
    WHERE m.campaign_id = ? AND c.email IS NOT NULL AND c.deleted_at IS NULL`);
  for (const { email, contact_id } of members.iterate(campaignId))
    membersByEmail.set(email, [...(membersByEmail.get(email) ?? []), contact_id]);

  const reported = new Map<number, Exclude<MemberStatus, 'planned'>>();
  const notInCampaign: string[] = [];
  const unknownValues = new Set<string>();
  let rows = 0;
  let notInCampaignCount = 0;
  let unknownStatusCount = 0;
  let rowsWithoutEmail = 0;
  for await (const row of readSource(file, info)) {
    rows++;
    const email = (row.cells[layout.emailColumn] ?? '').trim().toLowerCase();
    if (email === '') {
      rowsWithoutEmail++;
      continue;
    }
    const contactIds = membersByEmail.get(email);
    if (!contactIds) {
      notInCampaignCount++;
      if (notInCampaign.length < listedAtMost && !notInCampaign.includes(email)) notInCampaign.push(email);
      continue;
    }
    const found = layout.statusOf(row.cells);
    if ('unknown' in found) {
      unknownStatusCount++;
      if (unknownValues.size < listedAtMost) unknownValues.add(found.unknown);
      continue;
    }
    for (const contactId of contactIds)
      reported.set(
        contactId,
        furthest(reported.get(contactId) ?? found.status, found.status) as Exclude<MemberStatus, 'planned'>,
      );
  }

  const changeStatus = memberStatusWriter(db);
  const changes = memberStatusChanges(db);
  const currentStatus = db
    .prepare<[number, number], MemberStatus>(
      'SELECT status FROM campaign_members WHERE campaign_id = ? AND contact_id = ?',
    )
    .pluck();
  const counts = writer(db)(() => {
    let updated = 0;
    let alreadySo = 0;
    let keptFurtherAlong = 0;
    let consentUnsubscribed = 0;
    for (const [contactId, status] of reported) {
      // Read inside the transaction: the member may have moved on while the file was read.
      const current = currentStatus.get(campaignId, contactId);
      if (current === undefined) continue;
      if (status === 'unsubscribed') {
        const done = changes.unsubscribe(campaignId, contactId, 'report', at);
        if (done.consentChanged) consentUnsubscribed++;
        if (done.statusChanged) updated++;
        else alreadySo++;
      } else if (current === status) alreadySo++;
      else if (statusRank[current] > statusRank[status]) keptFurtherAlong++;
      else if (changeStatus({ campaignId, contactId, status, how: 'report', at })) updated++;
    }
    return { updated, alreadySo, keptFurtherAlong, consentUnsubscribed };
  })();

  return {
    chosen: true,
    fileName: info.fileName,
    rows,
    ...counts,
    notInCampaign: { count: notInCampaignCount, first: notInCampaign },
    unknownStatuses: { count: unknownStatusCount, values: [...unknownValues] },
    rowsWithoutEmail,
  };
}
