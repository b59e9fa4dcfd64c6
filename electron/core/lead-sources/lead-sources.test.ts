import { describe, expect, it } from 'vitest';
import { call, count, failure, fromCurrent } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { stringContaining } from '../../../tests/support/matchers';

describe('lead source and consent on records', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('a consent change is kept with its date and how, and the timeline shows it', async () => {
    const clock = fixedClock('2026-12-03T10:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const anna = await call(core, 'contacts.create', { name: 'Anna Berg' });
    expect(anna).toMatchObject({ consent: 'not_asked', consentChangedAt: null, consentSource: null });

    clock.advance(60_000);
    const phoned = await call(
      core,
      'contacts.update',
      fromCurrent(core, 'contacts.update', {
        id: anna.id,
        name: 'Anna Berg',
        consent: 'unsubscribed',
        consentSource: 'phone',
      }),
    );
    expect(phoned).toMatchObject({
      consent: 'unsubscribed',
      consentChangedAt: '2026-12-03T10:01:00.000Z',
      consentSource: 'phone',
    });

    clock.advance(60_000);
    const byHand = await call(
      core,
      'contacts.update',
      fromCurrent(core, 'contacts.update', { id: anna.id, name: 'Anna Berg', consent: 'subscribed' }),
    );
    expect(byHand).toMatchObject({
      consent: 'subscribed',
      consentChangedAt: '2026-12-03T10:02:00.000Z',
      consentSource: 'by_hand',
    });

    const timeline = await call(core, 'timeline.list', { record: { kind: 'contact', id: anna.id } });
    const changes = timeline.entries.flatMap((entry) =>
      entry.type === 'change'
        ? [`${entry.at} ${entry.change.label}: ${entry.change.oldValue} → ${entry.change.newValue}`]
        : [],
    );
    expect(changes).toEqual([
      '2026-12-03T10:02:00.000Z Marketing consent: Unsubscribed → Subscribed (by hand)',
      '2026-12-03T10:01:00.000Z Marketing consent: Not asked → Unsubscribed (by phone)',
    ]);
  });

  it('an update that leaves consent out keeps it, and setting the same status adds no history', async () => {
    const core = await openCore(tempDir());
    const anna = await call(core, 'contacts.create', {
      name: 'Anna',
      consent: 'do_not_contact',
      consentSource: 'email',
    });
    await call(
      core,
      'contacts.update',
      fromCurrent(core, 'contacts.update', { id: anna.id, name: 'Anna B', phone: '070' }),
    );
    await call(
      core,
      'contacts.update',
      fromCurrent(core, 'contacts.update', { id: anna.id, name: 'Anna B', consent: 'do_not_contact' }),
    );
    expect(await call(core, 'contacts.get', { id: anna.id })).toMatchObject({
      consent: 'do_not_contact',
      consentSource: 'email',
    });
    // Only the first status, given when the contact was created, is in the history.
    expect(count(core, "SELECT count(*) FROM record_history WHERE contact_id = ? AND field = 'consent'", anna.id)).toBe(
      1,
    );
  });

  it('lead source and UTM changes go into the history like other fields, in the list’s spelling', async () => {
    const core = await openCore(tempDir());
    const anna = await call(core, 'contacts.create', { name: 'Anna', leadSource: 'website', utmSource: 'newsletter' });
    expect(anna).toMatchObject({ leadSource: 'Website', utmSource: 'newsletter', utmMedium: '', utmCampaign: '' });
    await call(
      core,
      'contacts.update',
      fromCurrent(core, 'contacts.update', {
        id: anna.id,
        name: 'Anna',
        leadSource: 'Event',
        utmCampaign: 'Spring fair',
      }),
    );
    const timeline = await call(core, 'timeline.list', { record: { kind: 'contact', id: anna.id } });
    const changes = timeline.entries.flatMap((entry) =>
      entry.type === 'change' ? [`${entry.change.label}: ${entry.change.oldValue} → ${entry.change.newValue}`] : [],
    );
    expect(changes.sort()).toEqual(['Lead source: Website → Event', 'UTM campaign: null → Spring fair']);

    const acme = await call(core, 'companies.create', { name: 'Acme', leadSource: 'REFERRAL', utmMedium: 'email' });
    expect(acme).toMatchObject({ leadSource: 'Referral', utmMedium: 'email' });
    const renamed = await call(
      core,
      'companies.update',
      fromCurrent(core, 'companies.update', { id: acme.id, leadSource: '' }),
    );
    expect(renamed.leadSource).toBe('');
    expect(
      count(core, "SELECT count(*) FROM record_history WHERE company_id = ? AND field = 'leadSource'", acme.id),
    ).toBe(1);
  });

  it('refuses a lead source that is not in the list, in words, and saves nothing', async () => {
    const core = await openCore(tempDir());
    const error = await failure(core, 'contacts.create', { name: 'Anna', leadSource: 'Billboard' });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: {
        fields: [{ field: 'leadSource', message: stringContaining('“Billboard” is not in the list of lead sources') }],
      },
    });
    expect(count(core, 'SELECT count(*) FROM contacts')).toBe(0);
    const acme = await call(core, 'companies.create', { name: 'Acme' });
    expect(
      await failure(
        core,
        'companies.update',
        fromCurrent(core, 'companies.update', { id: acme.id, name: 'Acme 2', leadSource: 'Billboard' }),
      ),
    ).toMatchObject({ code: 'VALIDATION' });
    expect((await call(core, 'companies.get', { id: acme.id })).name).toBe('Acme');
  });

  it('refuses a UTM value of 201 characters, saying how long it is', async () => {
    const core = await openCore(tempDir());
    const error = await failure(core, 'contacts.create', { name: 'Anna', utmCampaign: 'x'.repeat(201) });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: {
        fields: [{ field: 'utmCampaign', message: 'UTM campaign is too long: 201 characters, at most 200.' }],
      },
    });
    expect(
      (await call(core, 'contacts.create', { name: 'Anna', utmCampaign: 'x'.repeat(200) })).utmCampaign,
    ).toHaveLength(200);
  });

  it('refuses an unknown consent word through the channel', async () => {
    const core = await openCore(tempDir());
    expect(await failure(core, 'contacts.create', { name: 'Anna', consent: 'maybe' as never })).toMatchObject({
      code: 'VALIDATION',
    });
  });
});

