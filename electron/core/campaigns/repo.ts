import type { z } from 'zod';
import type {
  Campaign,
  CampaignDraft,
  CampaignUpdate,
  Member,
  MemberListRequest,
  MemberPage,
} from '../../../shared/schemas/campaign';
import type { CampaignChannel, ConsentStatus, MemberStatus } from '../../../shared/schemas/marketing';
import type { Db } from '../db/open';
import { CrmError } from '../errors';

type ParsedDraft = z.output<typeof CampaignDraft>;
type ParsedUpdate = z.output<typeof CampaignUpdate>;

interface CampaignRow {
  id: number;
  name: string;
  goal: string | null;
  channel: CampaignChannel;
  starts_on: string | null;
  ends_on: string | null;
  owner: string | null;
  budget_minor: number | null;
  currency: string;
  members: number;
  created_at: string;
  updated_at: string;
}

interface MemberRow {
  contact_id: number;
  name: string;
  email: string | null;
  company_name: string | null;
  status: MemberStatus;
  status_at: string;
  added_at: string;
  consent: ConsentStatus;
}

const liveMembers = `(SELECT count(*) FROM campaign_members m JOIN contacts c ON c.id = m.contact_id WHERE m.campaign_id = k.id AND c.deleted_at IS NULL)`;
const campaignColumns = `k.id, k.name, k.goal, k.channel, k.starts_on, k.ends_on, k.owner, k.budget_minor, k.currency, ${liveMembers} AS members, k.created_at, k.updated_at`;

/** Where a campaign stands on `today` (YYYY-MM-DD, the user's calendar day). */
function phaseOf(row: CampaignRow, today: string): Campaign['phase'] {
  if (row.ends_on !== null && row.ends_on < today) return 'ended';
  if (row.starts_on !== null && row.starts_on <= today) return 'running';
  return 'planned';
}

