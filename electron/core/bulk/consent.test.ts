import { describe, expect, it } from 'vitest';
import { call, count, failure } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Core } from '../core';

/** Six people: two subscribed, two not asked, one unsubscribed, one who asked not to be contacted. */
async function people(core: Core) {
  const statuses = ['subscribed', 'subscribed', 'not_asked', 'not_asked', 'unsubscribed', 'do_not_contact'] as const;
  const ids: number[] = [];
  for (const [i, consent] of statuses.entries())
    ids.push((await call(core, 'contacts.create', { name: `Person ${i}`, consent, consentSource: 'form' })).id);
  return ids;
}

const consents = (core: Core) => core.db.prepare('SELECT consent FROM contacts ORDER BY id').pluck().all();

describe('bulk consent and lead source', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('a bulk consent change leaves people who opted out as they were, and says how many', async () => {
    const core = await openCore(tempDir());
    const ids = await people(core);
    expect(await call(core, 'consent.optedOut', { ids })).toEqual({ optedOut: 2, unsubscribed: 1, doNotContact: 1 });
    const result = await call(core, 'bulk.apply', {
      kind: 'contact',
      ids,
      action: { type: 'set', field: 'consent', value: 'subscribed' },
    });
    expect(result).toMatchObject({ changed: 2, skipped: 4, keptOptOuts: 2 });
    expect(consents(core)).toEqual([
      'subscribed',
      'subscribed',
      'subscribed',
      'subscribed',
      'unsubscribed',
      'do_not_contact',
    ]);
    expect(
      count(core, "SELECT count(*) FROM record_history WHERE field = 'consent' AND new_value = 'Subscribed (by hand)'"),
    ).toBe(2);
  });

  it('with the explicit choice it changes them too, and undo puts every status back', async () => {
    const core = await openCore(tempDir());
    const ids = await people(core);
    const result = await call(core, 'bulk.apply', {
      kind: 'contact',
      ids,
      action: { type: 'set', field: 'consent', value: 'not_asked', overwriteOptOuts: true },
    });
    expect(result).toMatchObject({ changed: 4, skipped: 2, keptOptOuts: 0 });
    expect(consents(core)).toEqual(Array(6).fill('not_asked'));
    if (result.undo?.type !== 'edit') throw new Error('expected an edit undo');
    expect(await call(core, 'bulk.undo', { undoId: result.undo.undoId })).toEqual({ reverted: 4, skipped: 0 });
    expect(consents(core)).toEqual([
      'subscribed',
      'subscribed',
      'not_asked',
      'not_asked',
      'unsubscribed',
      'do_not_contact',
    ]);
  });

  it('moving everyone to do-not-contact still leaves the unsubscribed person as they were unasked', async () => {
    const core = await openCore(tempDir());
    const ids = await people(core);
    const result = await call(core, 'bulk.apply', {
      kind: 'contact',
      ids,
      action: { type: 'set', field: 'consent', value: 'do_not_contact' },
    });
    // The unsubscribed person keeps their status unasked; the one already at do-not-contact is as asked.
    expect(result).toMatchObject({ changed: 4, keptOptOuts: 1 });
  });

  it('a select-all of a list filtered by consent counts and keeps the opted-out alike', async () => {
    const core = await openCore(tempDir());
    await people(core);
    const list = { kind: 'contact' as const, query: { consent: ['not_asked' as const, 'unsubscribed' as const] } };
    const matching = { list, except: [], count: 3 };
    expect(await call(core, 'consent.optedOut', { matching })).toMatchObject({ optedOut: 1, unsubscribed: 1 });
    expect(
      await call(core, 'bulk.apply', {
        kind: 'contact',
        matching,
        action: { type: 'set', field: 'consent', value: 'subscribed' },
      }),
    ).toMatchObject({ changed: 2, keptOptOuts: 1 });
  });

  it('sets a lead source in bulk on contacts and companies, refusing one not in the list, and undo clears it again', async () => {
    const core = await openCore(tempDir());
    const ids = await people(core);
    const refused = await failure(core, 'bulk.apply', {
      kind: 'contact',
      ids,
      action: { type: 'set', field: 'leadSource', value: 'Billboard' },
    });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('“Billboard” is not in the list of lead sources');
    expect(count(core, 'SELECT count(*) FROM contacts WHERE lead_source IS NOT NULL')).toBe(0);
    const result = await call(core, 'bulk.apply', {
      kind: 'contact',
      ids,
      action: { type: 'set', field: 'leadSource', value: 'event' },
    });
    expect(result).toMatchObject({ changed: 6 });
    expect((await call(core, 'contacts.list', { leadSources: ['Event'] })).total).toBe(6);
    if (result.undo?.type !== 'edit') throw new Error('expected an edit undo');
    await call(core, 'bulk.undo', { undoId: result.undo.undoId });
    expect(count(core, 'SELECT count(*) FROM contacts WHERE lead_source IS NOT NULL')).toBe(0);

    const acme = await call(core, 'companies.create', { name: 'Acme' });
    expect(
      await call(core, 'bulk.apply', {
        kind: 'company',
        ids: [acme.id],
        action: { type: 'set', field: 'leadSource', value: 'Referral' },
      }),
    ).toMatchObject({ changed: 1 });
    expect((await call(core, 'companies.get', { id: acme.id })).leadSource).toBe('Referral');
  });
});