describe('the lead-source list', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('starts with the usual sources, in order, each counting its records', async () => {
    const core = await openCore(tempDir());
    await call(core, 'contacts.create', { name: 'Anna', leadSource: 'Event' });
    await call(core, 'companies.create', { name: 'Acme', leadSource: 'Event' });
    const { leadSources } = await call(core, 'leadSources.list', {});
    expect(leadSources.map((source) => source.name)).toEqual([
      'Website',
      'Referral',
      'Event',
      'Cold call',
      'Import',
      'Other',
    ]);
    expect(leadSources.find((source) => source.name === 'Event')?.counts).toEqual({ contact: 1, company: 1 });
  });

  it('keeps accented and emoji names, and refuses the same name twice whatever its case', async () => {
    const core = await openCore(tempDir());
    const fair = await call(core, 'leadSources.create', { name: '  Salon de l’Été 🎪 ' });
    expect(fair).toMatchObject({ name: 'Salon de l’Été 🎪', counts: { contact: 0, company: 0 } });
    const anna = await call(core, 'contacts.create', { name: 'Zoë', leadSource: 'Salon de l’Été 🎪' });
    expect(anna.leadSource).toBe('Salon de l’Été 🎪');
    expect(await failure(core, 'leadSources.create', { name: 'WEBSITE' })).toMatchObject({
      code: 'VALIDATION',
      message: stringContaining('There is already a lead source called “Website”'),
    });
    expect(await failure(core, 'leadSources.create', { name: '   ' })).toMatchObject({ code: 'VALIDATION' });
    expect(await failure(core, 'leadSources.create', { name: 'x'.repeat(101) })).toMatchObject({ code: 'VALIDATION' });
  });

  it('a rename renames the source on every contact and company, trashed ones too, without history', async () => {
    const core = await openCore(tempDir());
    const anna = await call(core, 'contacts.create', { name: 'Anna', leadSource: 'Event' });
    const bob = await call(core, 'contacts.create', { name: 'Bob', leadSource: 'Event' });
    const carl = await call(core, 'contacts.create', { name: 'Carl', leadSource: 'Website' });
    const acme = await call(core, 'companies.create', { name: 'Acme', leadSource: 'Event' });
    await call(core, 'contacts.delete', { id: bob.id });
    const event = (await call(core, 'leadSources.list', {})).leadSources.find((source) => source.name === 'Event')!;
    const renamed = await call(core, 'leadSources.rename', { id: event.id, name: 'Trade fair' });
    expect(renamed).toMatchObject({ name: 'Trade fair', counts: { contact: 1, company: 1 } });
    expect((await call(core, 'contacts.get', { id: anna.id })).leadSource).toBe('Trade fair');
    expect((await call(core, 'contacts.get', { id: carl.id })).leadSource).toBe('Website');
    expect((await call(core, 'companies.get', { id: acme.id })).leadSource).toBe('Trade fair');
    expect(count(core, 'SELECT lead_source FROM contacts WHERE id = ?', bob.id)).toBe('Trade fair');
    expect(count(core, "SELECT count(*) FROM record_history WHERE field = 'leadSource'")).toBe(0);
    expect(await failure(core, 'leadSources.rename', { id: event.id, name: 'website' })).toMatchObject({
      code: 'VALIDATION',
    });
    expect(await failure(core, 'leadSources.rename', { id: 999, name: 'Gone' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reorders when every source is named once, and refuses a partial order', async () => {
    const core = await openCore(tempDir());
    const ids = (await call(core, 'leadSources.list', {})).leadSources.map((source) => source.id);
    const reordered = await call(core, 'leadSources.reorder', { ids: [...ids].reverse() });
    expect(reordered.leadSources.map((source) => source.name)).toEqual([
      'Other',
      'Import',
      'Cold call',
      'Event',
      'Referral',
      'Website',
    ]);
    expect(await failure(core, 'leadSources.reorder', { ids: ids.slice(1) })).toMatchObject({ code: 'VALIDATION' });
    const added = await call(core, 'leadSources.create', { name: 'Podcast' });
    expect(added.position).toBe(ids.length);
  });

  it('a delete of a source in use says how many carry it, and with the choice clears it on them', async () => {
    const core = await openCore(tempDir());
    const anna = await call(core, 'contacts.create', { name: 'Anna', leadSource: 'Event' });
    await call(core, 'contacts.create', { name: 'Bob', leadSource: 'Event' });
    await call(core, 'companies.create', { name: 'Acme', leadSource: 'Event' });
    const event = (await call(core, 'leadSources.list', {})).leadSources.find((source) => source.name === 'Event')!;
    const refused = await failure(core, 'leadSources.delete', { id: event.id });
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      details: {
        fields: [
          {
            field: 'clearOnRecords',
            message:
              '“Event” is the lead source of 2 contacts and 1 company. Deleting it leaves them without a lead source.',
          },
        ],
      },
    });
    expect((await call(core, 'leadSources.list', {})).leadSources).toHaveLength(6);

    expect(await call(core, 'leadSources.delete', { id: event.id, clearOnRecords: true })).toEqual({
      id: event.id,
      clearedContacts: 2,
      clearedCompanies: 1,
    });
    expect((await call(core, 'contacts.get', { id: anna.id })).leadSource).toBe('');
    expect(count(core, "SELECT count(*) FROM contacts WHERE lead_source = 'Event'")).toBe(0);
    const unused = (await call(core, 'leadSources.list', {})).leadSources.find((source) => source.name === 'Other')!;
    expect(await call(core, 'leadSources.delete', { id: unused.id })).toEqual({
      id: unused.id,
      clearedContacts: 0,
      clearedCompanies: 0,
    });
  });
});

