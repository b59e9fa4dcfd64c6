import type { CustomField } from '../../../../shared/schemas/custom-field';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { consentLabels, consentStatuses } from '../../../../shared/schemas/marketing';
import { invoke } from '../../api';
import { commonCurrencies } from '../../lib/money';

/** A field a bulk change can set, and how its value is typed in. */
export interface BulkField {
  /** bulk.apply's field name: a record field, or "custom.<field number>". */
  field: string;
  label: string;
  input:
    | { type: 'text' | 'number' | 'date' }
    | { type: 'choice'; choices: readonly { value: string | number; label: string }[] };
}

/** The record fields bulk.apply can set for each kind (see shared/schemas/bulk.ts). */
const ownFields: Record<FieldedKind, readonly BulkField[]> = {
  contact: [{ field: 'company', label: 'Company name', input: { type: 'text' } }],
  company: [{ field: 'industry', label: 'Industry', input: { type: 'text' } }],
  deal: [
    { field: 'owner', label: 'Owner', input: { type: 'text' } },
    { field: 'expectedCloseDate', label: 'Expected close date', input: { type: 'date' } },
    { field: 'probability', label: 'Probability (%)', input: { type: 'number' } },
    // The core carries each deal's amount over to the new currency, or refuses.
    {
      field: 'currency',
      label: 'Currency',
      input: { type: 'choice', choices: commonCurrencies.map((code) => ({ value: code, label: code })) },
    },
  ],
};

function customBulkField(field: CustomField): BulkField {
  return {
    field: `custom.${field.id}`,
    label: field.label,
    input:
      field.type === 'choice'
        ? { type: 'choice', choices: field.choices.map((choice) => ({ value: choice, label: choice })) }
        : { type: field.type },
  };
}

/** A contact's consent: each status in words (people who opted out are asked about separately, BulkDialog). */
const consentField: BulkField = {
  field: 'consent',
  label: 'Marketing consent',
  input: {
    type: 'choice',
    choices: consentStatuses.map((status) => ({ value: status, label: consentLabels[status] })),
  },
};

/** Every field a bulk change can set on this kind: its own, the deal stage, lead source and consent, then its custom fields. */
export async function bulkFieldsOf(kind: FieldedKind): Promise<BulkField[]> {
  const [{ fields }, stages, leadSources] = await Promise.all([
    invoke('customFields.list', { kind }),
    kind === 'deal' ? invoke('stages.list', {}).then((list) => list.stages) : Promise.resolve([]),
    kind === 'deal' ? Promise.resolve([]) : invoke('leadSources.list', {}).then((list) => list.leadSources),
  ]);
  const stageField: BulkField[] =
    stages.length > 0
      ? [
          {
            field: 'stageId',
            label: 'Stage',
            input: { type: 'choice', choices: stages.map((stage) => ({ value: stage.id, label: stage.name })) },
          },
        ]
      : [];
  const marketing: BulkField[] =
    kind === 'deal'
      ? []
      : [
          {
            field: 'leadSource',
            label: 'Lead source',
            input: {
              type: 'choice',
              choices: leadSources.map((source) => ({ value: source.name, label: source.name })),
            },
          },
          ...(kind === 'contact' ? [consentField] : []),
        ];
  return [...stageField, ...ownFields[kind], ...marketing, ...fields.map(customBulkField)];
}
