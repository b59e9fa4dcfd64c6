import { describe, expect, it } from 'vitest';
import { call } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { consentWriter } from '../contacts/consent';
import { mayBeContacted } from './consent-rule';
import { memberStatusWriter } from './member-status';

describe('the marketing groundwork', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();
  const at = '2026-03-01T10:00:00.000Z';

  it('records a consent change in the contact history with how it changed, and raises its version', async () => {
    const core = await openCore(tempDir());
    const anna = await call(core, 'contacts.create', { name: 'Anna Berg' });
    const changeConsent = consentWriter(core.db);
    expect(
      core.db.transaction(() => changeConsent({ contactId: anna.id, status: 'unsubscribed', source: 'email', at }))(),
    ).toBe(true);
    expect(changeConsent({ contactId: anna.id, status: 'unsubscribed', source: 'phone', at })).toBe(false);
    expect(
      core.db
        .prepare('SELECT consent, consent_changed_at, consent_source, version FROM contacts WHERE id = ?')
        .get(anna.id),
    ).toEqual({
      consent: 'unsubscribed',
      consent_changed_at: at,
      consent_source: 'email',
      version: anna.version + 1,
    });
    const page = await call(core, 'timeline.list', { record: { kind: 'contact', id: anna.id } });
    expect(page.entries.find((entry) => entry.type === 'change')).toMatchObject({
      type: 'change',
      change: {
        field: 'consent',
        label: 'Marketing consent',
        oldValue: 'Not asked',
        newValue: 'Unsubscribed (by email)',
      },
    });
  });

  it('changes a member status once and keeps each change, and the consent rule leaves out those who said no', async () => {
    const core = await openCore(tempDir());
    const [anna, bo] = [
      await call(core, 'contacts.create', { name: 'Anna' }),
      await call(core, 'contacts.create', { name: 'Bo' }),
    ];
    const { db } = core;
    const campaignId = Number(
      db
        .prepare(
          "INSERT INTO campaigns (name, channel, currency, created_at, updated_at) VALUES ('Spring', 'email', 'EUR', ?, ?)",
        )
        .run(at, at).lastInsertRowid,
    );
    const addMember = db.prepare(
      'INSERT INTO campaign_members (campaign_id, contact_id, status_at, added_at) VALUES (?, ?, ?, ?)',
    );
    addMember.run(campaignId, anna.id, at, at);
    addMember.run(campaignId, bo.id, at, at);
    const changeStatus = memberStatusWriter(db);
    expect(changeStatus({ campaignId, contactId: anna.id, status: 'sent', how: 'sending', at })).toBe(true);
    expect(changeStatus({ campaignId, contactId: anna.id, status: 'sent', how: 'bulk', at })).toBe(false);
    expect(changeStatus({ campaignId, contactId: 9999, status: 'sent', how: 'bulk', at })).toBe(false);
    expect(db.prepare('SELECT contact_id, old_status, new_status, how FROM campaign_member_events').all()).toEqual([
      { contact_id: anna.id, old_status: 'planned', new_status: 'sent', how: 'sending' },
    ]);

    consentWriter(db)({ contactId: bo.id, status: 'do_not_contact', source: 'phone', at });
    const reachable = db
      .prepare(
        `SELECT c.name FROM campaign_members m JOIN contacts c ON c.id = m.contact_id WHERE ${mayBeContacted('c')}`,
      )
      .pluck()
      .all();
    expect(reachable).toEqual(['Anna']);
  });
});
