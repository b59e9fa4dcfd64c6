import type { CustomField } from '../../../../shared/schemas/custom-field';
import { consentLabels } from '../../../../shared/schemas/marketing';
import {
  customFieldOps,
  type SegmentCondition,
  type SegmentConditionKind,
  type SegmentGroup,
} from '../../../../shared/schemas/segment';

/** What each kind of condition is called in the editor's first select. */
export const conditionKindLabels: Record<SegmentConditionKind, string> = {
  tags: 'Tags',
  consent: 'Consent',
  leadSource: 'Lead source',
  lifecycle: 'Lifecycle',
  lastActivity: 'Last activity',
  dealStage: 'Deal stage',
  companyField: 'Company',
  customField: 'Custom field',
  created: 'Created',
};

/** A new condition of a kind, ready to count where it can be (or needing one choice more). */
export function newCondition(kind: SegmentConditionKind, fields: readonly CustomField[]): SegmentCondition {
  switch (kind) {
    case 'tags':
      return { kind, op: 'any', tagIds: [] };
    case 'consent':
      return { kind, values: ['subscribed'] };
    case 'leadSource':
      // The list's sources to tick, as tags are; "is empty" is one choice away.
      return { kind, op: 'isOneOf', values: [] };
    case 'lifecycle':
      return { kind, values: ['customer'] };
    case 'lastActivity':
      return { kind, op: 'noneInLast', days: 90 };
    case 'dealStage':
      return { kind, stageIds: [] };
    case 'companyField':
      return { kind, field: 'industry', op: 'is', value: '' };
    case 'customField': {
      const field = fields[0];
      return field ? newFieldCondition(field) : { kind, fieldId: 1, op: 'isEmpty' };
    }
    case 'created':
      return { kind, op: 'inLastDays', days: 30 };
  }
}

/** A custom-field condition reset for `field`: its type decides the tests it offers. */
export function newFieldCondition(field: CustomField): Extract<SegmentCondition, { kind: 'customField' }> {
  const op = customFieldOps[field.type][0];
  if (op === 'isOneOf') return { kind: 'customField', fieldId: field.id, op, values: field.choices.slice(0, 1) };
  if (op === 'before') return { kind: 'customField', fieldId: field.id, op: 'inLastDays', days: 30 };
  if (op === 'eq') return { kind: 'customField', fieldId: field.id, op: 'gt', value: 0 };
  return { kind: 'customField', fieldId: field.id, op, value: '' };
}

export const customOpLabels: Record<(typeof customFieldOps)[keyof typeof customFieldOps][number], string> = {
  contains: 'contains',
  is: 'is',
  isEmpty: 'is empty',
  eq: 'equals',
  lt: 'is less than',
  gt: 'is more than',
  before: 'is before',
  after: 'is after',
  inLastDays: 'is in the last',
  isOneOf: 'is one of',
};

export const consentOptions = Object.entries(consentLabels) as Array<[keyof typeof consentLabels, string]>;

export const emptyDefinition = (): SegmentGroup => ({
  match: 'all',
  conditions: [{ kind: 'consent', values: ['subscribed', 'not_asked'] }],
});

/** Toggles one value in a list (a tick box in a group of them). */
export function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((candidate) => candidate !== value) : [...values, value];
}
