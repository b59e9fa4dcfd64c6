import { z } from 'zod';
import { Id, Timestamp, requiredText } from './common';
import { fieldedKinds } from './record';

export const customFieldTypes = ['text', 'number', 'date', 'choice'] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

export const CustomField = z.strictObject({
  id: Id,
  kind: z.enum(fieldedKinds),
  label: z.string(),
  type: z.enum(customFieldTypes),
  /** The options of a choice field, in order; empty for other types. */
  choices: z.array(z.string()),
  position: z.int().min(0),
  createdAt: Timestamp,
});
export type CustomField = z.infer<typeof CustomField>;

const Choices = z
  .array(requiredText('Choice', 100))
  .max(100, { error: 'At most 100 choices.' })
  .refine((choices) => new Set(choices.map((choice) => choice.toLowerCase())).size === choices.length, { error: 'The same choice is listed twice.' });

/** A field for one kind of record. A choice field needs its choices; other types have none. */
export const CustomFieldDraft = z
  .strictObject({
    kind: z.enum(fieldedKinds),
    label: requiredText('Label', 60),
    type: z.enum(customFieldTypes),
    choices: Choices.default([]),
  })
  .refine((field) => (field.type === 'choice') === (field.choices.length > 0), {
    error: 'A choice field needs at least one choice, and only a choice field has choices.',
    path: ['choices'],
  });

/** Renames a field or changes its choices (a choice still in use cannot be removed); the type never changes. */
export const CustomFieldUpdate = z.strictObject({ id: Id, label: requiredText('Label', 60).optional(), choices: Choices.optional() });
export const CustomFieldRef = z.strictObject({ id: Id });
export const CustomFieldListRequest = z.strictObject({ kind: z.enum(fieldedKinds).optional() });
export const CustomFieldList = z.strictObject({ fields: z.array(CustomField) });
/** Every field of the kind, in the new order. */
export const CustomFieldReorder = z.strictObject({
  kind: z.enum(fieldedKinds),
  ids: z
    .array(Id)
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'The same field is listed twice.' }),
});
