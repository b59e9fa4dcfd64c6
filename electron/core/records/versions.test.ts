import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/contract';
import { call, failure, smallCrm, update } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';

type Changed = EventPayload<'records.changed'>;

describe('record versions: a stale form never overwrites newer data', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('refuses a contact saved from before a bulk edit, in words, and changes nothing', async () => {
    const core = await openCore(tempDir());
    const { anna, globex } = await smallCrm(core);
    // The panel was filled from this version; then the bulk bar moved her to Globex.
    await call(core, 'bulk.apply', {
      kind: 'contact',
      ids: [anna.id],
      action: { type: 'set', field: 'companyId', value: globex.id },
    });
    const stale = {
      id: anna.id,
      version: anna.version,
      name: anna.name,
      email: anna.email,
      phone: '+46 70 123',
      company: anna.company,
      notes: '',
    };
    const refused = await failure(core, 'contacts.update', stale);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/“Anna Berg” was changed since you opened it.*review the changes/);
    expect(await call(core, 'contacts.get', { id: anna.id })).toMatchObject({
      company: 'Globex',
      companyId: globex.id,
      phone: '',
    });
    // From the version the core has now, the same save goes through and keeps the new company.
    const fresh = await call(core, 'contacts.get', { id: anna.id });
    expect(
      await call(core, 'contacts.update', { ...stale, version: fresh.version, company: fresh.company }),
    ).toMatchObject({ company: 'Globex', phone: '+46 70 123' });
  });

  it('refuses a deal saved from before it was moved on the board, so the move stands', async () => {
    const core = await openCore(tempDir());
    const { renewal } = await smallCrm(core);
    const stages = (await call(core, 'stages.list', {})).stages;
    const won = stages.find((stage) => stage.kind === 'won')!;
    await call(core, 'deals.move', { id: renewal.id, stageId: won.id, index: 0 });
    expect(
      await failure(core, 'deals.update', {
        id: renewal.id,
        version: renewal.version,
        notes: 'Call on Monday',
        stageId: renewal.stageId,
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(await call(core, 'deals.get', { id: renewal.id })).toMatchObject({ stageId: won.id, notes: '' });
  });

  it('refuses stale companies and activities too, and a tag or custom value counts as a change', async () => {
    const core = await openCore(tempDir());
    const { acme, call1 } = await smallCrm(core);
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    await call(core, 'tags.link', { record: { kind: 'company', id: acme.id }, tagId: vip.id });
    expect(await failure(core, 'companies.update', { id: acme.id, version: acme.version, notes: 'x' })).toMatchObject({
      code: 'CONFLICT',
    });
    await update(core, 'activities.update', { id: call1.id, subject: 'First call' });
    const staleActivity = await failure(core, 'activities.update', {
      id: call1.id,
      version: call1.version,
      subject: 'Intro',
    });
    expect(staleActivity.code).toBe('CONFLICT');
    expect(staleActivity.message).toMatch(/^“First call” was changed since you opened it/);
    expect(await call(core, 'activities.get', { id: call1.id })).toMatchObject({ subject: 'First call' });
  });

  it('a record that is gone answers NOT_FOUND, not CONFLICT', async () => {
    const core = await openCore(tempDir());
    const { bob } = await smallCrm(core);
    await call(core, 'contacts.delete', { id: bob.id });
    expect(await failure(core, 'contacts.update', { id: bob.id, version: bob.version, name: 'Bob' })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('records.changed: the window hears of every record a request changed', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  async function listening() {
    const heard: Changed[] = [];
    const core = await openCore(tempDir(), {
      emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
        if (event === 'records.changed') heard.push(payload as Changed);
      },
    });
    return { core, heard };
  }

  it('names the records each request created, changed or removed, whatever the path', async () => {
    const { core, heard } = await listening();
    const { anna, bob, carl, acme, globex, renewal } = await smallCrm(core);
    heard.length = 0;

    await call(core, 'bulk.apply', {
      kind: 'contact',
      ids: [anna.id, bob.id],
      action: { type: 'set', field: 'company', value: 'Initech' },
    });
    expect(heard.pop()).toEqual({
      records: [
        { kind: 'contact', id: anna.id },
        { kind: 'contact', id: bob.id },
      ],
      kinds: ['contact'],
      complete: true,
    });

    const stages = (await call(core, 'stages.list', {})).stages;
    await call(core, 'deals.move', { id: renewal.id, stageId: stages[2]!.id, index: 0 });
    expect(heard.pop()?.records).toContainEqual({ kind: 'deal', id: renewal.id });

    const vip = await call(core, 'tags.create', { name: 'VIP' });
    await call(core, 'tags.link', { record: { kind: 'company', id: acme.id }, tagId: vip.id });
    expect(heard.pop()?.records).toEqual([{ kind: 'company', id: acme.id }]);

    // A company deleted with its people kept: the company, and the people it let go.
    await call(core, 'companies.delete', { id: globex.id, contacts: 'detach' });
    expect(heard.pop()?.records).toEqual(
      expect.arrayContaining([
        { kind: 'company', id: globex.id },
        { kind: 'contact', id: carl.id },
      ]),
    );
  });

  it('says nothing for a request that failed or only read', async () => {
    const { core, heard } = await listening();
    const { anna } = await smallCrm(core);
    heard.length = 0;
    await failure(core, 'contacts.update', { id: anna.id, version: anna.version + 5, name: 'Anna' });
    await failure(core, 'contacts.create', { name: '' });
    await call(core, 'contacts.list', {});
    await call(core, 'contacts.get', { id: anna.id });
    expect(heard).toEqual([]);
  });

  it('past 500 records names the first 500 and says the list is not complete', async () => {
    const { core, heard } = await listening();
    const ids: number[] = [];
    for (let index = 0; index < 520; index++)
      ids.push((await call(core, 'contacts.create', { name: `Person ${index}` })).id);
    heard.length = 0;
    await call(core, 'bulk.apply', {
      kind: 'contact',
      ids,
      action: { type: 'set', field: 'company', value: 'Initech' },
    });
    const event = heard.pop()!;
    expect(event).toMatchObject({ kinds: ['contact'], complete: false });
    expect(event.records).toHaveLength(500);
  });
});
