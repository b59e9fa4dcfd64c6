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

/** How long a field's label and each of its choices may be. */
export const customFieldLimits = { label: 60, choice: 100 } as const;

const Choices = z
  .array(requiredText('Choice', customFieldLimits.choice))
  .max(100, { error: 'At most 100 choices.' })
  .refine((choices) => new Set(choices.map((choice) => choice.toLowerCase())).size === choices.length, {
    error: 'The same choice is listed twice.',
  });

/** A field for one kind of record. A choice field needs its choices; other types have none. */
export const CustomFieldDraft = z
  .strictObject({
    kind: z.enum(fieldedKinds),
    label: requiredText('Label', customFieldLimits.label),
    type: z.enum(customFieldTypes),
    choices: Choices.default([]),
  })
  .refine((field) => (field.type === 'choice') === field.choices.length > 0, {
    error: 'A choice field needs at least one choice, and only a choice field has choices.',
    path: ['choices'],
  });

/** One choice given a new word; every record that has it follows. */
export const ChoiceRename = z.strictObject({ from: requiredText('Choice', 100), to: requiredText('Choice', 100) });
export type ChoiceRename = z.infer<typeof ChoiceRename>;

/**
 * Renames a field or changes its choices; the type never changes. A choice
 * named in `renames` (or kept in other capitals) is renamed on every record
 * and saved view; a choice still in use cannot be removed.
 */
export const CustomFieldUpdate = z.strictObject({
  id: Id,
  label: requiredText('Label', customFieldLimits.label).optional(),
  choices: Choices.optional(),
  renames: z
    .array(ChoiceRename)
    .max(100)
    .refine((renames) => new Set(renames.map((rename) => rename.from.toLowerCase())).size === renames.length, {
      error: 'The same choice is renamed twice.',
    })
    .optional(),
});
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
