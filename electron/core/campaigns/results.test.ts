import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, failure } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';

describe('campaign results', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('are all zero, with no rates and no cost per conversion, for a campaign without members', async () => {
    const core = await openCore(tempDir());
    const campaign = await call(core, 'campaigns.create', { name: 'Empty', budgetMinor: 10_000 });
    const results = await call(core, 'campaigns.results', { campaignId: campaign.id });
    expect(results.members).toBe(0);
    expect(
      results.funnel.every((step) => step.count === 0 && step.ofMembers === null && step.ofPrevious === null),
    ).toBe(true);
    expect(results.byStatus.every((entry) => entry.count === 0 && entry.ofMembers === null)).toBe(true);
    expect(results).toMatchObject({ dealsWon: [], budgetMinor: 10_000, costPerConversionMinor: null });
    expect((await failure(core, 'campaigns.results', { campaignId: 999 })).code).toBe('NOT_FOUND');
  });

  it('count the funnel and each status, the deals won from members after they were added, and the cost per conversion', async () => {
    const clock = fixedClock('2026-03-01T09:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const acme = await call(core, 'companies.create', { name: 'Acme' });
    const names = ['Anna', 'Bo', 'Cleo', 'Dan', 'Eli', 'Fay', 'Gus', 'Hal', 'Ida', 'Jon'];
    const ids: number[] = [];
    for (const name of names)
      ids.push((await call(core, 'contacts.create', { name, companyId: name === 'Bo' ? acme.id : null })).id);
    const [anna, bo, cleo, dan, eli, fay, gus] = ids as [number, number, number, number, number, number, number];
    const campaign = await call(core, 'campaigns.create', { name: 'Spring', budgetMinor: 100_000, currency: 'EUR' });

    // A deal won before the campaign added anyone does not count.
    const stages = await call(core, 'stages.list', {});
    const won = stages.stages.find((stage) => stage.kind === 'won')!;
    const early = await call(core, 'deals.create', {
      title: 'Early',
      contactId: anna,
      valueMinor: 1_000,
      currency: 'EUR',
    });
    await call(core, 'deals.move', { id: early.id, stageId: won.id, index: 0 });
    clock.advance(60_000);

    await call(core, 'campaigns.addMembers', { campaignId: campaign.id, contactIds: ids });
    const set = (
      contactIds: number[],
      status: 'sent' | 'opened' | 'replied' | 'converted' | 'bounced' | 'unsubscribed',
    ) => call(core, 'campaigns.setStatus', { campaignId: campaign.id, contactIds, status });
    await set([anna, bo, cleo, dan, eli, fay, gus], 'sent');
    await set([anna, bo, cleo], 'opened');
    await set([anna, bo], 'replied');
    await set([anna], 'converted');
    await set([dan], 'bounced');
    await set([eli], 'unsubscribed');
    clock.advance(60_000);

    // Won after: Anna's own deal, a deal of Bo's company (no contact), and one in dollars; an open deal does not count.
    for (const deal of [
      { title: 'Anna buys', contactId: anna, valueMinor: 50_000, currency: 'EUR' },
      { title: 'Acme buys', companyId: acme.id, valueMinor: 25_000, currency: 'EUR' },
      { title: 'Anna in dollars', contactId: anna, companyId: acme.id, valueMinor: 9_900, currency: 'USD' },
    ]) {
      const created = await call(core, 'deals.create', deal);
      await call(core, 'deals.move', { id: created.id, stageId: won.id, index: 0 });
    }
    await call(core, 'deals.create', { title: 'Still open', contactId: cleo, valueMinor: 70_000, currency: 'EUR' });

    const results = await call(core, 'campaigns.results', { campaignId: campaign.id });
    expect(results.members).toBe(10);
    expect(
      results.funnel.map(({ step, count, ofMembers, ofPrevious }) => [step, count, ofMembers, ofPrevious]),
    ).toEqual([
      ['members', 10, 1, 1],
      ['sent', 7, 0.7, 0.7],
      ['opened', 3, 0.3, 3 / 7],
      ['replied', 2, 0.2, 2 / 3],
      ['converted', 1, 0.1, 0.5],
    ]);
    expect(Object.fromEntries(results.byStatus.map((entry) => [entry.status, entry.count]))).toEqual({
      planned: 3,
      sent: 2,
      opened: 1,
      replied: 1,
      converted: 1,
      bounced: 1,
      unsubscribed: 1,
    });
    expect(results.dealsWon).toEqual([
      { currency: 'EUR', deals: 2, valueMinor: 75_000 },
      { currency: 'USD', deals: 1, valueMinor: 9_900 },
    ]);
    expect(results.costPerConversionMinor).toBe(100_000);
  });

  it('export as a CSV file with every figure the chart shows, safe to open in a spreadsheet', async () => {
    const desktop = recordingDesktop();
    const dir = tempDir();
    const core = await openCore(dir, { desktop });
    const campaign = await call(core, 'campaigns.create', {
      name: '=Spring/offer',
      budgetMinor: 12_345,
      currency: 'EUR',
    });
    const anna = await call(core, 'contacts.create', { name: 'Anna' });
    await call(core, 'campaigns.addMembers', { campaignId: campaign.id, contactIds: [anna.id] });
    await call(core, 'campaigns.setStatus', { campaignId: campaign.id, contactIds: [anna.id], status: 'converted' });
    desktop.saveLocation = undefined;
    expect(await call(core, 'campaigns.exportResults', { campaignId: campaign.id })).toEqual({ saved: false });
    desktop.saveLocation = join(dir, 'results.csv');
    expect(await call(core, 'campaigns.exportResults', { campaignId: campaign.id })).toEqual({ saved: true });
    const lines = readFileSync(desktop.saveLocation, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Campaign,Section,Measure,Count,Percent,Amount,Currency');
    // The name would run as a formula in a spreadsheet: it is written as text.
    expect(lines).toContain("'=Spring/offer,Funnel,Members,1,100,,");
    expect(lines).toContain("'=Spring/offer,Funnel,Converted,1,100,,");
    expect(lines).toContain("'=Spring/offer,Status now,Planned,0,0,,");
    expect(lines).toContain("'=Spring/offer,Cost,Budget,,,123.45,EUR");
    expect(lines).toContain("'=Spring/offer,Cost,Cost per conversion,,,123.45,EUR");
  });
});
