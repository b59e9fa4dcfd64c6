import type { CustomFieldType } from '../../../../shared/schemas/custom-field';
import type { FieldedKind } from '../../../../shared/schemas/record';

export const customFieldTypeLabels: Record<CustomFieldType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  choice: 'Choice',
};

/** "contacts", for "Its values on all contacts". */
export const recordsOfKind: Record<FieldedKind, string> = { contact: 'contacts', company: 'companies', deal: 'deals' };
