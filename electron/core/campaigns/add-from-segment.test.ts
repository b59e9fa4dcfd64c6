import { describe, expect, it } from 'vitest';
import { call, count, failure } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { consentWriter } from '../contacts/consent';
import { stringContaining } from '../../../tests/support/matchers';

describe('adding a segment to a campaign', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('adds who matches now, leaves out and counts who must not be contacted, and remembers the segment', async () => {
    const core = await openCore(tempDir());
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    const [anna, bo] = [
      await call(core, 'contacts.create', { name: 'Anna', tagIds: [vip.id] }),
      await call(core, 'contacts.create', { name: 'Bo', tagIds: [vip.id] }),
    ];
    await call(core, 'contacts.create', { name: 'Carl' });
    const zoe = await call(core, 'contacts.create', { name: 'Zoë 🌸', tagIds: [vip.id] });
    consentWriter(core.db)({
      contactId: bo.id,
      status: 'do_not_contact',
      source: 'phone',
      at: new Date().toISOString(),
    });
    const segment = await call(core, 'segments.create', {
      name: 'VIPs',
      definition: { match: 'all', conditions: [{ kind: 'tags', op: 'any', tagIds: [vip.id] }] },
    });
    const campaign = await call(core, 'campaigns.create', { name: 'Spring' });
    await call(core, 'campaigns.addMembers', { campaignId: campaign.id, contactIds: [anna.id] });

    expect(await call(core, 'campaigns.addFromSegment', { campaignId: campaign.id, segmentId: segment.id })).toEqual({
      matched: 3,
      added: 1,
      alreadyMembers: 1,
      leftOutForConsent: 1,
    });
    expect(
      core.db
        .prepare('SELECT contact_id FROM campaign_members WHERE campaign_id = ? ORDER BY contact_id')
        .pluck()
        .all(campaign.id),
    ).toEqual([anna.id, zoe.id]);
    expect(count(core, 'SELECT count(*) FROM campaigns WHERE id = ? AND segment_id = ?', campaign.id, segment.id)).toBe(
      1,
    );

    // A snapshot: someone tagged later is not added by themselves.
    await call(core, 'contacts.create', { name: 'Dan', tagIds: [vip.id] });
    expect(count(core, 'SELECT count(*) FROM campaign_members WHERE campaign_id = ?', campaign.id)).toBe(2);
  });

  it('refuses a deleted segment, one whose tag was deleted, and a deleted campaign, in words, adding nobody', async () => {
    const core = await openCore(tempDir());
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    await call(core, 'contacts.create', { name: 'Anna', tagIds: [vip.id] });
    const segment = await call(core, 'segments.create', {
      name: 'VIPs',
      definition: { match: 'all', conditions: [{ kind: 'tags', op: 'any', tagIds: [vip.id] }] },
    });
    const campaign = await call(core, 'campaigns.create', { name: 'Spring' });

    expect(
      await failure(core, 'campaigns.addFromSegment', { campaignId: campaign.id, segmentId: segment.id + 1 }),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'This segment no longer exists. It may have been deleted.' });
    await call(core, 'tags.delete', { id: vip.id });
    expect(
      await failure(core, 'campaigns.addFromSegment', { campaignId: campaign.id, segmentId: segment.id }),
    ).toMatchObject({ code: 'VALIDATION', message: stringContaining('deleted') });
    await call(core, 'campaigns.delete', { id: campaign.id });
    expect(
      await failure(core, 'campaigns.addFromSegment', { campaignId: campaign.id, segmentId: segment.id }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(count(core, 'SELECT count(*) FROM campaign_members')).toBe(0);
  });
});
