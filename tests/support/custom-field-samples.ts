import type { CustomField } from '../../shared/schemas/custom-field';

/** A contact custom field as customFields.list returns it. */
export const customField = (
  id: number,
  label: string,
  type: CustomField['type'],
  choices: string[] = [],
): CustomField => ({
  id,
  kind: 'contact',
  label,
  type,
  choices,
  position: id,
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** One field of each type, numbered 1 to 4: Nickname (text), Budget (number), Renewal (date), Size (choice of Small, Large). */
export const sampleCustomFields = [
  customField(1, 'Nickname', 'text'),
  customField(2, 'Budget', 'number'),
  customField(3, 'Renewal', 'date'),
  customField(4, 'Size', 'choice', ['Small', 'Large']),
];
