import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 23: marketing', () => {
  const tempDir = useTempDirs();

  it('gives every existing contact "not asked" and no lead source, and keeps them as they were', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 22);
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare('INSERT INTO contacts (name, name_sort, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      'Anna Berg',
      'anna berg',
      'anna@example.com',
      now,
      now,
    );

    runMigrations(
      db,
      migrations.filter((m) => m.version <= 23),
      memoryLogger(),
    );

    expect(db.prepare('SELECT name, email, consent, consent_changed_at, lead_source FROM contacts').get()).toEqual({
      name: 'Anna Berg',
      email: 'anna@example.com',
      consent: 'not_asked',
      consent_changed_at: null,
      lead_source: null,
    });
    expect(db.prepare('SELECT name FROM lead_sources ORDER BY position').pluck().all()).toEqual([
      'Website',
      'Referral',
      'Event',
      'Cold call',
      'Import',
      'Other',
    ]);
  });

  it('refuses a consent status it does not know, and a second outbox message to one person in one campaign', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 23);
    const now = '2026-01-01T00:00:00.000Z';
    const contactId = db
      .prepare('INSERT INTO contacts (name, name_sort, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run('Bo', 'bo', now, now).lastInsertRowid;
    expect(() => db.prepare("UPDATE contacts SET consent = 'maybe'").run()).toThrow(/CHECK/);
    const campaignId = db
      .prepare(
        "INSERT INTO campaigns (name, channel, currency, created_at, updated_at) VALUES ('Spring', 'email', 'EUR', ?, ?)",
      )
      .run(now, now).lastInsertRowid;
    const queue = db.prepare(
      "INSERT INTO outbox (campaign_id, contact_id, to_address, subject, text_body, message_id, queued_at) VALUES (?, ?, 'bo@example.com', 'Hi', 'Hello', ?, ?)",
    );
    queue.run(campaignId, contactId, '<1@rolodesk>', now);
    expect(() => queue.run(campaignId, contactId, '<2@rolodesk>', now)).toThrow(/UNIQUE/);
  });
});
