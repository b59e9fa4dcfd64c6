import { doNotContactStatuses, type ConsentStatus, type MemberStatus } from '../../../shared/schemas/marketing';
import type { Db } from '../db/open';
import { consentWriter } from '../contacts/consent';
import { memberStatusWriter } from './member-status';

export type MemberTarget = { contactIds: readonly number[] } | { withStatus: MemberStatus };

const refusedConsent = new Set<ConsentStatus>(doNotContactStatuses);

/**
 * Member status changes the window asks for: one member ('by_hand'), ticked
 * members or every member with a status ('bulk'), and an unsubscribe reply.
 * Each goes through memberStatusWriter, so each shows in the contact's
 * timeline. The caller holds the transaction.
 */
export function memberStatusChanges(db: Db) {
  const changeStatus = memberStatusWriter(db);
  const changeConsent = consentWriter(db);
  const withStatus = db
    .prepare<[number, MemberStatus], number>(
      'SELECT contact_id FROM campaign_members WHERE campaign_id = ? AND status = ?',
    )
    .pluck();
  const consentOf = db
    .prepare<[number], ConsentStatus>('SELECT consent FROM contacts WHERE id = ? AND deleted_at IS NULL')
    .pluck();

  return {
    set(
      campaignId: number,
      target: MemberTarget,
      status: MemberStatus,
      at: string,
    ): { changed: number; unchanged: number } {
      const contactIds = 'contactIds' in target ? target.contactIds : withStatus.all(campaignId, target.withStatus);
      const how = 'contactIds' in target && contactIds.length === 1 ? 'by_hand' : 'bulk';
      let changed = 0;
      for (const contactId of contactIds) if (changeStatus({ campaignId, contactId, status, how, at })) changed++;
      return { changed, unchanged: contactIds.length - changed };
    },
    /**
     * The person asked by email to hear no more: consent Unsubscribed (by email), unless they are
     * already marked do-not-contact (the stricter word stands), and member status Unsubscribed.
     */
    unsubscribe(
      campaignId: number,
      contactId: number,
      how: 'by_hand' | 'report',
      at: string,
    ): { statusChanged: boolean; consentChanged: boolean } {
      const statusChanged = changeStatus({ campaignId, contactId, status: 'unsubscribed', how, at });
      const consent = consentOf.get(contactId);
      const consentChanged =
        consent !== undefined &&
        !refusedConsent.has(consent) &&
        changeConsent({ contactId, status: 'unsubscribed', source: 'email', at });
      return { statusChanged, consentChanged };
    },
  };
}
