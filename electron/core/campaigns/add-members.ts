import { z } from 'zod';
import type { MembersAdded } from '../../../shared/schemas/campaign';
import type { Db } from '../db/open';
import { writer } from '../db/write';
import { mayBeContacted } from './consent-rule';

/** Bound parameters of a WHERE clause: positional (`?`) or named (`@name`). */
export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>;

export interface MembersMatching {
  campaignId: number;
  /** A condition over `contacts c` (a segment's filter, or a list of ids); it must not name @memberCampaign or @memberAt. */
  where: string;
  params: SqlParams;
  at: string;
}

const Counts = z.strictObject({
  matched: z.int().min(0),
  leftOutForConsent: z.int().min(0),
  alreadyMembers: z.int().min(0),
});

function bind(params: SqlParams, own: { memberCampaign: number; memberAt: string }): unknown[] {
  return Array.isArray(params) ? [...(params as unknown[]), own] : [{ ...params, ...own }];
}

/**
 * Adds every live contact matching `where` to the campaign as 'planned',
 * leaving out (and counting) those who must not be contacted and those who
 * are members already. Set-based: one INSERT … SELECT for the 'added' events
 * and one for the members, in one transaction, so 100,000 people are added
 * in well under a second. The events are written first, while "not yet a
 * member" still picks out exactly the people about to be added.
 */
export function addMembersMatching(
  db: Db,
  { campaignId, where, params, at }: MembersMatching,
): Omit<MembersAdded, 'notFound'> & { matched: number } {
  const matching = `FROM contacts c WHERE c.deleted_at IS NULL AND (${where})`;
  const isMember =
    'EXISTS (SELECT 1 FROM campaign_members m WHERE m.campaign_id = @memberCampaign AND m.contact_id = c.id)';
  const counts = db.prepare(`
    SELECT count(*) AS matched,
           coalesce(sum(NOT ${mayBeContacted('c')}), 0) AS leftOutForConsent,
           coalesce(sum(${mayBeContacted('c')} AND ${isMember}), 0) AS alreadyMembers
    ${matching}`);
  const newcomers = `${matching} AND ${mayBeContacted('c')} AND NOT ${isMember}`;
  const recordAdded = db.prepare(`
    INSERT INTO campaign_member_events (campaign_id, contact_id, old_status, new_status, how, at)
    SELECT @memberCampaign, c.id, NULL, 'planned', 'added', @memberAt ${newcomers}`);
  const insertMembers = db.prepare(`
    INSERT INTO campaign_members (campaign_id, contact_id, status, status_at, added_at)
    SELECT @memberCampaign, c.id, 'planned', @memberAt, @memberAt ${newcomers}`);
  const args = bind(params, { memberCampaign: campaignId, memberAt: at });
  return writer(db)(() => {
    const found = Counts.parse(counts.get(...args));
    recordAdded.run(...args);
    const added = insertMembers.run(...args).changes;
    return {
      added,
      alreadyMembers: found.alreadyMembers,
      leftOutForConsent: found.leftOutForConsent,
      matched: found.matched,
    };
  })();
}

/** Adds the contacts named, with the same rule and counts; those gone (deleted, in the trash) are counted as not found. */
export function addMembersById(db: Db, campaignId: number, contactIds: readonly number[], at: string): MembersAdded {
  const { matched, ...counts } = addMembersMatching(db, {
    campaignId,
    where: 'c.id IN (SELECT value FROM json_each(@memberIds))',
    params: { memberIds: JSON.stringify(contactIds) },
    at,
  });
  return { ...counts, notFound: contactIds.length - matched };
}
