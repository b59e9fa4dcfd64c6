import { describe, expect, it } from 'vitest';
import { activitySortKeys } from '../../../shared/schemas/activity';
import { companySortKeys } from '../../../shared/schemas/company';
import { contactSortKeys } from '../../../shared/schemas/contact';
import { dealSortKeys } from '../../../shared/schemas/deal';
import { smallCrm } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { activitiesRepo } from '../activities/repo';
import { companiesRepo } from '../companies/repo';
import { contactsRepo } from '../contacts/repo';
import type { Db } from '../db/open';
import { dealsRepo } from '../deals/repo';

function plan(db: Db, sql: string): string[] {
  const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((match) => [match[1]!, 1]));
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((row) => row.detail);
}

describe('list pages are index walks (EXPLAIN QUERY PLAN)', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('every sort of every list, either way, reads an index in order: no temporary B-tree', async () => {
    const core = await openCore(tempDir());
    await smallCrm(core);
    const lists = [
      ['contacts', contactSortKeys, contactsRepo(core.db).pageSql],
      ['companies', companySortKeys, companiesRepo(core.db).pageSql],
      ['deals', dealSortKeys, dealsRepo(core.db).pageSql],
      ['activities', activitySortKeys, activitiesRepo(core.db).pageSql],
    ] as const;
    const sorted: string[] = [];
    for (const [name, keys, pageSql] of lists) {
      for (const key of keys) {
        for (const direction of ['asc', 'desc'] as const) {
          const steps = (pageSql as (sort: string, direction: 'asc' | 'desc') => string[])(key, direction).flatMap(
            (sql) => plan(core.db, sql),
          );
          sorted.push(
            `${name} by ${key} ${direction}: ${steps.some((step) => step.includes('TEMP B-TREE')) ? 'SORTS' : steps.some((step) => /USING (COVERING )?INDEX/.test(step)) ? 'index' : 'SCANS'}`,
          );
        }
      }
    }
    expect(sorted.filter((line) => !line.endsWith(': index'))).toEqual([]);
  });

  it('a broad search walks each list’s own index for every sort, either way, sifting or testing rows as it goes: no temporary B-tree', async () => {
    const core = await openCore(tempDir());
    await smallCrm(core);
    const lists = [
      ['contacts', 'c', contactSortKeys, contactsRepo(core.db).pageSql],
      ['companies', 'co', companySortKeys, companiesRepo(core.db).pageSql],
      ['deals', 'd', dealSortKeys, dealsRepo(core.db).pageSql],
      ['activities', 'a', activitySortKeys, activitiesRepo(core.db).pageSql],
    ] as const;
    const walked: string[] = [];
    for (const [name, alias, keys, pageSql] of lists) {
      for (const key of keys) {
        for (const direction of ['asc', 'desc'] as const) {
          for (const how of ['sift', 'watchedSift', 'walk'] as const) {
            const sqls = (
              pageSql as (
                sort: string,
                direction: 'asc' | 'desc',
                conditions: undefined,
                searched: 'sift' | 'watchedSift' | 'walk',
              ) => string[]
            )(key, direction, undefined, how);
            const steps = sqls.flatMap((sql) => plan(core.db, sql));
            // A read of the matches would look each one up by its id and sort them.
            const drives = steps.some(
              (step) => step.includes('TEMP B-TREE') || step.startsWith(`SEARCH ${alias} USING INTEGER PRIMARY KEY`),
            );
            walked.push(`${name} by ${key} ${direction}, ${how}: ${drives ? 'READS THE MATCHES AND SORTS' : 'walks'}`);
          }
        }
      }
    }
    expect(walked.filter((line) => !line.endsWith(': walks'))).toEqual([]);
  });

  it('a run read walks the name index from the word typed, reads the other matches by id, and sorts only the rows it found', async () => {
    const core = await openCore(tempDir());
    await smallCrm(core);
    const lists = [
      ['c', 'contacts_by_name_sort', contactsRepo(core.db).pageSql],
      ['co', 'companies_by_name_sort', companiesRepo(core.db).pageSql],
    ] as const;
    for (const [alias, index, pageSql] of lists) {
      for (const direction of ['asc', 'desc'] as const) {
        const steps = pageSql('name', direction, undefined, 'run').flatMap((sql) => plan(core.db, sql));
        const shown = steps.join(' | ');
        expect(shown).toContain(`SEARCH ${alias} USING INDEX ${index} (name_sort>? AND name_sort<?)`);
        expect(shown).toContain(`SEARCH ${alias} USING INTEGER PRIMARY KEY (rowid=?)`);
        expect(steps.filter((step) => step.startsWith(`SCAN ${alias}`))).toEqual([]);
      }
    }
    // Lists not in a name order have no run to read.
    expect(dealsRepo(core.db).pageSql('title', 'asc', undefined, 'run')).toEqual(
      dealsRepo(core.db).pageSql('title', 'asc'),
    );
  });

  it('deals by stage is one walk: the stages in their order, each one’s cards by deals_by_stage; no sort and no count per stage', async () => {
    const core = await openCore(tempDir());
    await smallCrm(core);
    for (const direction of ['asc', 'desc'] as const) {
      for (const searched of [undefined, 'sift', 'walk'] as const) {
        const sqls = dealsRepo(core.db).pageSql('stage', direction, undefined, searched);
        expect(sqls).toHaveLength(1);
        expect(plan(core.db, sqls[0]!).join(' | ')).toMatch(
          /^SCAN s USING (COVERING )?INDEX sqlite_autoindex_pipeline_stages_2 \| SEARCH d USING INDEX deals_by_stage \(stage_id=\?\)/,
        );
        expect(plan(core.db, sqls[0]!).join(' | ')).not.toMatch(/TEMP B-TREE/);
      }
    }
  });

  it('names sort by their phone-book keys through the sort-key indexes, a company’s people too', async () => {
    const core = await openCore(tempDir());
    await smallCrm(core);
    const contacts = contactsRepo(core.db).pageSql;
    const companies = companiesRepo(core.db).pageSql;
    const indexOf = (sqls: string[]) => sqls.flatMap((sql) => plan(core.db, sql)).join(' | ');
    for (const direction of ['asc', 'desc'] as const) {
      expect(indexOf(contacts('name', direction))).toMatch(/^[^|]*USING INDEX contacts_by_name_sort[^|]*$/);
      expect(indexOf(contacts('company', direction))).toMatch(/USING INDEX contacts_by_company_sort/);
      expect(indexOf(companies('name', direction))).toMatch(/^[^|]*USING INDEX companies_by_name_sort[^|]*$/);
      const people = indexOf(contacts('name', direction, { where: ['c.company_id = @companyId'], params: {} }));
      expect(people).toMatch(/USING INDEX contacts_by_company_id/);
      expect(people).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('lead source and consent sorts walk migration 23’s indexes, and their filters are served by them', async () => {
    const core = await openCore(tempDir());
    await smallCrm(core);
    const contacts = contactsRepo(core.db).pageSql;
    const companies = companiesRepo(core.db).pageSql;
    const indexOf = (sqls: string[]) => sqls.flatMap((sql) => plan(core.db, sql)).join(' | ');
    for (const direction of ['asc', 'desc'] as const) {
      expect(indexOf(contacts('leadSource', direction))).toMatch(/USING INDEX contacts_by_lead_source/);
      expect(indexOf(contacts('consent', direction))).toMatch(/USING INDEX contacts_by_consent/);
      expect(indexOf(companies('leadSource', direction))).toMatch(/USING INDEX companies_by_lead_source/);
    }
    const byConsent = { where: ['c.consent IN (SELECT value FROM json_each(@consent))'], params: {} };
    expect(indexOf(contacts('consent', 'asc', byConsent))).toMatch(
      /SEARCH c USING INDEX contacts_by_consent \(consent=\?\)/,
    );
    expect(indexOf(contacts('consent', 'asc', byConsent))).not.toMatch(/TEMP B-TREE/);
    const byLeadSource = { where: ['c.lead_source IN (SELECT value FROM json_each(@leadSources))'], params: {} };
    expect(indexOf(contacts('leadSource', 'asc', byLeadSource))).toMatch(/USING INDEX contacts_by_lead_source/);
    expect(indexOf(contacts('leadSource', 'asc', byLeadSource))).not.toMatch(/TEMP B-TREE/);
  });

  it('the counts behind a page, the board and a record’s timeline use indexes too', async () => {
    const core = await openCore(tempDir());
    const db = core.db;
    for (const table of ['contacts', 'companies', 'deals', 'activities']) {
      // Filtered counts walk a partial index (its WHERE covers deleted_at); the unfiltered one subtracts the trash.
      expect(plan(db, `SELECT count(*) FROM ${table} x WHERE x.deleted_at IS NULL`).join(' ')).toMatch(
        /USING (COVERING )?INDEX/,
      );
      expect(plan(db, `SELECT count(*) FROM ${table} WHERE trash_id IS NOT NULL`).join(' ')).toMatch(
        /USING COVERING INDEX \w+_in_trash/,
      );
    }
    expect(
      plan(
        db,
        'SELECT d.stage_id, d.currency, count(*), sum(d.value_minor) FROM deals d WHERE d.deleted_at IS NULL GROUP BY d.stage_id, d.currency',
      ).join(' '),
    ).toMatch(/USING (COVERING )?INDEX deals_stage_totals/);
    expect(
      plan(
        db,
        'SELECT id FROM deals d WHERE d.stage_id = @s AND d.deleted_at IS NULL ORDER BY d.position, d.id LIMIT 200',
      ).join(' '),
    ).not.toMatch(/TEMP B-TREE/);
    for (const [table, column] of [
      ['activities', 'contact_id'],
      ['record_history', 'contact_id'],
      ['attachments', 'contact_id'],
    ]) {
      expect(plan(db, `SELECT id FROM ${table} WHERE ${column} = @id`).join(' ')).toMatch(/USING (COVERING )?INDEX/);
    }
  });
});
