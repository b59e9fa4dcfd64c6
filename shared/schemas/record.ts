import { z } from 'zod';
import { Id } from './common';

/** Every kind of record: each can hold attachments, go to the trash and be found by search. */
export const recordKinds = ['contact', 'company', 'deal', 'activity'] as const;
export type RecordKind = (typeof recordKinds)[number];
export const RecordRef = z.strictObject({ kind: z.enum(recordKinds), id: Id });
export type RecordRef = z.infer<typeof RecordRef>;

/** The kinds with fields of their own: tags, custom fields, a timeline, saved views of their own. */
export const fieldedKinds = ['contact', 'company', 'deal'] as const;
export type FieldedKind = (typeof fieldedKinds)[number];
export const FieldedRef = z.strictObject({ kind: z.enum(fieldedKinds), id: Id });
export type FieldedRef = z.infer<typeof FieldedRef>;

/** A linked record as a list or form shows it: its number and its name. */
export const LinkedRecord = z.strictObject({ id: Id, name: z.string() });
export type LinkedRecord = z.infer<typeof LinkedRecord>;
