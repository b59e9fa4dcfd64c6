import { describe, expect, it } from 'vitest';
import { call, count, danglingKeys, failure, update } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { samples } from '../../../tests/support/sample-files';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { upload } from '../../../tests/support/upload';
import type { Core } from '../core';
import { companyNameKey, editDistance, nameKey, phoneKey } from './keys';
import { similarNameClusters } from './find';
import { anyNumber, objectContaining } from '../../../tests/support/matchers';

describe('duplicate keys', () => {
  it('normalise names, company names and phone numbers for matching', () => {
    expect(nameKey('  José   ÁLVAREZ ')).toBe('jose alvarez');
    expect(nameKey('Søren Łukasz Weiß')).toBe('soren lukasz weiss');
    expect(companyNameKey('Acme, Inc.')).toBe('acme');
    expect(companyNameKey('ACME Ltd')).toBe('acme');
    expect(companyNameKey('Dupont S.à r.l.')).toBe('dupont');
    expect(companyNameKey('Co')).toBe('co');
    expect(phoneKey('+46 70-123 45 67')).toBe(phoneKey('070 1234567'));
    expect(phoneKey('123 45')).toBeNull();
    expect(editDistance('jon smith', 'john smith', 1)).toBe(1);
    expect(editDistance('jhon', 'john', 1)).toBe(1);
    expect(editDistance('anna', 'hanne', 1)).toBe(2);
    expect(similarNameClusters(['jon smith', 'john smith', 'joan smith', 'anna berg', 'ana berg', 'zed'])).toEqual([
      ['ana berg', 'anna berg'],
      ['joan smith', 'john smith', 'jon smith'],
    ]);
  });
});

