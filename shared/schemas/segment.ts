import { z } from 'zod';
import { Id, IsoDate, PageRequest, Timestamp, requiredText } from './common';
import { ContactPage } from './contact';
import { ConsentStatus } from './marketing';

/** How many conditions one group holds, how deep groups nest, and how long names and typed values may be. */
export const segmentLimits = {
  name: 100,
  conditionsPerGroup: 20,
  conditions: 60,
  depth: 3,
  value: 200,
  values: 50,
  days: 3650,
} as const;

const days = z
  .int({ error: 'The number of days must be a whole number.' })
  .min(1, { error: 'The number of days must be at least 1.' })
  .max(segmentLimits.days, {
    error: `The number of days may be at most ${segmentLimits.days.toLocaleString('en')} (about ten years).`,
  });
const text = z
  .string({ error: 'Must be text.' })
  .max(segmentLimits.value, { error: `A value may be at most ${segmentLimits.value} characters.` })
  .transform((value) => value.trim());
const texts = z
  .array(text, { error: 'Must be a list.' })
  .min(1, { error: 'Choose at least one.' })
  .max(segmentLimits.values, { error: `Choose at most ${segmentLimits.values}.` });
const ids = (label: string) =>
  z
    .array(Id, { error: `Must be a list of ${label} numbers.` })
    .min(1, { error: `Choose at least one ${label}.` })
    .max(segmentLimits.values, { error: `Choose at most ${segmentLimits.values} ${label}s.` });

/**
 * Lifecycle, from the deals of the contact and of the contact's company:
 * a customer has a won deal closed in the last 12 months; a former customer
 * has won deals, none of them in the last 12 months; a lead never won a deal.
 */
export const lifecycles = ['lead', 'customer', 'former_customer'] as const;
export const Lifecycle = z.enum(lifecycles);
export type Lifecycle = z.infer<typeof Lifecycle>;
export const lifecycleLabels: Record<Lifecycle, string> = {
  lead: 'Lead',
  customer: 'Customer',
  former_customer: 'Former customer',
};
export const lifecycleMeanings: Record<Lifecycle, string> = {
  lead: 'never won a deal',
  customer: 'won a deal closed in the last 12 months',
  former_customer: 'won deals before, none in the last 12 months',
};

/** The linked company's fields a segment can test. */
export const companyFields = ['name', 'industry', 'website', 'leadSource'] as const;
export const companyFieldLabels: Record<(typeof companyFields)[number], string> = {
  name: 'Name',
  industry: 'Industry',
  website: 'Website',
  leadSource: 'Lead source',
};

/** Operators on a custom field, by its type (the core checks the pair against the field). */
export const customFieldOps = {
  text: ['contains', 'is', 'isEmpty'],
  number: ['eq', 'lt', 'gt', 'isEmpty'],
  date: ['before', 'after', 'inLastDays', 'isEmpty'],
  choice: ['isOneOf', 'isEmpty'],
} as const;
const allCustomFieldOps = [
  'contains',
  'is',
  'isEmpty',
  'eq',
  'lt',
  'gt',
  'before',
  'after',
  'inLastDays',
  'isOneOf',
] as const;

export const TagsCondition = z.strictObject({
  kind: z.literal('tags'),
  op: z.enum(['any', 'all', 'none']),
  tagIds: ids('tag'),
});
export const LeadSourceCondition = z.union([
  z.strictObject({ kind: z.literal('leadSource'), op: z.literal('isOneOf'), values: texts }),
  z.strictObject({ kind: z.literal('leadSource'), op: z.literal('isEmpty') }),
]);
export const ConsentCondition = z.strictObject({
  kind: z.literal('consent'),
  values: z.array(ConsentStatus).min(1, { error: 'Choose at least one consent status.' }).max(4),
});
export const CompanyFieldCondition = z.strictObject({
  kind: z.literal('companyField'),
  field: z.enum(companyFields),
  op: z.enum(['contains', 'is', 'isEmpty']),
  value: text.optional(),
});
export const CustomFieldCondition = z.strictObject({
  kind: z.literal('customField'),
  fieldId: Id,
  op: z.enum(allCustomFieldOps),
  /** Text for text fields, a number for number fields, YYYY-MM-DD for date fields. */
  value: z.union([text, z.number({ error: 'Must be a number.' }).finite()]).optional(),
  /** The choices of a choice field ("is one of"). */
  values: texts.optional(),
  /** "in the last N days" of a date field. */
  days: days.optional(),
});
export const LifecycleCondition = z.strictObject({
  kind: z.literal('lifecycle'),
  values: z.array(Lifecycle).min(1, { error: 'Choose at least one stage of the lifecycle.' }).max(3),
});
/** Activities linked to the contact: none since the start of the day N days ago, or at least one. */
export const LastActivityCondition = z.strictObject({
  kind: z.literal('lastActivity'),
  op: z.enum(['noneInLast', 'withinLast']),
  days,
});
/** Has a deal (of the contact or the contact's company) in one of these stages. */
export const DealStageCondition = z.strictObject({ kind: z.literal('dealStage'), stageIds: ids('stage') });
export const CreatedCondition = z.union([
  z.strictObject({ kind: z.literal('created'), op: z.enum(['before', 'after']), date: IsoDate }),
  z.strictObject({ kind: z.literal('created'), op: z.literal('inLastDays'), days }),
]);

