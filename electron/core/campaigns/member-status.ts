import type { MemberStatus, MemberStatusSource } from '../../../shared/schemas/marketing';
import type { Db } from '../db/open';

export interface MemberStatusChange {
  campaignId: number;
  contactId: number;
  status: MemberStatus;
  how: MemberStatusSource;
  at: string;
}

/**
 * Sets a campaign member's status and records the change for the contact's
 * timeline. The caller holds the transaction. Returns false when the person is
 * not a member, or already has that status (nothing is recorded then).
 */
export function memberStatusWriter(db: Db) {
  const current = db
    .prepare<[number, number], MemberStatus>(
      'SELECT status FROM campaign_members WHERE campaign_id = ? AND contact_id = ?',
    )
    .pluck();
  const update = db.prepare<[MemberStatus, string, number, number]>(
    'UPDATE campaign_members SET status = ?, status_at = ? WHERE campaign_id = ? AND contact_id = ?',
  );
  const record = db.prepare<[number, number, MemberStatus | null, MemberStatus, MemberStatusSource, string]>(
    'INSERT INTO campaign_member_events (campaign_id, contact_id, old_status, new_status, how, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return function changeMemberStatus({ campaignId, contactId, status, how, at }: MemberStatusChange): boolean {
    const old = current.get(campaignId, contactId);
    if (old === undefined || old === status) return false;
    update.run(status, at, campaignId, contactId);
    record.run(campaignId, contactId, old, status, how, at);
    return true;
  };
}
