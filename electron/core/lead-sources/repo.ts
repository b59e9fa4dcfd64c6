import type { LeadSource } from '../../../shared/schemas/lead-source';
import type { Db } from '../db/open';
import { writer } from '../db/write';
import { invalid } from '../records/problems';

interface LeadSourceRow {
  id: number;
  name: string;
  position: number;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * The editable list of lead sources. Records carry a source by its name (so
 * lists filter and sort on a plain indexed column); a rename or delete here
 * rewrites the records too, so none is left naming a source that is gone.
 */
export function leadSourcesRepo(db: Db) {
  const write = writer(db);
  const all = db.prepare<[], LeadSourceRow>('SELECT id, name, position FROM lead_sources ORDER BY position, id');
  const byId = db.prepare<[number], LeadSourceRow>('SELECT id, name, position FROM lead_sources WHERE id = ?');
  const byName = db.prepare<[string], LeadSourceRow>('SELECT id, name, position FROM lead_sources WHERE name = ?');
  const insert = db.prepare<[{ name: string }], { id: number }>(
    'INSERT INTO lead_sources (name, position) VALUES (@name, (SELECT coalesce(max(position), -1) + 1 FROM lead_sources)) RETURNING id',
  );
  const rename = db.prepare<[{ id: number; name: string }]>('UPDATE lead_sources SET name = @name WHERE id = @id');
  const setPosition = db.prepare<[{ id: number; position: number }]>(
    'UPDATE lead_sources SET position = @position WHERE id = @id',
  );
  const remove = db.prepare<[number]>('DELETE FROM lead_sources WHERE id = ?');
  // Trashed records are rewritten too: a restored record must not come back naming a source that is gone.
  const renameOn = {
    contact: db.prepare<[{ old: string; name: string }]>(
      'UPDATE contacts SET lead_source = @name WHERE lead_source = @old',
    ),
    company: db.prepare<[{ old: string; name: string }]>(
      'UPDATE companies SET lead_source = @name WHERE lead_source = @old',
    ),
  };
  const clearOn = {
    contact: db.prepare<[string]>('UPDATE contacts SET lead_source = NULL WHERE lead_source = ?'),
    company: db.prepare<[string]>('UPDATE companies SET lead_source = NULL WHERE lead_source = ?'),
  };
  const counts = {
    contact: db.prepare<[], { name: string; n: number }>(
      'SELECT lead_source AS name, count(*) AS n FROM contacts WHERE deleted_at IS NULL AND lead_source IS NOT NULL GROUP BY lead_source',
    ),
    company: db.prepare<[], { name: string; n: number }>(
      'SELECT lead_source AS name, count(*) AS n FROM companies WHERE deleted_at IS NULL AND lead_source IS NOT NULL GROUP BY lead_source',
    ),
  };
  // What a delete clears: records in the trash too, since clearOn rewrites them as well.
  const countAll = {
    contact: db.prepare<[string], number>('SELECT count(*) FROM contacts WHERE lead_source = ?').pluck(),
    company: db.prepare<[string], number>('SELECT count(*) FROM companies WHERE lead_source = ?').pluck(),
  };
  const countOne = {
    contact: db
      .prepare<[string], number>('SELECT count(*) FROM contacts WHERE lead_source = ? AND deleted_at IS NULL')
      .pluck(),
    company: db
      .prepare<[string], number>('SELECT count(*) FROM companies WHERE lead_source = ? AND deleted_at IS NULL')
      .pluck(),
  };

  function list(): LeadSource[] {
    // Record names compare without case, as the column does.
    const countsOf = (kind: 'contact' | 'company') =>
      new Map(counts[kind].all().map((row) => [row.name.toLowerCase(), row.n]));
    const contacts = countsOf('contact');
    const companies = countsOf('company');
    return all.all().map((row) => ({
      ...row,
      counts: {
        contact: contacts.get(row.name.toLowerCase()) ?? 0,
        company: companies.get(row.name.toLowerCase()) ?? 0,
      },
    }));
  }

  function one(id: number): LeadSource | undefined {
    const row = byId.get(id);
    return (
      row && { ...row, counts: { contact: countOne.contact.get(row.name)!, company: countOne.company.get(row.name)! } }
    );
  }

  /**
   * What deleting a source would clear, records in the trash included;
   * undefined when it is gone. Refused (VALIDATION) when records carry it
   * and `clearOnRecords` is not set: the user was not told.
   */
  function deletion(
    id: number,
    clearOnRecords: boolean,
  ): { name: string; clears: { contact: number; company: number } } | undefined {
    const row = byId.get(id);
    if (!row) return undefined;
    const contacts = countOne.contact.get(row.name)!;
    const companies = countOne.company.get(row.name)!;
    if (contacts + companies > 0 && !clearOnRecords) {
      const held = [
        contacts > 0 ? plural(contacts, 'contact', 'contacts') : '',
        companies > 0 ? plural(companies, 'company', 'companies') : '',
      ]
        .filter(Boolean)
        .join(' and ');
      throw invalid(
        'clearOnRecords',
        `“${row.name}” is the lead source of ${held}. Deleting it leaves them without a lead source.`,
      );
    }
    return {
      name: row.name,
      clears: { contact: countAll.contact.get(row.name)!, company: countAll.company.get(row.name)! },
    };
  }

  function nameIsFree(name: string, except?: number): void {
    const same = byName.get(name);
    if (same && same.id !== except) throw invalid('name', `There is already a lead source called “${same.name}”.`);
  }

  return {
    list,
    get: one,
    /**
     * The list's own spelling of a lead source typed on a record ('' stays ''),
     * or VALIDATION on `field` when the list has no such source.
     */
    spelled(name: string, field = 'leadSource'): string {
      if (name === '') return '';
      const row = byName.get(name);
      if (!row)
        throw invalid(
          field,
          `“${name}” is not in the list of lead sources. Choose one from the list, or add it in Settings › Lead sources.`,
        );
      return row.name;
    },
    /** The list's spelling of `name`, adding it to the end of the list when it is new (an import). Says whether it was added. */
    ensure: write((name: string): { name: string; added: boolean } => {
      const row = byName.get(name);
      if (row) return { name: row.name, added: false };
      insert.get({ name });
      return { name, added: true };
    }),
    create: write((name: string): LeadSource => {
      nameIsFree(name);
      return one(insert.get({ name })!.id)!;
    }),
    /** Renames the source and every record carrying it; undefined when the source is gone. */
    rename: write((id: number, name: string): LeadSource | undefined => {
      const row = byId.get(id);
      if (!row) return undefined;
      nameIsFree(name, id);
      rename.run({ id, name });
      renameOn.contact.run({ old: row.name, name });
      renameOn.company.run({ old: row.name, name });
      return one(id);
    }),
    reorder: write((ids: readonly number[]): LeadSource[] => {
      const current = all.all().map((row) => row.id);
      if (current.length !== ids.length || !current.every((id) => ids.includes(id))) {
        throw invalid('ids', 'List every lead source exactly once (some may have been added or deleted meanwhile).');
      }
      ids.forEach((id, position) => setPosition.run({ id, position }));
      return list();
    }),
    deletion,
    /** Deletes a source (checked again as `deletion` does); its records are left without one. */
    delete: write(
      (id: number, clearOnRecords: boolean): { clearedContacts: number; clearedCompanies: number } | undefined => {
        const planned = deletion(id, clearOnRecords);
        if (!planned) return undefined;
        const clearedContacts = clearOn.contact.run(planned.name).changes;
        const clearedCompanies = clearOn.company.run(planned.name).changes;
        remove.run(id);
        return { clearedContacts, clearedCompanies };
      },
    ),
  };
}

export type LeadSourcesRepo = ReturnType<typeof leadSourcesRepo>;