export const SegmentCondition = z.union([
  TagsCondition,
  LeadSourceCondition,
  ConsentCondition,
  CompanyFieldCondition,
  CustomFieldCondition,
  LifecycleCondition,
  LastActivityCondition,
  DealStageCondition,
  CreatedCondition,
]);
export type SegmentCondition = z.infer<typeof SegmentCondition>;
export type SegmentConditionKind = SegmentCondition['kind'];

export interface SegmentGroup {
  match: 'all' | 'any';
  conditions: Array<SegmentCondition | SegmentGroup>;
}

export const isGroup = (item: SegmentCondition | SegmentGroup): item is SegmentGroup => 'match' in item;

/** How deep a group's groups nest; the group itself is 1. (IPC input is at most 32 levels of data deep, so this recursion is bounded.) */
function depthOf(group: SegmentGroup): number {
  return 1 + Math.max(0, ...group.conditions.filter(isGroup).map(depthOf));
}

function conditionCount(group: SegmentGroup): number {
  return group.conditions.reduce((sum, item) => sum + (isGroup(item) ? conditionCount(item) : 1), 0);
}

const GroupShape: z.ZodType<SegmentGroup, SegmentGroup> = z.strictObject({
  match: z.enum(['all', 'any'], { error: 'A group matches “all” or “any” of its conditions.' }),
  get conditions() {
    return z.array(z.union([SegmentCondition, GroupShape])).max(segmentLimits.conditionsPerGroup, {
      error: `A group may hold at most ${segmentLimits.conditionsPerGroup} conditions.`,
    });
  },
});

/** A segment's filter: a group matching all or any of its conditions and groups, nested at most 3 deep. */
export const SegmentDefinition = GroupShape.superRefine((group, context) => {
  if (depthOf(group) > segmentLimits.depth) {
    context.addIssue({
      code: 'custom',
      message: `Groups can be nested at most ${segmentLimits.depth} deep. Move the innermost conditions up a level.`,
    });
  }
  if (conditionCount(group) > segmentLimits.conditions)
    context.addIssue({ code: 'custom', message: `A segment may hold at most ${segmentLimits.conditions} conditions.` });
});
export type SegmentDefinition = SegmentGroup;

/** Part of a segment that no longer resolves: it is not counted until the condition is edited. */
export const SegmentProblem = z.strictObject({ message: z.string() });
export type SegmentProblem = z.infer<typeof SegmentProblem>;

export const Segment = z.strictObject({
  id: Id,
  name: z.string(),
  definition: GroupShape,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  problems: z.array(SegmentProblem),
});
export type Segment = z.infer<typeof Segment>;

export const SegmentSummary = z.strictObject({
  id: Id,
  name: z.string(),
  /** Null while the segment has a problem: a count would be wrong. */
  count: z.int().min(0).nullable(),
  problems: z.array(SegmentProblem),
  updatedAt: Timestamp,
});
export type SegmentSummary = z.infer<typeof SegmentSummary>;

export const SegmentList = z.strictObject({ segments: z.array(SegmentSummary) });
export const SegmentRef = z.strictObject({ id: Id });
export const SegmentDraft = z.strictObject({
  name: requiredText('Name', segmentLimits.name),
  definition: SegmentDefinition,
});
export const SegmentUpdate = z.strictObject({
  id: Id,
  name: requiredText('Name', segmentLimits.name).optional(),
  definition: SegmentDefinition.optional(),
});
export const SegmentCountRequest = z.strictObject({ definition: SegmentDefinition });
export const SegmentCount = z.strictObject({ count: z.int().min(0).nullable(), problems: z.array(SegmentProblem) });
export type SegmentCount = z.infer<typeof SegmentCount>;
export const SegmentMembersRequest = z.strictObject({ definition: SegmentDefinition, ...PageRequest });
/** The people a definition matches, in name order; no rows while it has a problem. */
export const SegmentMembers = z.strictObject({ page: ContactPage, problems: z.array(SegmentProblem) });
