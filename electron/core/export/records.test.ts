import { describe, expect, it } from 'vitest';
import { call } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { recordReader } from './records';

const minute = 60_000;

describe('the records an export reads', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  // Each kind's record is built from its row by position: every field here differs from every other, so a column read into the wrong field shows.
  it('hold every field of each kind as the record itself shows it, with tags in alphabetical order and custom values', async () => {
    const clock = fixedClock();
    const core = await openCore(tempDir(), { clock });
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    const press = await call(core, 'tags.create', { name: 'press' });
    const region = await call(core, 'customFields.create', { kind: 'company', label: 'Region', type: 'text' });
    const score = await call(core, 'customFields.create', { kind: 'contact', label: 'Score', type: 'number' });
    const due = await call(core, 'customFields.create', { kind: 'deal', label: 'Due', type: 'date' });

    const created = await call(core, 'companies.create', {
      name: 'Acme Ltd',
      website: 'acme.example',
      phone: '+44 20 1234 5678',
      address: '1 High St',
      industry: 'Engineering',
      notes: 'Company notes',
      tagIds: [vip.id, press.id],
      custom: { [region.id]: 'North' },
    });
    clock.advance(minute);
    const company = await call(core, 'companies.update', {
      id: created.id,
      version: created.version,
      notes: 'Company notes, later',
    });
    expect(recordReader(core.db, 'company')([company.id])).toEqual([
      {
        id: company.id,
        name: 'Acme Ltd',
        website: 'acme.example',
        phone: '+44 20 1234 5678',
        address: '1 High St',
        industry: 'Engineering',
        notes: 'Company notes, later',
        leadSource: null,
        utmSource: null,
        utmMedium: null,
        utmCampaign: null,
        createdAt: company.createdAt,
        updatedAt: company.updatedAt,
        tags: ['press', 'VIP'],
        custom: new Map([[region.id, 'North']]),
      },
    ]);
    expect(company.updatedAt).not.toBe(company.createdAt);

    const typed = {
      name: 'Anna Berg',
      email: 'anna@acme.example',
      phone: '+44 20 8765 4321',
      company: 'Acme Ltd',
      notes: 'Contact notes',
    };
    const anna = await call(core, 'contacts.create', { ...typed, tagIds: [vip.id], custom: { [score.id]: 7.5 } });
    clock.advance(minute);
    const contact = await call(core, 'contacts.update', {
      ...typed,
      id: anna.id,
      version: anna.version,
      notes: 'Contact notes, later',
    });
    expect(recordReader(core.db, 'contact')([contact.id])).toEqual([
      {
        id: contact.id,
        name: 'Anna Berg',
        email: 'anna@acme.example',
        phone: '+44 20 8765 4321',
        company: 'Acme Ltd',
        notes: 'Contact notes, later',
        leadSource: null,
        utmSource: null,
        utmMedium: null,
        utmCampaign: null,
        consent: 'not_asked',
        consentChangedAt: null,
        createdAt: contact.createdAt,
        updatedAt: contact.updatedAt,
        tags: ['VIP'],
        custom: new Map([[score.id, 7.5]]),
      },
    ]);
    expect(contact.updatedAt).not.toBe(contact.createdAt);

    const { stages } = await call(core, 'stages.list', {});
    const won = stages.find((stage) => stage.kind === 'won')!;
    const opened = await call(core, 'deals.create', {
      title: 'Acme renewal',
      companyId: company.id,
      contactId: contact.id,
      valueMinor: 500_050,
      currency: 'EUR',
      expectedCloseDate: '2027-03-31',
      probability: 60,
      owner: 'Maria',
      notes: 'Deal notes',
      tagIds: [press.id],
      custom: { [due.id]: '2027-04-01' },
    });
    clock.advance(minute);
    const deal = await call(core, 'deals.move', { id: opened.id, stageId: won.id, index: 0 });
    expect(recordReader(core.db, 'deal')([deal.id])).toEqual([
      {
        id: deal.id,
        title: 'Acme renewal',
        valueMinor: 500_050,
        currency: 'EUR',
        stage: won.name,
        company: 'Acme Ltd',
        contact: 'Anna Berg',
        expectedClose: '2027-03-31',
        probability: 60,
        owner: 'Maria',
        notes: 'Deal notes',
        closedAt: deal.closedAt,
        createdAt: deal.createdAt,
        updatedAt: deal.updatedAt,
        tags: ['press'],
        custom: new Map([[due.id, '2027-04-01']]),
      },
    ]);
    expect(new Set([deal.closedAt, deal.createdAt]).size).toBe(2);
  });
});
