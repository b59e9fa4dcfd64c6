import type { duplicateKinds } from '../../../../shared/schemas/duplicates';

export type DuplicateKind = (typeof duplicateKinds)[number];

/** What the comparison needs of one record: its own fields, custom values, tags, and how much hangs off it. */
export interface MergeSide {
  id: number;
  name: string;
  /** The record's text fields by name (email, phone, company… or website, address, industry…), notes included. */
  fields: Record<string, string>;
  /** For a contact: whether it is linked to a company record (the merge keeps the kept one's company then). */
  linkedCompany: boolean;
  custom: Record<string, string | number>;
  tagIds: number[];
  counts: { activities: number; deals: number; files: number; people: number };
}
