import type { ImportKind } from '../../../shared/schemas/import';
import { companiesRepo } from '../companies/repo';
import { contactsRepo } from '../contacts/repo';
import { customFieldsRepo } from '../custom-fields/repo';
import type { Db } from '../db/open';
import { tagsRepo } from '../tags/repo';
import type { RecordState } from './merge';

/** Tag names by number and numbers by name (any capitals), loaded once; an import adds the tags it creates. */
export function tagNames(db: Db) {
  const byId = new Map<number, string>();
  const byName = new Map<string, number>();
  for (const row of db.prepare<[], { id: number; name: string }>('SELECT id, name FROM tags ORDER BY id').iterate()) {
    byId.set(row.id, row.name);
    if (!byName.has(row.name.toLowerCase())) byName.set(row.name.toLowerCase(), row.id);
  }
  return {
    name: (id: number): string => byId.get(id) ?? '',
    idOf: (name: string): number | undefined => byName.get(name.toLowerCase()),
    add(id: number, name: string): void {
      byId.set(id, name);
      byName.set(name.toLowerCase(), id);
    },
  };
}
export type TagNames = ReturnType<typeof tagNames>;

/** A record's fields, tags and custom values as an import compares them; undefined when it is gone. */
export function recordStates(db: Db, kind: ImportKind, names: TagNames) {
  const contacts = contactsRepo(db);
  const companies = companiesRepo(db);
  const tags = tagsRepo(db);
  const custom = customFieldsRepo(db);
  return (id: number): (RecordState & { tagIds: number[]; companyId: number | null }) | undefined => {
    const values = kind === 'contact' ? contacts.values(id) : companies.values(id);
    if (!values) return undefined;
    const ref = { kind, id };
    const tagIds = tags.idsOf(ref);
    const { companyId = null, ...typed } = values as typeof values & { companyId?: number | null; consent?: string };
    // "Not asked" is a blank consent: a file may fill it.
    if (typed.consent === 'not_asked') typed.consent = '';
    return {
      values: typed as unknown as Record<string, string>,
      tagIds,
      tagNames: tagIds.map(names.name),
      custom: custom.valuesOf(ref),
      companyId,
    };
  };
}
