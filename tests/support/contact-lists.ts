import type { ContactListRequest } from '../../shared/schemas/contact';
import type { Tag } from '../../shared/schemas/tag';
import { call, type TestCore } from './crm';
import { seedContacts } from './seed-contacts';

/** A contact list as the screen asks for it: sort, direction, search and filters, without the page. */
export type ContactListQuery = Omit<ContactListRequest, 'offset' | 'limit'>;

const pageSize = 500;

/**
 * Every id of a contact list query, in the list's own order, read page by
 * page through contacts.list. It stops at a short page, not at the total: a
 * search counts only up to 1,000 matches.
 */
export async function contactOrder(core: TestCore, query: ContactListQuery): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await call(core, 'contacts.list', { ...query, offset, limit: pageSize });
    ids.push(...page.rows.map((row) => row.id));
    if (page.rows.length < pageSize) return ids;
  }
}

/** `count` seeded contacts with every third of them (in name order) tagged VIP, so a tag filter has rows to keep and rows to drop. */
export async function seedContactsWithVip(core: TestCore, count: number): Promise<Tag> {
  seedContacts(core, count);
  const vip = await call(core, 'tags.create', { name: 'VIP' });
  const everyThird = (await contactOrder(core, {})).filter((_, index) => index % 3 === 0);
  await call(core, 'bulk.apply', { kind: 'contact', ids: everyThird, action: { type: 'addTag', tagId: vip.id } });
  return vip;
}
