import type { BulkAction, BulkResult } from '../../../../shared/schemas/bulk';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { readExactNumber } from '../../../../shared/exact-number';
import { invoke } from '../../api';
import type { BulkField } from './bulkFields';

/** The value bulk.apply gets for what was typed: blank clears the field; numbers (read exactly) and choices keep their type. */
export function typedValue(field: BulkField, typed: string): { ok: true; value: string | number | null } | { ok: false; message: string } {
  const text = typed.trim();
  if (text === '') return { ok: true, value: null };
  if (field.input.type === 'number') return readExactNumber(text, field.label);
  if (field.input.type === 'choice') return { ok: true, value: field.input.choices.find((choice) => String(choice.value) === text)?.value ?? text };
  return { ok: true, value: text };
}

/** Finds a tag by name (any case), or makes it when adding. */
export async function tagNamed(name: string, create: boolean): Promise<number | null> {
  const wanted = name.trim().toLocaleLowerCase();
  const { tags } = await invoke('tags.list', {});
  const found = tags.find((tag) => tag.name.toLocaleLowerCase() === wanted);
  if (found) return found.id;
  if (!create) return null;
  return (await invoke('tags.create', { name: name.trim() })).id;
}

export function applyBulk(kind: FieldedKind, ids: readonly number[], action: BulkAction): Promise<BulkResult> {
  return invoke('bulk.apply', { kind, ids: [...ids], action });
}
