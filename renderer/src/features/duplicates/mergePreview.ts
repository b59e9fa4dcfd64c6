import type { CustomField } from '../../../../shared/schemas/custom-field';
import type { Tag } from '../../../../shared/schemas/tag';
import { countOf } from '../../lib/format';
import { wordList } from '../../lib/wordList';
import type { DuplicateKind, MergeSide } from './mergeSide';

/** One line of the comparison: each record's value, and what the kept record will hold after the merge. */
export interface CompareRow {
  key: string;
  label: string;
  values: [string, string];
  after: string;
}

const fieldLabels: Record<DuplicateKind, ReadonlyArray<[string, string]>> = {
  contact: [
    ['name', 'Name'],
    ['email', 'Email'],
    ['phone', 'Phone'],
    ['company', 'Company'],
    ['notes', 'Notes'],
  ],
  company: [
    ['name', 'Name'],
    ['website', 'Website'],
    ['phone', 'Phone'],
    ['address', 'Address'],
    ['industry', 'Industry'],
    ['notes', 'Notes'],
  ],
};

// What the core's merge does with each field (electron/core/duplicates/merge.ts): the kept value stays,
// a blank is filled from the other, notes are joined, a contact keeps its own company when it has one.
const orKept = (kept: string, other: string) => (kept === '' ? other : kept);
const joinNotes = (kept: string, other: string) =>
  kept === '' ? other : other === '' || other === kept ? kept : `${kept}\n\n${other}`;

function afterField(kind: DuplicateKind, field: string, kept: MergeSide, other: MergeSide): string {
  const keptValue = kept.fields[field] ?? '';
  const otherValue = other.fields[field] ?? '';
  if (field === 'name') return keptValue;
  if (field === 'notes') return joinNotes(keptValue, otherValue);
  if (kind === 'contact' && field === 'company')
    return keptValue === '' && !kept.linkedCompany ? otherValue : keptValue;
  return orKept(keptValue, otherValue);
}

const shown = (value: string | number | undefined) => (value === undefined ? '' : String(value));

/**
 * The comparison of two records, with the merged result as the core will
 * make it when `keep` is kept. Fields blank on both sides are left out.
 */
export function compareRows(
  kind: DuplicateKind,
  sides: [MergeSide, MergeSide],
  keep: 0 | 1,
  customFields: readonly CustomField[],
  tags: readonly Tag[],
): CompareRow[] {
  const kept = sides[keep];
  const other = sides[keep === 0 ? 1 : 0];
  const rows: CompareRow[] = fieldLabels[kind].map(([field, label]) => ({
    key: field,
    label,
    values: [sides[0].fields[field] ?? '', sides[1].fields[field] ?? ''],
    after: afterField(kind, field, kept, other),
  }));
  for (const field of customFields) {
    const key = String(field.id);
    rows.push({
      key: `custom.${key}`,
      label: field.label,
      values: [shown(sides[0].custom[key]), shown(sides[1].custom[key])],
      after: shown(kept.custom[key] ?? other.custom[key]),
    });
  }
  const tagNames = (ids: readonly number[]) => tags.filter((tag) => ids.includes(tag.id)).map((tag) => tag.name);
  rows.push({
    key: 'tags',
    label: 'Tags',
    values: [tagNames(sides[0].tagIds).join(', '), tagNames(sides[1].tagIds).join(', ')],
    after: tagNames([...kept.tagIds, ...other.tagIds]).join(', '),
  });
  const counts: ReadonlyArray<[keyof MergeSide['counts'], string]> = [
    ['people', 'People'],
    ['activities', 'Activities'],
    ['deals', 'Deals'],
    ['files', 'Files'],
  ];
  for (const [key, label] of counts) {
    const [a, b] = [sides[0].counts[key], sides[1].counts[key]];
    if (a + b > 0) rows.push({ key, label, values: [String(a), String(b)], after: String(a + b) });
  }
  return rows.filter((row) => row.key === 'name' || row.values.some((value) => value !== ''));
}

/** "3 activities, 1 deal and 2 files": what hangs off a record and moves with a merge; '' when nothing does. */
export function linkedWords(side: MergeSide): string {
  const { activities, deals, files, people } = side.counts;
  const parts = [
    people > 0 && countOf(people, 'person', 'people'),
    activities > 0 && countOf(activities, 'activity', 'activities'),
    deals > 0 && countOf(deals, 'deal', 'deals'),
    files > 0 && countOf(files, 'file', 'files'),
    side.tagIds.length > 0 && countOf(side.tagIds.length, 'tag', 'tags'),
  ].filter((part): part is string => typeof part === 'string');
  return wordList(parts);
}

/** What the confirmation says will happen, in the order it happens. */
export function mergeMessage(kept: MergeSide, other: MergeSide): string {
  const moved = linkedWords(other);
  const moves =
    moved === ''
      ? `“${other.name}” has no activities, deals, files or tags to move.`
      : `Everything from “${other.name}” (${moved}) moves to “${kept.name}”.`;
  return `${moves} Empty fields of “${kept.name}” are filled in from “${other.name}”, and their notes are joined. “${other.name}” then goes to the Trash.`;
}