describe('duplicates', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('finds contacts with the same email, phone or name, or a name one typo apart', async () => {
    const core = await openCore(tempDir());
    const add = (name: string, email = '', phone = '') => call(core, 'contacts.create', { name, email, phone });
    await add('Anna Berg', 'anna@berg.se');
    await add('Anna B.', 'ANNA@berg.se');
    await add('Bob Stone', '', '+46 70 123 45 67');
    await add('Robert Stone', '', '070-123 45 67');
    await add('José Álvarez');
    await add('jose  alvarez');
    await add('Jon Smith');
    await add('John Smith');
    await add('Carl Unique', 'carl@x.se', '555 1234');
    const page = await call(core, 'duplicates.find', { kind: 'contact' });
    expect(page.total).toBe(4);
    expect(page.groups.map((group) => [group.reason, group.records.map((record) => record.name)])).toEqual([
      ['email', ['Anna Berg', 'Anna B.']],
      ['phone', ['Bob Stone', 'Robert Stone']],
      ['name', ['José Álvarez', 'jose  alvarez']],
      ['similarName', ['John Smith', 'Jon Smith']],
    ]);
    expect((await call(core, 'duplicates.find', { kind: 'contact', offset: 3, limit: 1 })).groups).toHaveLength(1);
  });

  it('finds companies under another legal form or punctuation', async () => {
    const core = await openCore(tempDir());
    await call(core, 'companies.create', { name: 'Acme Ltd' });
    await call(core, 'companies.create', { name: 'ACME' });
    await call(core, 'companies.create', { name: 'Globex' });
    const page = await call(core, 'duplicates.find', { kind: 'company' });
    expect(page.groups.map((group) => [group.reason, group.size])).toEqual([['name', 2]]);
  });

  function tally(core: Core, table: string, column: string, id: number): number {
    return count(core, `SELECT count(*) FROM ${table} WHERE ${column} = ?`, id);
  }

  it('merging two contacts keeps every activity, attachment, tag, deal, value and history entry of both; the other goes to the trash', async () => {
    const core = await openCore(tempDir());
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    const hot = await call(core, 'tags.create', { name: 'Hot' });
    const shoe = await call(core, 'customFields.create', { kind: 'contact', label: 'Shoe', type: 'number' });
    const keep = await call(core, 'contacts.create', { name: 'Anna Berg', email: 'anna@berg.se', tagIds: [vip.id] });
    const merge = await call(core, 'contacts.create', {
      name: 'Anna B.',
      phone: '070 123 45 67',
      notes: 'Met at the fair',
      tagIds: [vip.id, hot.id],
      custom: { [shoe.id]: 38 },
    });
    await update(core, 'contacts.update', {
      id: merge.id,
      name: 'Anna B.',
      phone: '070 123 45 67',
      notes: 'Met at the fair, likes tea',
    });
    for (const id of [keep.id, merge.id, merge.id])
      await call(core, 'activities.create', { kind: 'note', body: `Note on ${id}`, contactId: id });
    await call(core, 'deals.create', { title: 'Deal of the merged one', contactId: merge.id });
    for (const [id, name] of [
      [keep.id, 'a.txt'],
      [merge.id, 'b.pdf'],
    ] as const)
      expect((await upload(core, id, name, name.endsWith('pdf') ? samples.pdf : samples.text)).ok).toBe(true);

    const before = {
      activities: tally(core, 'activities', 'contact_id', keep.id) + tally(core, 'activities', 'contact_id', merge.id),
      attachments:
        tally(core, 'attachments', 'contact_id', keep.id) + tally(core, 'attachments', 'contact_id', merge.id),
      deals: tally(core, 'deals', 'contact_id', keep.id) + tally(core, 'deals', 'contact_id', merge.id),
      history:
        tally(core, 'record_history', 'contact_id', keep.id) + tally(core, 'record_history', 'contact_id', merge.id),
    };
    const result = await call(core, 'duplicates.merge', { kind: 'contact', keepId: keep.id, mergeId: merge.id });
    expect(result).toEqual({ id: keep.id, trashId: anyNumber() });

    expect(tally(core, 'activities', 'contact_id', keep.id)).toBe(before.activities);
    expect(tally(core, 'attachments', 'contact_id', keep.id)).toBe(before.attachments);
    expect(tally(core, 'deals', 'contact_id', keep.id)).toBe(before.deals);
    expect(tally(core, 'record_history', 'contact_id', keep.id)).toBeGreaterThanOrEqual(before.history + 1);
    const kept = await call(core, 'contacts.get', { id: keep.id });
    expect(kept).toMatchObject({
      name: 'Anna Berg',
      email: 'anna@berg.se',
      phone: '070 123 45 67',
      notes: 'Met at the fair, likes tea',
      tagIds: [vip.id, hot.id],
      custom: { [shoe.id]: 38 },
    });
    expect(await failure(core, 'contacts.get', { id: merge.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await call(core, 'trash.list', {})).toMatchObject({
      rows: [{ id: result.trashId, label: 'Anna B. (merged into Anna Berg)' }],
    });
    const mergedHistory = core.db
      .prepare("SELECT old_value, new_value FROM record_history WHERE contact_id = ? AND action = 'merged'")
      .all(merge.id);
    expect(mergedHistory).toEqual([{ old_value: 'Anna B.', new_value: 'Anna Berg' }]);
    expect(
      (await call(core, 'timeline.list', { record: { kind: 'contact', id: keep.id } })).entries.some(
        (entry) => entry.type === 'change' && entry.change.action === 'merged',
      ),
    ).toBe(true);
    expect((await call(core, 'duplicates.find', { kind: 'contact' })).total).toBe(0);
    expect(danglingKeys(core)).toEqual([]);
  });

  it('merging two companies moves their people, deals, activities and files', async () => {
    const core = await openCore(tempDir());
    const keep = await call(core, 'companies.create', { name: 'Acme Ltd' });
    const merge = await call(core, 'companies.create', { name: 'ACME', website: 'acme.example' });
    const anna = await call(core, 'contacts.create', { name: 'Anna', companyId: merge.id });
    await call(core, 'deals.create', { title: 'Deal', companyId: merge.id });
    await call(core, 'activities.create', { kind: 'note', body: 'x', companyId: merge.id });
    await call(core, 'duplicates.merge', { kind: 'company', keepId: keep.id, mergeId: merge.id });
    expect(await call(core, 'companies.get', { id: keep.id })).toMatchObject({
      website: 'acme.example',
      contactCount: 1,
      dealCount: 1,
    });
    expect(await call(core, 'contacts.get', { id: anna.id })).toMatchObject({
      companyId: keep.id,
      company: 'Acme Ltd',
    });
    expect((await call(core, 'activities.list', { record: { kind: 'company', id: keep.id } })).total).toBe(1);
    expect(
      await failure(core, 'duplicates.merge', { kind: 'company', keepId: keep.id, mergeId: keep.id }),
    ).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'mergeId' }] } });
    expect(danglingKeys(core)).toEqual([]);
  });

  it('a merged-away contact restored comes back on its own: the trash and the restore say its activities, deals and files stay with the one it was merged into', async () => {
    const core = await openCore(tempDir());
    const keep = await call(core, 'contacts.create', { name: 'Anna Berg', email: 'anna@berg.se' });
    const merge = await call(core, 'contacts.create', {
      name: 'Anna Lind',
      email: 'ANNA@berg.se',
      phone: '070 123 45 67',
    });
    const note = await call(core, 'activities.create', { kind: 'note', body: 'Likes tea', contactId: merge.id });
    const deal = await call(core, 'deals.create', { title: 'Tea order', contactId: merge.id });
    expect((await upload(core, merge.id, 'tea.txt', samples.text)).ok).toBe(true);
    const { trashId } = await call(core, 'duplicates.merge', { kind: 'contact', keepId: keep.id, mergeId: merge.id });
    await update(core, 'contacts.update', { id: keep.id, name: 'Anna Berg-Lind', email: 'anna@berg.se' });

    expect((await call(core, 'trash.list', {})).rows).toEqual([
      objectContaining({
        id: trashId,
        label: 'Anna Lind (merged into Anna Berg)',
        counts: { contact: 1, company: 0, deal: 0, activity: 0 },
        mergedInto: { id: keep.id, name: 'Anna Berg-Lind' },
      }),
    ]);
    // Deleting it for good takes only the merged-away record itself.
    const preview = await call(core, 'trash.preview', { trashId });
    expect(preview.goes).toMatchObject({
      records: [{ kind: 'contact', name: 'Anna Lind' }],
      activities: { note: 0, call: 0, meeting: 0, email: 0, task: 0 },
      files: 0,
    });
    expect(preview.stays.total).toBe(0);

    expect(await call(core, 'trash.restore', { trashId })).toEqual({
      trashId,
      counts: { contact: 1, company: 0, deal: 0, activity: 0 },
      record: { kind: 'contact', id: merge.id },
      mergedInto: { id: keep.id, name: 'Anna Berg-Lind' },
    });
    expect(await call(core, 'contacts.get', { id: merge.id })).toMatchObject({
      name: 'Anna Lind',
      phone: '070 123 45 67',
    });
    expect(await call(core, 'activities.get', { id: note.id })).toMatchObject({ contact: { id: keep.id } });
    expect(await call(core, 'deals.get', { id: deal.id })).toMatchObject({ contactId: keep.id });
    expect(
      (await call(core, 'attachments.list', { record: { kind: 'contact', id: keep.id } })).attachments,
    ).toHaveLength(1);
    expect(
      (await call(core, 'attachments.list', { record: { kind: 'contact', id: merge.id } })).attachments,
    ).toHaveLength(0);
    expect(danglingKeys(core)).toEqual([]);
  });

  it('an ordinary delete names no record it was merged into', async () => {
    const core = await openCore(tempDir());
    const anna = await call(core, 'contacts.create', { name: 'Anna Berg' });
    const { trashId } = await call(core, 'contacts.delete', { id: anna.id });
    expect((await call(core, 'trash.list', {})).rows[0]).toMatchObject({ mergedInto: null });
    expect(await call(core, 'trash.restore', { trashId })).toMatchObject({ mergedInto: null });
  });

  it('a merge after either record was deleted meanwhile changes nothing and names the side that is gone', async () => {
    const core = await openCore(tempDir());
    const keep = await call(core, 'contacts.create', { name: 'Anna Berg', email: 'anna@berg.se' });
    const merge = await call(core, 'contacts.create', {
      name: 'Anna Lind',
      email: 'ANNA@berg.se',
      phone: '070 123 45 67',
    });
    await call(core, 'contacts.delete', { id: merge.id });
    expect(
      await failure(core, 'duplicates.merge', { kind: 'contact', keepId: keep.id, mergeId: merge.id }),
    ).toMatchObject({ code: 'NOT_FOUND', details: { fields: [{ field: 'mergeId' }] } });
    expect(await call(core, 'contacts.get', { id: keep.id })).toMatchObject({ phone: '' });
    const other = await call(core, 'contacts.create', { name: 'Anna B.', email: 'anna@berg.se' });
    await call(core, 'contacts.delete', { id: keep.id });
    expect(
      await failure(core, 'duplicates.merge', { kind: 'contact', keepId: keep.id, mergeId: other.id }),
    ).toMatchObject({ code: 'NOT_FOUND', details: { fields: [{ field: 'keepId' }] } });
    expect((await call(core, 'trash.list', {})).total).toBe(2);
  });
});