function campaignOf(row: CampaignRow, today: string): Campaign {
  return {
    id: row.id,
    name: row.name,
    goal: row.goal ?? '',
    channel: row.channel,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    owner: row.owner ?? '',
    budgetMinor: row.budget_minor,
    currency: row.currency,
    phase: phaseOf(row, today),
    members: row.members,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** LIKE pattern for "contains `text`", with LIKE's own wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

export const campaignGone = () =>
  new CrmError('NOT_FOUND', 'This campaign no longer exists. It may have been deleted.');

/** Campaigns as records: create, read, change, delete, and the page of members the Members tab shows. */
export function campaignsRepo(db: Db) {
  const all = db.prepare<[], CampaignRow>(
    `SELECT ${campaignColumns} FROM campaigns k ORDER BY k.created_at DESC, k.id DESC`,
  );
  const byId = db.prepare<[number], CampaignRow>(`SELECT ${campaignColumns} FROM campaigns k WHERE k.id = ?`);
  const insert = db.prepare<[Record<string, unknown>], { id: number }>(
    `INSERT INTO campaigns (name, goal, channel, starts_on, ends_on, owner, budget_minor, currency, created_at, updated_at)
     VALUES (@name, @goal, @channel, @startsOn, @endsOn, @owner, @budgetMinor, @currency, @now, @now) RETURNING id`,
  );
  const change = db.prepare<[Record<string, unknown>]>(
    `UPDATE campaigns SET name = @name, goal = @goal, channel = @channel, starts_on = @startsOn, ends_on = @endsOn,
       owner = @owner, budget_minor = @budgetMinor, currency = @currency, updated_at = @now WHERE id = @id`,
  );
  const memberCount = db
    .prepare<[number], number>('SELECT count(*) FROM campaign_members WHERE campaign_id = ?')
    .pluck();
  const unsentCount = db
    .prepare<[number], number>("SELECT count(*) FROM outbox WHERE campaign_id = ? AND state IN ('queued', 'sending')")
    .pluck();
  const remove = db.prepare<[number]>('DELETE FROM campaigns WHERE id = ?');
  const segmentUsed = db.prepare<[number, number]>('UPDATE campaigns SET segment_id = ? WHERE id = ?');
  const removeMembers = db.prepare<[number, string]>(
    'DELETE FROM campaign_members WHERE campaign_id = ? AND contact_id IN (SELECT value FROM json_each(?))',
  );
  const memberFlag = db
    .prepare<[number, number], number>('SELECT 1 FROM campaign_members WHERE campaign_id = ? AND contact_id = ?')
    .pluck();
  const memberFilter = `m.campaign_id = @campaignId AND c.deleted_at IS NULL
    AND (@status IS NULL OR m.status = @status)
    AND (@search = '' OR c.name LIKE @pattern ESCAPE '\\' OR c.email LIKE @pattern ESCAPE '\\')`;
  const memberTotal = db
    .prepare<[Record<string, unknown>], number>(
      `SELECT count(*) FROM campaign_members m JOIN contacts c ON c.id = m.contact_id WHERE ${memberFilter}`,
    )
    .pluck();
  const memberRows = db.prepare<[Record<string, unknown>], MemberRow>(`
    SELECT m.contact_id, c.name, c.email, co.name AS company_name, m.status, m.status_at, m.added_at, c.consent
    FROM campaign_members m JOIN contacts c ON c.id = m.contact_id
    LEFT JOIN companies co ON co.id = c.company_id AND co.deleted_at IS NULL
    WHERE ${memberFilter}
    ORDER BY c.name, c.id LIMIT @limit OFFSET @offset`);

  const fieldsOf = (draft: ParsedDraft) => ({
    name: draft.name,
    goal: draft.goal === '' ? null : draft.goal,
    channel: draft.channel,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    owner: draft.owner === '' ? null : draft.owner,
    budgetMinor: draft.budgetMinor,
    currency: draft.currency,
  });

  function get(id: number, today: string): Campaign {
    const row = byId.get(id);
    if (!row) throw campaignGone();
    return campaignOf(row, today);
  }

  return {
    list: (today: string): Campaign[] => all.all().map((row) => campaignOf(row, today)),
    get,
    exists: (id: number): boolean => byId.get(id) !== undefined,
    isMember: (campaignId: number, contactId: number): boolean => memberFlag.get(campaignId, contactId) !== undefined,
    /** Takes these people off the campaign; how many were on it. */
    removeMembers: (campaignId: number, contactIds: readonly number[]): number =>
      removeMembers.run(campaignId, JSON.stringify(contactIds)).changes,
    /** The segment members were last added from (kept with the campaign; the members are a snapshot). */
    rememberSegment: (campaignId: number, segmentId: number): void => void segmentUsed.run(segmentId, campaignId),
    create(draft: ParsedDraft, now: string, today: string): Campaign {
      const { id } = insert.get({ ...fieldsOf(draft), now })!;
      return get(id, today);
    },
    /** The caller holds the transaction. */
    update({ id, updatedAt, ...changes }: ParsedUpdate, now: string, today: string): Campaign {
      const current = get(id, today);
      if (updatedAt !== undefined && updatedAt !== current.updatedAt) {
        throw new CrmError(
          'CONFLICT',
          `“${current.name}” was changed since you opened it (this campaign was saved elsewhere). Nothing was saved: review the changes.`,
        );
      }
      const next: ParsedDraft = {
        name: changes.name ?? current.name,
        goal: changes.goal ?? current.goal,
        channel: changes.channel ?? current.channel,
        startsOn: changes.startsOn === undefined ? current.startsOn : changes.startsOn,
        endsOn: changes.endsOn === undefined ? current.endsOn : changes.endsOn,
        owner: changes.owner ?? current.owner,
        budgetMinor: changes.budgetMinor === undefined ? current.budgetMinor : changes.budgetMinor,
        currency: changes.currency ?? current.currency,
      };
      if (next.startsOn && next.endsOn && next.startsOn > next.endsOn) {
        throw new CrmError('VALIDATION', 'The end date is before the start date.', {
          fields: [{ field: 'endsOn', message: 'The end date is before the start date.' }],
        });
      }
      change.run({ ...fieldsOf(next), id, now });
      return get(id, today);
    },
    /** What deleting the campaign takes with it: every member (those in the trash too) and the emails not sent yet. */
    holds(id: number): { name: string; members: number; unsent: number } {
      const row = byId.get(id);
      if (!row) throw campaignGone();
      return { name: row.name, members: memberCount.get(id)!, unsent: unsentCount.get(id)! };
    },
    /** The caller holds the transaction. Members and their status history go with it (foreign keys cascade). */
    delete(id: number): { id: number; membersRemoved: number } {
      if (!byId.get(id)) throw campaignGone();
      const membersRemoved = memberCount.get(id) ?? 0;
      remove.run(id);
      return { id, membersRemoved };
    },
    members(request: z.output<typeof MemberListRequest>): MemberPage {
      if (!byId.get(request.campaignId)) throw campaignGone();
      const params = {
        campaignId: request.campaignId,
        status: request.status ?? null,
        search: request.search,
        pattern: containing(request.search),
      };
      const rows = memberRows.all({ ...params, limit: request.limit, offset: request.offset });
      return {
        total: memberTotal.get(params) ?? 0,
        more: false,
        offset: request.offset,
        rows: rows.map((row): Member => ({
          contactId: row.contact_id,
          name: row.name,
          email: row.email,
          companyName: row.company_name ?? '',
          status: row.status,
          statusAt: row.status_at,
          addedAt: row.added_at,
          consent: row.consent,
        })),
      };
    },
  };
}