describe('lists by lead source and consent', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('contacts filter by any of some lead sources (none included) and consents, and sort by each, blanks last', async () => {
    const core = await openCore(tempDir());
    await call(core, 'contacts.create', { name: 'Anna', leadSource: 'Event', consent: 'subscribed' });
    await call(core, 'contacts.create', { name: 'Bob', leadSource: 'website', consent: 'unsubscribed' });
    await call(core, 'contacts.create', { name: 'Carl' });
    await call(core, 'contacts.create', { name: 'Dora', leadSource: 'Referral', consent: 'do_not_contact' });
    const names = async (query: Parameters<typeof call<'contacts.list'>>[2]) =>
      (await call(core, 'contacts.list', query)).rows.map((row) => row.name);

    expect(await names({ leadSources: ['event', 'Website'] })).toEqual(['Anna', 'Bob']);
    expect(await names({ leadSources: ['Event', ''] })).toEqual(['Anna', 'Carl']);
    expect(await names({ consent: ['unsubscribed', 'do_not_contact'] })).toEqual(['Bob', 'Dora']);
    expect(await names({ consent: ['not_asked'], leadSources: [''] })).toEqual(['Carl']);
    expect(await names({ sort: 'leadSource' })).toEqual(['Anna', 'Dora', 'Bob', 'Carl']);
    expect(await names({ sort: 'leadSource', direction: 'desc' })).toEqual(['Bob', 'Dora', 'Anna', 'Carl']);
    expect(await names({ sort: 'consent' })).toEqual(['Dora', 'Carl', 'Anna', 'Bob']);
    const page = await call(core, 'contacts.list', { consent: ['subscribed'] });
    expect(page.rows[0]).toMatchObject({ leadSource: 'Event', consent: 'subscribed' });
    expect(page.total).toBe(1);
  });

  it('companies filter and sort by lead source', async () => {
    const core = await openCore(tempDir());
    await call(core, 'companies.create', { name: 'Acme', leadSource: 'Event' });
    await call(core, 'companies.create', { name: 'Globex' });
    await call(core, 'companies.create', { name: 'Initech', leadSource: 'Cold call' });
    const names = async (query: Parameters<typeof call<'companies.list'>>[2]) =>
      (await call(core, 'companies.list', query)).rows.map((row) => row.name);
    expect(await names({ leadSources: ['Event'] })).toEqual(['Acme']);
    expect(await names({ sort: 'leadSource' })).toEqual(['Initech', 'Acme', 'Globex']);
    expect((await call(core, 'companies.list', {})).rows[0]).toMatchObject({ name: 'Acme', leadSource: 'Event' });
  });
});

