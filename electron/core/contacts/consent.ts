import {
  consentLabels,
  consentSourceLabels,
  type ConsentSource,
  type ConsentStatus,
} from '../../../shared/schemas/marketing';
import type { Db } from '../db/open';
import { historyRepo } from '../records/history';

export interface ConsentChange {
  contactId: number;
  status: ConsentStatus;
  source: ConsentSource;
  at: string;
}

/**
 * Sets a contact's marketing consent, with when and how it changed, and
 * records the change in the contact's history ("Marketing consent: Not asked →
 * Unsubscribed (by email)"). The caller holds the transaction; every path that
 * changes consent (the panel, an import, a bulk edit, an unsubscribe reply)
 * goes through here. Returns false when the contact is gone or already has it.
 */
export function consentWriter(db: Db) {
  const history = historyRepo(db);
  const current = db
    .prepare<[number], ConsentStatus>('SELECT consent FROM contacts WHERE id = ? AND deleted_at IS NULL')
    .pluck();
  const update = db.prepare<[ConsentStatus, string, ConsentSource, string, number]>(
    'UPDATE contacts SET consent = ?, consent_changed_at = ?, consent_source = ?, updated_at = ? WHERE id = ?',
  );
  return function changeConsent({ contactId, status, source, at }: ConsentChange): boolean {
    const old = current.get(contactId);
    if (old === undefined || old === status) return false;
    update.run(status, at, source, at, contactId);
    history.add(
      { kind: 'contact', id: contactId },
      [
        {
          action: 'changed',
          field: 'consent',
          oldValue: consentLabels[old],
          newValue: `${consentLabels[status]} (${consentSourceLabels[source]})`,
        },
      ],
      at,
    );
    return true;
  };
}
