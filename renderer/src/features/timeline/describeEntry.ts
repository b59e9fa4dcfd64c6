import type { FieldedKind } from '../../../../shared/schemas/record';
import { memberStatusLabels, type MemberStatusSource } from '../../../../shared/schemas/marketing';
import type { FieldChange, MemberEvent } from '../../../../shared/schemas/timeline';

const recordNames: Record<FieldedKind, string> = { contact: 'Contact', company: 'Company', deal: 'Deal' };

const empty = (value: FieldChange['oldValue']) => value === null || value === '';

/** "Email: anna@old → anna@new", "Phone set to +46 8 123", "Tagged “VIP”". */
export function describeChange({ action, label, oldValue, newValue }: FieldChange): string {
  switch (action) {
    case 'changed':
      if (empty(oldValue)) return `${label} set to ${newValue}`;
      if (empty(newValue)) return `${label} cleared (was ${oldValue})`;
      return `${label}: ${oldValue} → ${newValue}`;
    case 'trashed':
      return 'Moved to the trash';
    case 'restored':
      return 'Restored from the trash';
    case 'merged':
      return empty(oldValue ?? newValue) ? 'Merged with a duplicate' : `Merged with ${oldValue ?? newValue}`;
    case 'tagged':
      return `Tagged “${newValue}”`;
    case 'untagged':
      return `Tag “${oldValue}” removed`;
  }
}

/** "Contact added to Rolodesk". */
export const createdWords = (kind: FieldedKind) => `${recordNames[kind]} added to Rolodesk`;

const memberSourceWords: Record<MemberStatusSource, string> = {
  added: 'added',
  by_hand: 'by hand',
  bulk: 'bulk change',
  report: 'report',
  sending: 'sending',
};

/** "Spring offer: Sent → Replied (report)", "Added to Spring offer (Planned)". */
export function describeMemberEvent({ campaignName, oldStatus, newStatus, how }: MemberEvent): string {
  if (oldStatus === null) return `Added to ${campaignName} (${memberStatusLabels[newStatus]})`;
  return `${campaignName}: ${memberStatusLabels[oldStatus]} → ${memberStatusLabels[newStatus]} (${memberSourceWords[how]})`;
}