describe('merging duplicates', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('the merged person takes the stricter consent, and the kept side’s lead source unless it is blank', async () => {
    const core = await openCore(tempDir());
    const kept = await call(core, 'contacts.create', {
      name: 'Anna Berg',
      consent: 'subscribed',
      utmSource: 'newsletter',
    });
    const other = await call(core, 'contacts.create', {
      name: 'Anna B.',
      consent: 'unsubscribed',
      leadSource: 'Event',
      utmSource: 'fair',
    });
    await call(core, 'duplicates.merge', { kind: 'contact', keepId: kept.id, mergeId: other.id });
    expect(await call(core, 'contacts.get', { id: kept.id })).toMatchObject({
      consent: 'unsubscribed',
      leadSource: 'Event',
      utmSource: 'newsletter',
    });

    const strict = await call(core, 'contacts.create', {
      name: 'Bo',
      consent: 'do_not_contact',
      leadSource: 'Website',
    });
    const loose = await call(core, 'contacts.create', {
      name: 'Bo L',
      consent: 'unsubscribed',
      leadSource: 'Referral',
    });
    await call(core, 'duplicates.merge', { kind: 'contact', keepId: strict.id, mergeId: loose.id });
    expect(await call(core, 'contacts.get', { id: strict.id })).toMatchObject({
      consent: 'do_not_contact',
      leadSource: 'Website',
    });
  });
});
