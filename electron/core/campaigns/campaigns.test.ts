import { describe, expect, it } from 'vitest';
import { call, count, failure } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { consentWriter } from '../contacts/consent';
import { addMembersMatching } from './add-members';

describe('campaigns', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('creates, reads, changes and deletes a campaign, saying how many members went with it', async () => {
    const clock = fixedClock('2026-03-10T09:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const spring = await call(core, 'campaigns.create', {
      name: '  Spring offer ',
      goal: 'Renewals',
      channel: 'email',
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      owner: 'Eva',
      budgetMinor: 50_000,
      currency: 'eur',
    });
    expect(spring).toMatchObject({
      name: 'Spring offer',
      goal: 'Renewals',
      channel: 'email',
      phase: 'running',
      members: 0,
      budgetMinor: 50_000,
      currency: 'EUR',
    });
    const later = await call(core, 'campaigns.create', { name: 'Autumn fair', channel: 'event' });
    expect(later).toMatchObject({ phase: 'planned', startsOn: null, budgetMinor: null, goal: '', owner: '' });
    expect((await call(core, 'campaigns.list', {})).campaigns.map((campaign) => campaign.name)).toEqual([
      'Autumn fair',
      'Spring offer',
    ]);

    clock.advance(60_000);
    const changed = await call(core, 'campaigns.update', {
      id: spring.id,
      updatedAt: spring.updatedAt,
      endsOn: '2026-03-05',
      budgetMinor: null,
    });
    expect(changed).toMatchObject({ name: 'Spring offer', endsOn: '2026-03-05', phase: 'ended', budgetMinor: null });
    const stale = await failure(core, 'campaigns.update', {
      id: spring.id,
      updatedAt: spring.updatedAt,
      name: 'Old form',
    });
    expect(stale.code).toBe('CONFLICT');

    const anna = await call(core, 'contacts.create', { name: 'Anna', email: 'anna@example.com' });
    await call(core, 'campaigns.addMembers', { campaignId: spring.id, contactIds: [anna.id] });
    expect(await call(core, 'campaigns.delete', { id: spring.id })).toEqual({ id: spring.id, membersRemoved: 1 });
    expect(count(core, 'SELECT count(*) FROM campaign_member_events')).toBe(0);
    expect((await failure(core, 'campaigns.get', { id: spring.id })).message).toBe(
      'This campaign no longer exists. It may have been deleted.',
    );
  });

  it('refuses a campaign without a name, with dates out of order, a negative budget or a bad channel', async () => {
    const core = await openCore(tempDir());
    expect((await failure(core, 'campaigns.create', { name: '   ' })).message).toContain('Please enter a name.');
    expect(
      (await failure(core, 'campaigns.create', { name: 'X', startsOn: '2026-04-01', endsOn: '2026-03-01' })).message,
    ).toContain('The end date is before the start date.');
    expect((await failure(core, 'campaigns.create', { name: 'X', budgetMinor: -1 })).message).toContain(
      'The budget cannot be negative.',
    );
    expect((await failure(core, 'campaigns.create', { name: 'X', channel: 'fax' as 'email' })).code).toBe('VALIDATION');
    expect((await failure(core, 'campaigns.create', { name: 'x'.repeat(201) })).message).toContain('Name is too long');
    const one = await call(core, 'campaigns.create', { name: 'One', startsOn: '2026-03-10' });
    expect((await failure(core, 'campaigns.update', { id: one.id, endsOn: '2026-03-01' })).message).toContain(
      'The end date is before the start date.',
    );
    expect(count(core, 'SELECT count(*) FROM campaigns')).toBe(1);
  });

  it('adds people once, leaves out the unsubscribed and do-not-contact and counts them, and records each addition', async () => {
    const core = await openCore(tempDir());
    const people = [];
    for (const name of ['Anna', 'Bo', 'Cleo', 'Dan'])
      people.push(await call(core, 'contacts.create', { name, email: `${name.toLowerCase()}@example.com` }));
    const [anna, bo, cleo, dan] = people as [
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
    ];
    const changeConsent = consentWriter(core.db);
    changeConsent({ contactId: bo.id, status: 'unsubscribed', source: 'email', at: '2026-01-01T00:00:00.000Z' });
    changeConsent({ contactId: cleo.id, status: 'do_not_contact', source: 'phone', at: '2026-01-01T00:00:00.000Z' });
    await call(core, 'contacts.delete', { id: dan.id });
    const campaign = await call(core, 'campaigns.create', { name: 'Spring' });

    const first = await call(core, 'campaigns.addMembers', {
      campaignId: campaign.id,
      contactIds: [anna.id, bo.id, cleo.id, dan.id, 9999],
    });
    expect(first).toEqual({ added: 1, alreadyMembers: 0, leftOutForConsent: 2, notFound: 2 });
    const again = await call(core, 'campaigns.addMembers', { campaignId: campaign.id, contactIds: [anna.id] });
    expect(again).toEqual({ added: 0, alreadyMembers: 1, leftOutForConsent: 0, notFound: 0 });
    expect(core.db.prepare('SELECT contact_id, old_status, new_status, how FROM campaign_member_events').all()).toEqual(
      [{ contact_id: anna.id, old_status: null, new_status: 'planned', how: 'added' }],
    );
    expect(
      (await failure(core, 'campaigns.addMembers', { campaignId: campaign.id, contactIds: [anna.id, anna.id] }))
        .message,
    ).toContain('The same contact is listed twice.');
    expect((await failure(core, 'campaigns.addMembers', { campaignId: 999, contactIds: [anna.id] })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('adds everyone a WHERE clause matches, with positional or named parameters, for thousands of people at once', async () => {
    const core = await openCore(tempDir());
    const { db } = core;
    const at = '2026-02-01T10:00:00.000Z';
    const insert = db.prepare(
      'INSERT INTO contacts (name, email, company, consent, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (let i = 0; i < 6_000; i++)
        insert.run(
          `Person ${i}`,
          `p${i}@example.com`,
          i % 2 === 0 ? 'Acme' : 'Globex',
          i % 10 === 0 ? 'unsubscribed' : 'not_asked',
          at,
          at,
        );
    })();
    const campaignId = (await call(core, 'campaigns.create', { name: 'Acme people' })).id;
    const acme = addMembersMatching(db, { campaignId, where: 'c.company = ?', params: ['Acme'], at });
    // Every tenth person is unsubscribed, and all of them are at Acme.
    expect(acme).toEqual({ matched: 3_000, added: 2_400, alreadyMembers: 0, leftOutForConsent: 600 });
    const everyone = addMembersMatching(db, {
      campaignId,
      where: 'c.name LIKE @prefix',
      params: { prefix: 'Person %' },
      at,
    });
    expect(everyone).toEqual({ matched: 6_000, added: 3_000, alreadyMembers: 2_400, leftOutForConsent: 600 });
    expect(count(core, 'SELECT count(*) FROM campaign_members WHERE campaign_id = ?', campaignId)).toBe(5_400);
    expect(count(core, "SELECT count(*) FROM campaign_member_events WHERE how = 'added'")).toBe(5_400);
    expect((await call(core, 'campaigns.get', { id: campaignId })).members).toBe(5_400);
  });

  it('pages members, filters them by status and finds them by name or email', async () => {
    const core = await openCore(tempDir());
    const ids = [];
    for (const name of ['Zoë Åberg', 'Anna 50%', 'Bo'])
      ids.push(
        (await call(core, 'contacts.create', { name, email: `${name.split(' ')[0]!.toLowerCase()}@shop.example` })).id,
      );
    const campaign = await call(core, 'campaigns.create', { name: 'Spring' });
    await call(core, 'campaigns.addMembers', { campaignId: campaign.id, contactIds: ids });
    await call(core, 'campaigns.setStatus', { campaignId: campaign.id, contactIds: [ids[2]!], status: 'sent' });
    const page = await call(core, 'campaigns.members', { campaignId: campaign.id, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => row.name)).toEqual(['Anna 50%', 'Bo']);
    expect(
      (await call(core, 'campaigns.members', { campaignId: campaign.id, status: 'sent' })).rows.map((row) => row.name),
    ).toEqual(['Bo']);
    expect(
      (await call(core, 'campaigns.members', { campaignId: campaign.id, search: 'zoë' })).rows.map((row) => row.name),
    ).toEqual(['Zoë Åberg']);
    expect(
      (await call(core, 'campaigns.members', { campaignId: campaign.id, search: '50%' })).rows.map((row) => row.name),
    ).toEqual(['Anna 50%']);
    expect((await call(core, 'campaigns.members', { campaignId: campaign.id, search: 'shop.example' })).total).toBe(3);
    expect(
      await call(core, 'campaigns.removeMembers', { campaignId: campaign.id, contactIds: [ids[0]!, 12345] }),
    ).toEqual({ removed: 1 });
    expect((await call(core, 'campaigns.members', { campaignId: campaign.id })).total).toBe(2);
  });

  it('changes one status by hand, many in bulk or all with a status, and each change shows in the contact timeline', async () => {
    const clock = fixedClock('2026-03-01T09:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const ids = [];
    for (const name of ['Anna', 'Bo', 'Cleo']) ids.push((await call(core, 'contacts.create', { name })).id);
    const campaign = await call(core, 'campaigns.create', { name: 'Spring offer' });
    await call(core, 'campaigns.addMembers', { campaignId: campaign.id, contactIds: ids });
    clock.advance(60_000);
    expect(
      await call(core, 'campaigns.setStatus', { campaignId: campaign.id, withStatus: 'planned', status: 'sent' }),
    ).toEqual({ changed: 3, unchanged: 0 });
    clock.advance(60_000);
    expect(
      await call(core, 'campaigns.setStatus', { campaignId: campaign.id, contactIds: [ids[0]!], status: 'replied' }),
    ).toEqual({ changed: 1, unchanged: 0 });
    expect(
      await call(core, 'campaigns.setStatus', {
        campaignId: campaign.id,
        contactIds: [ids[0]!, ids[1]!],
        status: 'replied',
      }),
    ).toEqual({ changed: 1, unchanged: 1 });
    expect(
      core.db.prepare('SELECT how, count(*) AS n FROM campaign_member_events GROUP BY how ORDER BY how').all(),
    ).toEqual([
      { how: 'added', n: 3 },
      { how: 'bulk', n: 4 },
      { how: 'by_hand', n: 1 },
    ]);

    const timeline = await call(core, 'timeline.list', { record: { kind: 'contact', id: ids[0]! } });
    expect(
      timeline.entries
        .filter((entry) => entry.type === 'campaign')
        .map((entry) => entry.type === 'campaign' && entry.memberEvent),
    ).toEqual([
      {
        campaignId: campaign.id,
        campaignName: 'Spring offer',
        oldStatus: 'sent',
        newStatus: 'replied',
        how: 'by_hand',
      },
      { campaignId: campaign.id, campaignName: 'Spring offer', oldStatus: 'planned', newStatus: 'sent', how: 'bulk' },
      { campaignId: campaign.id, campaignName: 'Spring offer', oldStatus: null, newStatus: 'planned', how: 'added' },
    ]);
    // Paging by cursor walks past campaign entries like any other.
    const first = await call(core, 'timeline.list', { record: { kind: 'contact', id: ids[0]! }, limit: 1 });
    const second = await call(core, 'timeline.list', {
      record: { kind: 'contact', id: ids[0]! },
      limit: 1,
      before: first.next!,
    });
    expect(second.entries[0]).toMatchObject({ type: 'campaign', memberEvent: { newStatus: 'sent' } });
    expect(
      (
        await failure(core, 'campaigns.setStatus', {
          campaignId: campaign.id,
          contactIds: Array.from({ length: 5001 }, (_, i) => i + 1),
          status: 'sent',
        })
      ).message,
    ).toContain('At most 5,000 contacts at a time.');
  });

  it('records an unsubscribe reply in one click: consent Unsubscribed by email and member status Unsubscribed', async () => {
    const core = await openCore(tempDir());
    const anna = await call(core, 'contacts.create', { name: 'Anna' });
    const bo = await call(core, 'contacts.create', { name: 'Bo' });
    const campaign = await call(core, 'campaigns.create', { name: 'Spring' });
    await call(core, 'campaigns.addMembers', { campaignId: campaign.id, contactIds: [anna.id, bo.id] });
    expect(await call(core, 'campaigns.recordUnsubscribe', { campaignId: campaign.id, contactId: anna.id })).toEqual({
      statusChanged: true,
      consentChanged: true,
    });
    expect(core.db.prepare('SELECT consent, consent_source FROM contacts WHERE id = ?').get(anna.id)).toEqual({
      consent: 'unsubscribed',
      consent_source: 'email',
    });
    expect(await call(core, 'campaigns.recordUnsubscribe', { campaignId: campaign.id, contactId: anna.id })).toEqual({
      statusChanged: false,
      consentChanged: false,
    });
    // Do-not-contact is stricter than unsubscribed and stays.
    consentWriter(core.db)({
      contactId: bo.id,
      status: 'do_not_contact',
      source: 'phone',
      at: '2026-01-01T00:00:00.000Z',
    });
    expect(await call(core, 'campaigns.recordUnsubscribe', { campaignId: campaign.id, contactId: bo.id })).toEqual({
      statusChanged: true,
      consentChanged: false,
    });
    expect(count(core, 'SELECT count(*) FROM contacts WHERE consent = ?', 'do_not_contact')).toBe(1);
    const stranger = await call(core, 'contacts.create', { name: 'Cleo' });
    expect(
      (await failure(core, 'campaigns.recordUnsubscribe', { campaignId: campaign.id, contactId: stranger.id })).code,
    ).toBe('NOT_FOUND');
  });
});
