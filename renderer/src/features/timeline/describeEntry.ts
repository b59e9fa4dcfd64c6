import type { FieldedKind } from '../../../../shared/schemas/record';
import type { FieldChange } from '../../../../shared/schemas/timeline';

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
