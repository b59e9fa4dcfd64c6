import { describe, expect, it } from 'vitest';
import { call, count, failure, update } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';

describe('custom fields', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('are defined per kind in settings, reordered and deleted (their values with them; views that used them keep their filter)', async () => {
    const core = await openCore(tempDir());
    const size = await call(core, 'customFields.create', {
      kind: 'company',
      label: 'Size',
      type: 'choice',
      choices: ['Small', 'Large'],
    });
    const founded = await call(core, 'customFields.create', { kind: 'company', label: 'Founded', type: 'date' });
    await call(core, 'customFields.create', { kind: 'contact', label: 'Birthday', type: 'date' });
    expect(await failure(core, 'customFields.create', { kind: 'company', label: 'size', type: 'text' })).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'label' }] },
    });
    expect(
      await failure(core, 'customFields.create', { kind: 'company', label: 'Tier', type: 'choice' }),
    ).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'choices' }] } });
    expect(
      (await call(core, 'customFields.reorder', { kind: 'company', ids: [founded.id, size.id] })).fields.map(
        (field) => field.label,
      ),
    ).toEqual(['Founded', 'Size']);
    expect((await call(core, 'customFields.list', {})).fields).toHaveLength(3);

    const acme = await call(core, 'companies.create', {
      name: 'Acme',
      custom: { [size.id]: 'large', [founded.id]: '1999-05-01' },
    });
    expect(acme.custom).toEqual({ [size.id]: 'Large', [founded.id]: '1999-05-01' });
    await call(core, 'views.create', {
      kind: 'company',
      name: 'Big',
      query: { custom: [{ fieldId: size.id, op: 'eq', value: 'Large' }] },
    });
    await call(core, 'customFields.delete', { id: size.id });
    expect((await call(core, 'companies.get', { id: acme.id })).custom).toEqual({ [founded.id]: '1999-05-01' });
    expect((await call(core, 'views.list', { kind: 'company' })).views[0]?.query).toMatchObject({
      custom: [{ fieldId: size.id, op: 'eq', value: 'Large' }],
    });
  });

  it('check each value against its type, with the field named', async () => {
    const core = await openCore(tempDir());
    const budget = await call(core, 'customFields.create', { kind: 'deal', label: 'Budget', type: 'number' });
    const due = await call(core, 'customFields.create', { kind: 'deal', label: 'Signed on', type: 'date' });
    const source = await call(core, 'customFields.create', {
      kind: 'deal',
      label: 'Source',
      type: 'choice',
      choices: ['Web', 'Fair'],
    });
    const code = await call(core, 'customFields.create', { kind: 'deal', label: 'Code', type: 'text' });
    const other = await call(core, 'customFields.create', { kind: 'contact', label: 'Shoe size', type: 'number' });
    for (const [values, field] of [
      [{ [budget.id]: 'lots' }, `custom.${budget.id}`],
      [{ [due.id]: '2026-13-01' }, `custom.${due.id}`],
      [{ [source.id]: 'Radio' }, `custom.${source.id}`],
      [{ [code.id]: 7 }, `custom.${code.id}`],
    ] as const) {
      expect(await failure(core, 'deals.create', { title: 'x', custom: values })).toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ field }] },
      });
    }
    expect(await failure(core, 'deals.create', { title: 'x', custom: { [other.id]: 42 } })).toMatchObject({
      code: 'NOT_FOUND',
      details: { fields: [{ field: `custom.${other.id}` }] },
    });
    const deal = await call(core, 'deals.create', { title: 'x', custom: { [budget.id]: 1200.5, [code.id]: '007' } });
    expect(deal.custom).toEqual({ [budget.id]: 1200.5, [code.id]: '007' });
    const cleared = await update(core, 'deals.update', { id: deal.id, custom: { [budget.id]: null, [code.id]: '' } });
    expect(cleared.custom).toEqual({});
  });

  it('filter lists: equal, contains, before/after, empty', async () => {
    const core = await openCore(tempDir());
    const budget = await call(core, 'customFields.create', { kind: 'contact', label: 'Budget', type: 'number' });
    const city = await call(core, 'customFields.create', { kind: 'contact', label: 'City', type: 'text' });
    await call(core, 'contacts.create', { name: 'Anna', custom: { [budget.id]: 500, [city.id]: 'Göteborg' } });
    await call(core, 'contacts.create', { name: 'Bob', custom: { [budget.id]: 1500, [city.id]: 'Stockholm' } });
    await call(core, 'contacts.create', { name: 'Carl' });
    const names = async (
      custom: Array<{
        fieldId: number;
        op: 'eq' | 'contains' | 'lt' | 'lte' | 'gt' | 'gte' | 'empty' | 'notEmpty';
        value?: string | number;
      }>,
    ) => (await call(core, 'contacts.list', { custom })).rows.map((row) => row.name);
    expect(await names([{ fieldId: budget.id, op: 'gt', value: 1000 }])).toEqual(['Bob']);
    expect(await names([{ fieldId: budget.id, op: 'lte', value: 1500 }])).toEqual(['Anna', 'Bob']);
    expect(await names([{ fieldId: city.id, op: 'eq', value: 'stockholm' }])).toEqual(['Bob']);
    expect(await names([{ fieldId: city.id, op: 'contains', value: 'borg' }])).toEqual(['Anna']);
    expect(await names([{ fieldId: city.id, op: 'empty' }])).toEqual(['Carl']);
    expect(
      await names([
        { fieldId: budget.id, op: 'notEmpty' },
        { fieldId: city.id, op: 'contains', value: 'o' },
      ]),
    ).toEqual(['Anna', 'Bob']);
    expect(
      await failure(core, 'contacts.list', { custom: [{ fieldId: city.id, op: 'gt', value: 'a' }] }),
    ).toMatchObject({ code: 'VALIDATION' });
    expect(
      await failure(core, 'contacts.list', { custom: [{ fieldId: budget.id, op: 'gt', value: 'a' }] }),
    ).toMatchObject({ code: 'VALIDATION' });
  });

  it('damaged stored choices are refused in words naming the field, not read as whatever they hold', async () => {
    const core = await openCore(tempDir());
    const tier = await call(core, 'customFields.create', {
      kind: 'contact',
      label: 'Tier',
      type: 'choice',
      choices: ['Gold', 'Silver'],
    });
    const damage = core.db.prepare('UPDATE custom_fields SET choices = ? WHERE id = ?');
    for (const damaged of ['["Gold", 3]', '{"Gold": true}', '["Gold"']) {
      // The table's CHECK keeps out what is not a JSON array; a damaged file does not ask it.
      core.db.pragma('ignore_check_constraints = ON');
      damage.run(damaged, tier.id);
      core.db.pragma('ignore_check_constraints = OFF');
      expect(await failure(core, 'customFields.list', { kind: 'contact' })).toMatchObject({
        code: 'STORAGE',
        message:
          'The list of choices of the custom field “Tier” is damaged. Restore a backup from before it was damaged.',
      });
    }
  });

  it('a choice still chosen on a record cannot be removed; others can', async () => {
    const core = await openCore(tempDir());
    const tier = await call(core, 'customFields.create', {
      kind: 'contact',
      label: 'Tier',
      type: 'choice',
      choices: ['Gold', 'Silver', 'Bronze'],
    });
    await call(core, 'contacts.create', { name: 'Anna', custom: { [tier.id]: 'Gold' } });
    expect(await failure(core, 'customFields.update', { id: tier.id, choices: ['Silver'] })).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'choices', message: '“Gold” is still chosen on 1 record; change it first.' }] },
    });
    expect(
      await call(core, 'customFields.update', { id: tier.id, label: 'Level', choices: ['Gold', 'Platinum'] }),
    ).toMatchObject({ label: 'Level', choices: ['Gold', 'Platinum'] });
  });

  it('renaming a choice renames it on every record (those in the trash too), in their history and in saved views, together', async () => {
    const core = await openCore(tempDir());
    const size = await call(core, 'customFields.create', {
      kind: 'company',
      label: 'Size',
      type: 'choice',
      choices: ['Small', 'Large'],
    });
    const key = String(size.id);
    const acme = await call(core, 'companies.create', { name: 'Acme', custom: { [key]: 'Large' } });
    const globex = await call(core, 'companies.create', { name: 'Globex', custom: { [key]: 'Large' } });
    const initech = await call(core, 'companies.create', { name: 'Initech', custom: { [key]: 'Small' } });
    const trashed = await call(core, 'companies.delete', { id: globex.id });
    const view = await call(core, 'views.create', {
      kind: 'company',
      name: 'Big',
      query: { custom: [{ fieldId: size.id, op: 'eq', value: 'Large' }] },
    });
    const renamedIn = (from: string, to: string) =>
      count(
        core,
        `SELECT count(*) FROM record_history WHERE field = 'custom.${size.id}' AND old_value = ? AND new_value = ?`,
        from,
        to,
      );

    // A change of capitals only is a rename: nothing shows "—" afterwards.
    expect(await call(core, 'customFields.update', { id: size.id, choices: ['Small', 'LARGE'] })).toMatchObject({
      choices: ['Small', 'LARGE'],
    });
    expect((await call(core, 'companies.get', { id: acme.id })).custom).toEqual({ [key]: 'LARGE' });
    expect(renamedIn('Large', 'LARGE')).toBe(2);
    await call(core, 'trash.restore', { trashId: trashed.trashId });
    expect((await call(core, 'companies.get', { id: globex.id })).custom).toEqual({ [key]: 'LARGE' });
    const [big] = (await call(core, 'views.list', { kind: 'company' })).views;
    expect(big).toMatchObject({
      id: view.id,
      query: { custom: [{ fieldId: size.id, op: 'eq', value: 'LARGE' }] },
      problems: [],
    });

    // A rename the settings form names explicitly, to a new word.
    await call(core, 'customFields.update', {
      id: size.id,
      choices: ['Small', 'Enterprise'],
      renames: [{ from: 'LARGE', to: 'Enterprise' }],
    });
    expect((await call(core, 'companies.get', { id: acme.id })).custom).toEqual({ [key]: 'Enterprise' });
    expect((await call(core, 'companies.get', { id: initech.id })).custom).toEqual({ [key]: 'Small' });
    expect(renamedIn('LARGE', 'Enterprise')).toBe(2);
    const page = await call(core, 'companies.list', {
      ...(await call(core, 'views.list', { kind: 'company' })).views[0]!.query,
    });
    expect(page.rows.map((row) => row.name)).toEqual(['Acme', 'Globex']);
  });

  it('a rename onto another choice, or of a choice that is not there, is refused in words and changes nothing', async () => {
    const core = await openCore(tempDir());
    const tier = await call(core, 'customFields.create', {
      kind: 'contact',
      label: 'Tier',
      type: 'choice',
      choices: ['Gold', 'Silver'],
    });
    const key = String(tier.id);
    await call(core, 'contacts.create', { name: 'Anna', custom: { [key]: 'Gold' } });
    await call(core, 'contacts.create', { name: 'Bob', custom: { [key]: 'Gold' } });
    const before = count(core, 'SELECT count(*) FROM record_history');

    expect(
      await failure(core, 'customFields.update', {
        id: tier.id,
        choices: ['Silver'],
        renames: [{ from: 'Gold', to: 'Silver' }],
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      details: {
        fields: [
          {
            field: 'renames',
            message: '“Gold” is chosen on 2 records and cannot become “Silver”, which is already a choice.',
          },
        ],
      },
    });
    expect(
      await failure(core, 'customFields.update', {
        id: tier.id,
        choices: ['Gold', 'Silver', 'Bronze'],
        renames: [{ from: 'Copper', to: 'Bronze' }],
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'renames', message: '“Copper” is not one of the choices of Tier.' }] },
    });
    expect(
      await failure(core, 'customFields.update', {
        id: tier.id,
        choices: ['Gold', 'Silver'],
        renames: [{ from: 'Gold', to: 'Platinum' }],
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'renames', message: '“Platinum” is not in the new list of choices.' }] },
    });
    expect((await call(core, 'customFields.list', { kind: 'contact' })).fields[0]!.choices).toEqual(['Gold', 'Silver']);
    expect(count(core, 'SELECT count(*) FROM contact_custom_values WHERE value = ?', 'Gold')).toBe(2);
    expect(count(core, 'SELECT count(*) FROM record_history')).toBe(before);
  });

  it('a number that cannot be stored exactly is refused, on a record, in a bulk change and in a filter', async () => {
    const core = await openCore(tempDir());
    const budget = await call(core, 'customFields.create', { kind: 'contact', label: 'Budget', type: 'number' });
    const key = String(budget.id);
    const tooLarge = 'Budget is too large to store exactly (at most 9,007,199,254,740,991).';
    for (const value of [12345678901234567000, -9_007_199_254_740_992, 1e300]) {
      expect(await failure(core, 'contacts.create', { name: 'Anna', custom: { [key]: value } })).toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ field: `custom.${key}`, message: tooLarge }] },
      });
    }
    const anna = await call(core, 'contacts.create', { name: 'Anna', custom: { [key]: 9_007_199_254_740_991 } });
    expect(anna.custom).toEqual({ [key]: 9_007_199_254_740_991 });
    expect(
      await failure(core, 'bulk.apply', {
        kind: 'contact',
        ids: [anna.id],
        action: { type: 'set', field: `custom.${key}`, value: 1e20 },
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'action.value', message: tooLarge }] },
    });
    expect(
      await failure(core, 'contacts.list', { custom: [{ fieldId: budget.id, op: 'gt', value: 1e19 }] }),
    ).toMatchObject({ code: 'VALIDATION' });
    expect((await call(core, 'contacts.get', { id: anna.id })).custom).toEqual({ [key]: 9_007_199_254_740_991 });
  });
});
