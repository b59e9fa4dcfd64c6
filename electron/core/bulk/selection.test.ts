import { describe, expect, it } from 'vitest';
import { contactOrder, seedContactsWithVip, type ContactListQuery } from '../../../tests/support/contact-lists';
import { call, count, failure } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { seedContacts } from '../../../tests/support/seed-contacts';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Core } from '../core';

/** Nothing a bulk change writes: no undo record, no history, nothing in the trash. */
function untouched(core: Core) {
  return {
    undo: count(core, 'SELECT count(*) FROM undo_records'),
    history: count(core, 'SELECT count(*) FROM record_history'),
    trash: count(core, 'SELECT count(*) FROM trash'),
    live: count(core, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL'),
  };
}

describe('selections resolved by the list itself', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('a range is every row between two positions in the list’s own sort and filters, loaded or not', async () => {
    const core = await openCore(tempDir());
    const vip = await seedContactsWithVip(core, 700);

    const queries: ContactListQuery[] = [
      { sort: 'name', direction: 'asc' },
      // Descending over a column with blanks: two index walks, blanks last.
      { sort: 'company', direction: 'desc' },
      { sort: 'email', direction: 'desc', tagIds: [vip.id] },
      { sort: 'updatedAt', direction: 'asc', search: 'berg' },
    ];
    for (const query of queries) {
      const order = await contactOrder(core, query);
      expect(order.length).toBeGreaterThan(10);
      const from = 3;
      const to = order.length - 2;
      const { ids } = await call(core, 'bulk.range', { list: { kind: 'contact', query }, from, to });
      expect(ids, JSON.stringify(query)).toEqual(order.slice(from, to + 1));
    }
  });

  it('ranges follow the company list and the deal list in board order and by a column with blanks', async () => {
    const core = await openCore(tempDir());
    const { stages } = await call(core, 'stages.list', {});
    for (let i = 0; i < 40; i++) {
      await call(core, 'companies.create', {
        name: `Company ${String(i).padStart(2, '0')}`,
        industry: i % 4 === 0 ? '' : `Industry ${i % 5}`,
      });
      await call(core, 'deals.create', {
        title: `Deal ${i}`,
        stageId: stages[i % stages.length]!.id,
        probability: i % 3 === 0 ? null : i,
      });
    }
    const companyQuery = { sort: 'industry', direction: 'desc' } as const;
    const companies = (await call(core, 'companies.list', { ...companyQuery, limit: 500 })).rows.map((row) => row.id);
    expect(
      (await call(core, 'bulk.range', { list: { kind: 'company', query: companyQuery }, from: 5, to: 33 })).ids,
    ).toEqual(companies.slice(5, 34));

    for (const dealQuery of [
      { sort: 'stage', direction: 'asc' },
      { sort: 'stage', direction: 'desc' },
      { sort: 'probability', direction: 'desc' },
    ] as const) {
      const deals = (await call(core, 'deals.list', { ...dealQuery, limit: 500 })).rows.map((row) => row.id);
      expect(
        (await call(core, 'bulk.range', { list: { kind: 'deal', query: dealQuery }, from: 7, to: 31 })).ids,
        dealQuery.sort,
      ).toEqual(deals.slice(7, 32));
    }
  });

  it('a range longer than 10,000 rows is refused in words', async () => {
    const core = await openCore(tempDir());
    const refused = await failure(core, 'bulk.range', { list: { kind: 'contact', query: {} }, from: 0, to: 10_000 });
    expect(refused).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'to' }] } });
    expect(refused.details?.fields?.[0]?.message).toContain('at most 10,000');
  });

  it('select-all acts on every row the query matches less those unticked since, as one change with one Undo', async () => {
    const core = await openCore(tempDir());
    seedContacts(core, 400);
    const query = { search: 'berg' };
    const matching = await contactOrder(core, query);
    const unticked = matching[2]!;
    const result = await call(core, 'bulk.apply', {
      kind: 'contact',
      matching: { list: { kind: 'contact', query }, except: [unticked], count: matching.length - 1 },
      action: { type: 'set', field: 'company', value: 'Bergen Ltd' },
    });
    expect(result).toMatchObject({ changed: matching.length - 1, skipped: 0, undo: { type: 'edit' } });
    const changed = core.db.prepare("SELECT id FROM contacts WHERE company = 'Bergen Ltd' ORDER BY id").pluck().all();
    expect(changed).toEqual(matching.filter((id) => id !== unticked).sort((a, b) => a - b));
    expect(count(core, 'SELECT count(*) FROM undo_records')).toBe(1);

    const deleted = await call(core, 'bulk.apply', {
      kind: 'contact',
      matching: { list: { kind: 'contact', query }, except: [], count: matching.length },
      action: { type: 'delete' },
    });
    expect(deleted).toMatchObject({ changed: matching.length, undo: { type: 'trash' } });
    expect(core.db.prepare('SELECT id FROM contacts WHERE deleted_at IS NOT NULL ORDER BY id').pluck().all()).toEqual(
      [...matching].sort((a, b) => a - b),
    );
    expect(count(core, 'SELECT count(*) FROM trash')).toBe(1);
  });

  it('refuses a select-all when the number matching is no longer the number the user saw, and changes nothing', async () => {
    const core = await openCore(tempDir());
    seedContacts(core, 300);
    const seen = (await call(core, 'contacts.list', {})).total;
    const [first, second] = (await call(core, 'contacts.list', { limit: 2 })).rows;
    await call(core, 'contacts.delete', { id: first!.id });
    await call(core, 'contacts.delete', { id: second!.id });
    const before = untouched(core);

    for (const action of [{ type: 'delete' }, { type: 'set', field: 'company', value: 'Nobody' }] as const) {
      expect(
        await failure(core, 'bulk.apply', {
          kind: 'contact',
          matching: { list: { kind: 'contact', query: {} }, except: [], count: seen },
          action,
        }),
      ).toEqual({
        code: 'VALIDATION',
        message: 'The list changed since you selected: 298 contacts match now. Check the selection and try again.',
        details: {
          fields: [
            {
              field: 'selection',
              message:
                'The list changed since you selected: 298 contacts match now. Check the selection and try again.',
            },
          ],
        },
      });
    }
    expect(untouched(core)).toEqual(before);
    expect(count(core, "SELECT count(*) FROM contacts WHERE company = 'Nobody'")).toBe(0);
  });

  it('refuses ticked rows when some of them are gone, and changes nothing', async () => {
    const core = await openCore(tempDir());
    seedContacts(core, 20);
    const ids = (await call(core, 'contacts.list', {})).rows.map((row) => row.id);
    await call(core, 'contacts.delete', { id: ids[4]! });
    const before = untouched(core);
    expect(await failure(core, 'bulk.apply', { kind: 'contact', ids, action: { type: 'delete' } })).toMatchObject({
      code: 'VALIDATION',
      message:
        'The list changed since you selected: 1 of the 20 selected contacts is gone. Check the selection and try again.',
      details: { fields: [{ field: 'selection' }] },
    });
    expect(untouched(core)).toEqual(before);
  });

  it('a select-all is all or nothing: a record that fails leaves every other one unchanged', async () => {
    const core = await openCore(tempDir());
    seedContacts(core, 50);
    const ids = await contactOrder(core, {});
    core.db.exec(
      `CREATE TEMP TRIGGER one_fails BEFORE UPDATE OF company ON contacts WHEN new.id = ${ids[30]} BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`,
    );
    const before = untouched(core);
    expect(
      await failure(core, 'bulk.apply', {
        kind: 'contact',
        matching: { list: { kind: 'contact', query: {} }, except: [], count: 50 },
        action: { type: 'set', field: 'company', value: 'Halfway' },
      }),
    ).toMatchObject({ code: 'INTERNAL' });
    expect(untouched(core)).toEqual(before);
    expect(count(core, "SELECT count(*) FROM contacts WHERE company = 'Halfway'")).toBe(0);
  });

  it('a select-all of 100,000 contacts is not cut at 10,000, and one restore brings them all back', async () => {
    const core = await openCore(tempDir());
    seedContacts(core, 100_000);
    const deleted = await call(core, 'bulk.apply', {
      kind: 'contact',
      matching: { list: { kind: 'contact', query: {} }, except: [], count: 100_000 },
      action: { type: 'delete' },
    });
    expect(deleted).toMatchObject({ changed: 100_000, skipped: 0 });
    expect(count(core, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')).toBe(0);
    if (deleted.undo?.type !== 'trash') throw new Error('expected a trash undo');
    await call(core, 'trash.restore', { trashId: deleted.undo.trashId });
    expect(count(core, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')).toBe(100_000);
  });

  it('a select-all names its list’s kind, and a request names either ticked rows or a select-all', async () => {
    const core = await openCore(tempDir());
    seedContacts(core, 3);
    expect(
      await failure(core, 'bulk.apply', {
        kind: 'company',
        matching: { list: { kind: 'contact', query: {} }, except: [], count: 3 },
        action: { type: 'delete' },
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'matching.list.kind' }] },
    });
    expect(await failure(core, 'bulk.apply', { kind: 'contact', action: { type: 'delete' } })).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'ids' }] },
    });
    expect(count(core, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')).toBe(3);
  });
});
