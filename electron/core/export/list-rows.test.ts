import { describe, expect, it } from 'vitest';
import type { ContactSortKey } from '../../../shared/schemas/contact';
import { ListSelector } from '../../../shared/schemas/bulk';
import { call } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { seedContacts } from '../../../tests/support/seed-contacts';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Core } from '../core';
import { listRows } from './list-rows';

/** Every id of a contact list query, in the list's own order, read page by page through contacts.list. */
async function contactOrder(core: Core, query: Record<string, unknown>): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await call(core, 'contacts.list', { ...query, offset, limit: 500 });
    ids.push(...page.rows.map((row) => row.id));
    if (page.rows.length < 500) return ids;
  }
}

describe('the rows of a list, a page at a time', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('are every row of the list in its order, across page boundaries, for searches, filters and sorts', async () => {
    const core = await openCore(tempDir());
    seedContacts(core, 900);
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    const everyThird = (await contactOrder(core, {})).filter((_, index) => index % 3 === 0);
    await call(core, 'bulk.apply', { kind: 'contact', ids: everyThird, action: { type: 'addTag', tagId: vip.id } });
    const queries: Array<{ sort: ContactSortKey; direction: 'asc' | 'desc'; tagIds?: number[]; search?: string }> = [
      { sort: 'name', direction: 'asc' },
      { sort: 'company', direction: 'desc' },
      { sort: 'email', direction: 'desc', tagIds: [vip.id] },
      { sort: 'updatedAt', direction: 'asc', search: 'example' },
      { sort: 'phone', direction: 'asc', search: 'berg' },
    ];
    for (const query of queries) {
      const order = await contactOrder(core, query);
      const list = ListSelector.parse({ kind: 'contact', query });
      const { total, pages } = listRows(core.db, list, {}, 64);
      const paged = [...pages];
      expect(total).toBe(order.length);
      expect(paged.flat()).toEqual(order);
      expect(paged.slice(0, -1).every((page) => page.length === 64)).toBe(true);

      // Ticked rows: only those, in the list's order, whatever order they were ticked in.
      const ticked = order.filter((_, index) => index % 7 === 2).reverse();
      const chosen = listRows(core.db, list, { only: [...ticked, 999_999] }, 64);
      expect([...chosen.pages].flat()).toEqual([...ticked].reverse());

      // A select-all less some: every other row, still in order.
      const unticked = listRows(core.db, list, { except: ticked }, 64);
      expect([...unticked.pages].flat()).toEqual(order.filter((id) => !ticked.includes(id)));
      expect(unticked.total).toBe(order.length - ticked.length);
    }
  });
});
