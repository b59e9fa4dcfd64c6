import { describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../shared/contract';
import { activitySortKeys } from '../../../shared/schemas/activity';
import { companySortKeys } from '../../../shared/schemas/company';
import { contactSortKeys } from '../../../shared/schemas/contact';
import { dealSortKeys } from '../../../shared/schemas/deal';
import type { RecordKind } from '../../../shared/schemas/record';
import { seededRandom } from '../../../tests/bench/random';
import { call, failure } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { seedContacts } from '../../../tests/support/seed-contacts';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { activitiesRepo } from '../activities/repo';
import { companiesRepo } from '../companies/repo';
import { contactsRepo } from '../contacts/repo';
import { toPrefixQuery } from '../search/prefix-query';
import type { Core } from '../core';
import { dealsRepo } from '../deals/repo';
import { idBase, kindBase } from '../search/documents';
import { listSearch } from '../search/list-search';

type ListChannel = 'contacts.list' | 'companies.list' | 'deals.list' | 'activities.list';
interface List {
  channel: ListChannel;
  kind: RecordKind;
  sorts: readonly string[];
}
const lists: readonly List[] = [
  { channel: 'contacts.list', kind: 'contact', sorts: contactSortKeys },
  { channel: 'companies.list', kind: 'company', sorts: companySortKeys },
  { channel: 'deals.list', kind: 'deal', sorts: dealSortKeys },
  { channel: 'activities.list', kind: 'activity', sorts: activitySortKeys },
];

const words = [
  'Annex',
  'Apex',
  'Arbor',
  'Atlas',
  'Aurora',
  'Bergen',
  'Cobalt',
  'Delta',
  'Ember',
  'Aster',
  'Avalon',
  'Zephyr',
];

/** 1,300 contacts, companies, deals and activities named from a few words, most with one starting with "a". */
function seed(core: Core): void {
  const random = seededRandom(3);
  const contacts = contactsRepo(core.db);
  const companies = companiesRepo(core.db);
  const deals = dealsRepo(core.db);
  const activities = activitiesRepo(core.db);
  const stages = deals.stages.list();
  const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString();
  const name = () => `${random.pick(words)} ${random.pick(words)} ${random.int(1, 400)}`;
  core.db.transaction(() => {
    for (let i = 0; i < 1_300; i++) {
      const blank = random.chance(0.3);
      contacts.create(
        {
          name: name(),
          email: blank ? '' : `${random.pick(words).toLowerCase()}@mail.example`,
          phone: blank ? '' : `+1 555 ${i}`,
          company: blank ? '' : random.pick(words),
          notes: '',
        },
        day(i),
      );
      companies.create(
        {
          name: name(),
          website: blank ? '' : `${random.pick(words).toLowerCase()}.example`,
          phone: blank ? '' : `+1 555 ${i}`,
          address: '',
          industry: blank ? '' : random.pick(words),
          notes: '',
        },
        day(i),
      );
      deals.create(
        {
          title: name(),
          companyId: null,
          contactId: null,
          valueMinor: random.int(0, 9) * 1_000,
          currency: 'EUR',
          stageId: random.pick(stages).id,
          expectedCloseDate: blank ? null : '2026-03-01',
          owner: blank ? '' : random.pick(words),
          probability: blank ? null : random.int(0, 10) * 10,
          notes: '',
        },
        day(i),
      );
      activities.create(
        {
          kind: 'note',
          subject: name(),
          body: '',
          occurredAt: day(random.int(0, 5_000)),
          dueAt: null,
          doneAt: null,
          contactId: 1,
          companyId: null,
          dealId: null,
        },
        day(i),
      );
    }
  })();
}

/** The ids the search index holds for a kind and a search: what every page of the search must hold between them. */
function indexed(core: Core, kind: RecordKind, typed: string): Set<number> {
  const ids = core.db
    .prepare<[number, string, number, number], number>(
      'SELECT ? - rowid FROM search_fts WHERE search_fts MATCH ? AND rowid > CAST(? AS INTEGER) AND rowid < CAST(? AS INTEGER)',
    )
    .pluck()
    .all(idBase(kind), toPrefixQuery(typed), kindBase[kind], idBase(kind));
  return new Set(ids);
}

/** Every row of a list, page by page until a short page, and the pages' counts. */
async function readAll(core: Core, channel: ListChannel, query: Record<string, unknown>, limit: number) {
  const ids: number[] = [];
  const counts: Array<{ total: number; more: boolean }> = [];
  for (let offset = 0; ; offset += limit) {
    const page = await call(core, channel as 'contacts.list', { ...query, offset, limit });
    ids.push(...page.rows.map((row) => row.id));
    counts.push({ total: page.total, more: page.more });
    if (page.rows.length < limit) return { ids, counts };
  }
}

describe('searching a list: a capped count, and every match reachable in the list’s own order', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('counts up to 1,000 matches and says there are more; below, and without a search, the count is exact; bulk.count counts them all', async () => {
    const core = await openCore(tempDir());
    seed(core);
    for (const list of lists) {
      const broad = indexed(core, list.kind, 'a').size;
      expect(broad, list.kind).toBeGreaterThan(1_000);
      const first = await call(core, list.channel as 'contacts.list', { search: 'a', limit: 100 });
      expect({ total: first.total, more: first.more, rows: first.rows.length }, list.kind).toEqual({
        total: 1_000,
        more: true,
        rows: 100,
      });
      // A page further than the cap counts to its own end.
      const deep = await call(core, list.channel as 'contacts.list', { search: 'a', offset: 1_000, limit: 100 });
      expect({ total: deep.total, more: deep.more }, list.kind).toEqual(
        broad > 1_100 ? { total: 1_100, more: true } : { total: broad, more: false },
      );

      const narrow = await call(core, list.channel as 'contacts.list', { search: 'zephyr 1', limit: 100 });
      expect({ total: narrow.total, more: narrow.more }, list.kind).toEqual({
        total: indexed(core, list.kind, 'zephyr 1').size,
        more: false,
      });
      expect(narrow.total, list.kind).toBeGreaterThan(0);
      const everything = await call(core, list.channel as 'contacts.list', { limit: 100 });
      expect(everything.more, list.kind).toBe(false);
      expect(everything.total, list.kind).toBeGreaterThan(1_000);
      if (list.kind !== 'activity') {
        const { total } = await call(core, 'bulk.count', { list: { kind: list.kind, query: { search: 'a' } } });
        expect(total, list.kind).toBe(broad);
      }
    }
  });

  it('paging a search reaches every match once, in the list’s order, for every sort either way, however each page reads it', async () => {
    const core = await openCore(tempDir());
    seed(core);
    for (const list of lists) {
      // One letter: most rows match, the first page tests rows as it walks the list's own index, pages further sift it;
      // two words: a few, read from the search index and sorted.
      const search = listSearch(core.db, list.kind, 'x');
      const reads = [
        search.forPage('a', 100, 1_000),
        search.forPage('a', 1_000, 1_000),
        search.forPage('zephyr 1', 100, 1_000),
      ].map((found) => found?.term.how);
      expect(reads, list.kind).toEqual(['walk', 'sift', 'read']);
      for (const sort of list.sorts) {
        for (const direction of ['asc', 'desc'] as const) {
          const order = (await readAll(core, list.channel, { sort, direction }, 500)).ids;
          for (const typed of ['a', 'zephyr 1', 'ap']) {
            const matching = indexed(core, list.kind, typed);
            const { ids, counts } = await readAll(core, list.channel, { sort, direction, search: typed }, 100);
            expect(ids, `${list.kind} by ${sort} ${direction}, “${typed}”`).toEqual(
              order.filter((id) => matching.has(id)),
            );
            // The last page's count is exact: scrolling to the end shows how many there are.
            expect(counts.at(-1), `${list.kind} by ${sort} ${direction}, “${typed}”`).toEqual({
              total: matching.size,
              more: false,
            });
          }
        }
      }
    }
  });

  it('with filters too, the count stops at the cap and paging reaches every match; a Shift range past the cap and a select-all act on the true rows', async () => {
    const core = await openCore(tempDir());
    seed(core);
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    const all = (await readAll(core, 'contacts.list', {}, 500)).ids;
    await call(core, 'bulk.apply', {
      kind: 'contact',
      ids: all.filter((_, i) => i % 10 !== 0).slice(0, 10_000),
      action: { type: 'addTag', tagId: vip.id },
    });
    const query = { search: 'a', tagIds: [vip.id], sort: 'name' as const };
    const tagged = new Set(all.filter((_, i) => i % 10 !== 0));
    const matching = all.filter((id) => tagged.has(id) && indexed(core, 'contact', 'a').has(id));
    expect(matching.length).toBeGreaterThan(1_000);

    const first = await call(core, 'contacts.list', { ...query, limit: 100 });
    expect({ total: first.total, more: first.more }).toEqual({ total: 1_000, more: true });
    expect((await readAll(core, 'contacts.list', query, 100)).ids).toEqual(matching);
    expect(
      (await call(core, 'bulk.range', { list: { kind: 'contact', query }, from: 950, to: matching.length - 1 })).ids,
    ).toEqual(matching.slice(950));
    const { total } = await call(core, 'bulk.count', { list: { kind: 'contact', query } });
    expect(total).toBe(matching.length);

    // A select-all made with the capped count is refused in words; with the true count it acts on every match.
    const capped = await failure(core, 'bulk.apply', {
      kind: 'contact',
      matching: { list: { kind: 'contact', query }, except: [], count: 1_000 },
      action: { type: 'removeTag', tagId: vip.id },
    });
    expect(capped.message).toMatch(/^The list changed since you selected/);
    const done = await call(core, 'bulk.apply', {
      kind: 'contact',
      matching: { list: { kind: 'contact', query }, except: [], count: total },
      action: { type: 'removeTag', tagId: vip.id },
    });
    expect(done.changed).toBe(matching.length);
  });

  it('a text walk that finds its matches later in the order than it guessed gives way to a sift, with the same rows', async () => {
    const core = await openCore(tempDir());
    const contacts = contactsRepo(core.db);
    const now = '2026-01-01T00:00:00.000Z';
    // 200 people first in the phone book, then 1,100 whose names all match "zed": the newest matches say most rows match.
    core.db.transaction(() => {
      for (let i = 0; i < 1_300; i++)
        contacts.create(
          { name: i % 13 < 2 ? `Anna Berg ${i}` : `Zed Lund ${i}`, email: '', phone: '', company: '', notes: '' },
          now,
        );
    })();
    const search = listSearch(core.db, 'contact', 'c');
    const found = search.forPage('zed', 100, 1_000)!;
    expect(found.term.how).toBe('walk');
    const [walkSql] = contactsRepo(core.db).pageSql('name', 'asc', undefined, 'walk');
    expect(
      search.within(found.patience, () => core.db.prepare(walkSql!).all({ searchText: 'zed', limit: 100, offset: 0 })),
    ).toBeNull();
    const zeds = (await readAll(core, 'contacts.list', {}, 500)).ids.filter((id) =>
      indexed(core, 'contact', 'zed').has(id),
    );
    expect((await readAll(core, 'contacts.list', { search: 'zed' }, 100)).ids).toEqual(zeds);
  });

  it('a sift that walks past the rows a read would cost gives way to the read, with the same rows', async () => {
    const core = await openCore(tempDir());
    const contacts = contactsRepo(core.db);
    const now = '2026-01-01T00:00:00.000Z';
    // One in 40 is a "Zed", last in the phone book: too few for a sift of every row to beat a read, and all of them after the others.
    core.db.transaction(() => {
      for (let i = 0; i < 1_300; i++)
        contacts.create(
          { name: i % 40 === 0 ? `Zed Lund ${i}` : `Anna Berg ${i}`, email: '', phone: '', company: '', notes: '' },
          now,
        );
    })();
    // A count capped at 10 makes the 33 Zeds "many" here, and no read quick, as 30,000 among 1,000,000.
    const search = listSearch(core.db, 'contact', 'c', { quickRead: 0 });
    expect(listSearch(core.db, 'contact', 'c').forPage('zed', 5, 10)!.term.how).toBe('read');
    const found = search.forPage('zed', 5, 10)!;
    expect([found.term.how, found.term.where.includes('sift_step'), found.fallback?.term.how]).toEqual([
      'sift',
      true,
      'read',
    ]);
    const [watchedSql] = contactsRepo(core.db).pageSql('name', 'asc', undefined, 'watchedSift');
    const page = { ...found.term.params, limit: 5, offset: 0 };
    expect(search.within(found.patience, () => core.db.prepare(watchedSql!).all(page))).toBeNull();
    // Unwatched, the same sift reaches the Zeds, as the read does.
    const [readSql] = contactsRepo(core.db).pageSql('name', 'asc', undefined, 'read');
    const read = core.db.prepare(readSql!).all(page);
    expect(read).toHaveLength(5);
    expect(core.db.prepare(watchedSql!).all(page)).toEqual(read);
    const zeds = (await readAll(core, 'contacts.list', {}, 500)).ids.filter((id) =>
      indexed(core, 'contact', 'zed').has(id),
    );
    expect((await readAll(core, 'contacts.list', { search: 'zed' }, 10)).ids).toEqual(zeds);
  });

  it('a word most matches begin a name with reads their run of the name index; with the few others, every page holds the matches in order', async () => {
    const core = await openCore(tempDir());
    const contacts = contactsRepo(core.db);
    const companies = companiesRepo(core.db);
    const random = seededRandom(5);
    const now = '2026-01-01T00:00:00.000Z';
    const firsts = ['James', 'Jamal', 'Jamie', 'Jamila', 'Jámes'];
    // Names the index reads from their first word, whatever comes before it; "Ｊamie" is filed under "jam" but the index reads it otherwise.
    const odd = ['™ James', '\u0903James', '“Jamie” Fox', '🚀 Jam', 'Ｊamie Wide', 'ⓙam Circle', 'O’Jam'];
    core.db.transaction(() => {
      for (let i = 0; i < 3_000; i++) {
        contacts.create(
          {
            name: `${random.pick(['Anna', 'Zed', 'Björn', 'Maja'])} ${random.pick(['Berg', 'Lund'])} ${i}`,
            email: '',
            phone: '',
            company: '',
            notes: '',
          },
          now,
        );
        companies.create(
          {
            name: `${random.pick(['Apex', 'Zephyr'])} ${i}`,
            website: '',
            phone: '',
            address: '',
            industry: '',
            notes: '',
          },
          now,
        );
      }
      for (let i = 0; i < 1_100; i++) {
        contacts.create(
          {
            name: `${random.pick(firsts)} ${random.pick(['Berg', 'Lund'])} ${i}`,
            email: '',
            phone: '',
            company: '',
            notes: '',
          },
          now,
        );
        companies.create(
          {
            name: `${random.pick(firsts)} Holdings ${i}`,
            website: '',
            phone: '',
            address: '',
            industry: '',
            notes: '',
          },
          now,
        );
      }
      // Matches elsewhere in the order: a later word, an email, a company, a note.
      for (let i = 0; i < 40; i++) {
        const [name = '', email = '', company = '', notes = ''] = [
          [`Anna Jameson ${i}`, '', '', ''],
          [`Zed Lund x${i}`, `jam${i}@mail.example`, '', ''],
          [`Maja Berg x${i}`, '', 'Jam Factory', ''],
          [`Björn Lund x${i}`, '', '', 'jam session'],
        ][i % 4]!;
        contacts.create({ name, email, phone: '', company, notes }, now);
        companies.create(
          { name: `Zephyr Jam ${i}`, website: '', phone: '', address: '', industry: '', notes: '' },
          now,
        );
      }
      for (const name of odd) contacts.create({ name, email: '', phone: '', company: '', notes: '' }, now);
    })();
    const trashed = (await call(core, 'contacts.list', { search: 'jamal', limit: 5 })).rows.map((row) => row.id);
    for (const id of trashed) await call(core, 'contacts.delete', { id });
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    const everyone = (await readAll(core, 'contacts.list', {}, 500)).ids;
    await call(core, 'bulk.apply', {
      kind: 'contact',
      ids: everyone.filter((id) => id % 3 !== 0),
      action: { type: 'addTag', tagId: vip.id },
    });

    for (const [channel, kind] of [
      ['contacts.list', 'contact'],
      ['companies.list', 'company'],
    ] as const) {
      const search = listSearch(core.db, kind, 'x', { titleKey: 'x.name_sort' });
      // As typed in a hurry: capitals, a dash, an emoji the index reads as nothing.
      for (const typed of ['jam', 'Jam', 'JAM-', '🚀 jam'])
        expect(search.forPage(typed, 100, 1_000, true)?.term.how, `${kind} “${typed}”`).toBe('run');
      expect(search.forPage('jam', 100, 1_000, false)?.term.how, kind).not.toBe('run');
      // A word the index reads as more than letters a–z, or as two words, has no run to read ("jám" is "jam" to it).
      for (const typed of ['øre', 'jam 1', '7', "o'b"]) expect(search.run(typed), typed).toBeNull();
      expect(search.run('jám')?.params.runLow).toBe('jam');
      for (const direction of ['asc', 'desc'] as const) {
        const order = (await readAll(core, channel, { sort: 'name', direction }, 500)).ids;
        for (const typed of ['jam', 'JAMI', 'Jam-', 'j']) {
          const matching = indexed(core, kind, typed);
          const { ids, counts } = await readAll(core, channel, { sort: 'name', direction, search: typed }, 100);
          expect(ids, `${kind} ${direction} “${typed}”`).toEqual(order.filter((id) => matching.has(id)));
          expect(counts.at(-1), `${kind} ${direction} “${typed}”`).toEqual({ total: matching.size, more: false });
        }
      }
    }
    // Every odd name that matches is found where the list files it; "Ｊamie Wide", filed among them, and "ⓙam Circle" are not matches.
    const jam = indexed(core, 'contact', 'jam');
    const found = (await readAll(core, 'contacts.list', { search: 'jam' }, 100)).ids;
    const named = (ids: number[]) =>
      ids.map((id) => contacts.get(id)?.name).filter((name) => name !== undefined && odd.includes(name));
    expect(named(found).sort()).toEqual(odd.filter((name) => !['Ｊamie Wide', 'ⓙam Circle'].includes(name)).sort());
    expect(found).toEqual(everyone.filter((id) => jam.has(id) && !trashed.includes(id)));
    // With a tag too, both ways.
    const tagged = new Set(everyone.filter((id) => id % 3 !== 0));
    for (const direction of ['asc', 'desc'] as const) {
      const order = (await readAll(core, 'contacts.list', { sort: 'name', direction }, 500)).ids;
      const query = { sort: 'name' as const, direction, search: 'jam', tagIds: [vip.id] };
      expect((await readAll(core, 'contacts.list', query, 100)).ids).toEqual(
        order.filter((id) => tagged.has(id) && jam.has(id)),
      );
    }
  });

  it('a run read that tests too many rows the index reads otherwise gives way to the planned read, with the same rows', async () => {
    const core = await openCore(tempDir());
    const contacts = contactsRepo(core.db);
    const now = '2026-01-01T00:00:00.000Z';
    // 1,200 "Ｊama" are filed under "jam" but do not match it, ahead of the 1,100 Jameses that do.
    core.db.transaction(() => {
      for (let i = 0; i < 3_000; i++)
        contacts.create({ name: `Anna Berg ${i}`, email: '', phone: '', company: '', notes: '' }, now);
      for (let i = 0; i < 1_200; i++)
        contacts.create({ name: `Ｊama ${i}`, email: '', phone: '', company: '', notes: '' }, now);
      for (let i = 0; i < 1_100; i++)
        contacts.create({ name: `James ${i}`, email: '', phone: '', company: '', notes: '' }, now);
      for (let i = 0; i < 30; i++)
        contacts.create({ name: `Anna Jameson ${i}`, email: '', phone: '', company: '', notes: '' }, now);
    })();
    const search = listSearch(core.db, 'contact', 'c', { titleKey: 'c.name_sort', quickRead: 0 });
    const found = search.forPage('jam', 100, 1_000, true)!;
    expect([found.term.how, found.fallback?.term.how]).toEqual(['run', 'walk']);
    const [runSql] = contactsRepo(core.db).pageSql('name', 'asc', undefined, 'run');
    const page = { ...found.term.params, runReach: 100, limit: 100, offset: 0 };
    expect(search.within(found.patience, () => core.db.prepare(runSql!).all(page))).toBeNull();
    // Unwatched, the run finds the page the list shows.
    const jam = indexed(core, 'contact', 'jam');
    const matches = (await readAll(core, 'contacts.list', {}, 500)).ids.filter((id) => jam.has(id));
    expect((core.db.prepare(runSql!).all(page) as Array<{ id: number }>).map((row) => row.id)).toEqual(
      matches.slice(0, 100),
    );
    expect((await readAll(core, 'contacts.list', { search: 'jam' }, 100)).ids).toEqual(matches);
  });

  it('a search with nothing to look for matches nothing, counted and paged', async () => {
    const core = await openCore(tempDir());
    seedContacts(core, 50);
    for (const channel of ['contacts.list', 'deals.list'] satisfies ChannelName[]) {
      const page = await call(core, channel as 'contacts.list', { search: '%', limit: 100 });
      expect({ total: page.total, more: page.more, rows: page.rows.length }).toEqual({
        total: 0,
        more: false,
        rows: 0,
      });
    }
    expect((await call(core, 'bulk.count', { list: { kind: 'contact', query: { search: '%' } } })).total).toBe(0);
  });
});
