import type { Input } from '../../../../shared/contract';
import type { BulkAction, BulkResult, ListSelector } from '../../../../shared/schemas/bulk';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { readExactNumber } from '../../../../shared/exact-number';
import { invoke } from '../../api';
import type { ListQuery } from '../../lib/pagedRows';
import type { FetchCount, FetchRange, Selection } from '../../lib/useSelection';
import type { BulkField } from './bulkFields';

/** A list screen's query as bulk.range and bulk.apply name it: its kind, search, filters and sort. */
export type ListSelectorOf<Sort extends string> = (query: ListQuery<Sort>) => ListSelector;

/** What a bulk change acts on, as the user was shown it when they asked for the change. */
export interface Selected {
  rows: Pick<Input<'bulk.apply'>, 'ids' | 'matching'>;
  count: number;
}

/** The ticked rows, or every row of the list less the unticked ones with the count the user saw. */
export function selectedRows<Sort extends string>(
  selection: Selection<Sort>,
  listSelector: ListSelectorOf<Sort>,
): Selected {
  const { ticks, count } = selection;
  const rows =
    ticks.type === 'rows'
      ? { ids: [...ticks.ids] }
      : { matching: { list: listSelector(selection.query), except: [...ticks.except], count } };
  return { rows, count };
}

/** Shift ranges read by the core from the list itself. */
export function rangeFetcher<Sort extends string>(listSelector: ListSelectorOf<Sort>): FetchRange<Sort> {
  return (query, from, to) => invoke('bulk.range', { list: listSelector(query), from, to }).then((range) => range.ids);
}

/** The exact count of a list whose own is capped, for a select-all. */
export function countFetcher<Sort extends string>(listSelector: ListSelectorOf<Sort>): FetchCount<Sort> {
  return (query) => invoke('bulk.count', { list: listSelector(query) }).then((counted) => counted.total);
}

/** The value bulk.apply gets for what was typed: blank clears the field; numbers (read exactly) and choices keep their type. */
export function typedValue(
  field: BulkField,
  typed: string,
): { ok: true; value: string | number | null } | { ok: false; message: string } {
  const text = typed.trim();
  if (text === '') return { ok: true, value: null };
  if (field.input.type === 'number') return readExactNumber(text, field.label);
  if (field.input.type === 'choice')
    return { ok: true, value: field.input.choices.find((choice) => String(choice.value) === text)?.value ?? text };
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

export function applyBulk(kind: FieldedKind, selected: Selected, action: BulkAction): Promise<BulkResult> {
  return invoke('bulk.apply', { kind, ...selected.rows, action });
}

/** The core refused because the list no longer holds what was selected. */
export const isListChanged = (fields: readonly { field: string }[]): boolean => fields[0]?.field === 'selection';
