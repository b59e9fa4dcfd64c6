import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { runMigrations, schemaVersion } from '../migrate';
import { memoryLogger } from '../../logger';
import { migrations } from './index';

describe('migration 4: attachments', () => {
  const tempDir = useTempDirs();
  const sha = 'ab'.repeat(32);

  it('adds blobs, attachments and contact photos, keeping existing contacts without a photo', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 3);
    db.prepare("INSERT INTO contacts (name, created_at, updated_at) VALUES ('Anna', 't', 't')").run();
    db.pragma('foreign_keys = ON');
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 4),
      memoryLogger(),
    );
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT name, photo_sha256 FROM contacts').all()).toEqual([{ name: 'Anna', photo_sha256: null }]);

    db.prepare("INSERT INTO blobs VALUES (?, 10, 'text/plain', 'a plain text file', 't')").run(sha);
    db.prepare("INSERT INTO attachments (contact_id, sha256, file_name, added_at) VALUES (1, ?, 'a.txt', 't')").run(
      sha,
    );
    db.prepare('UPDATE contacts SET photo_sha256 = ? WHERE id = 1').run(sha);
    db.close();
  });

  it('lets no row point at a file the store does not hold, or at a contact that is gone', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 4);
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO contacts (name, created_at, updated_at) VALUES ('Anna', 't', 't')").run();
    expect(() =>
      db
        .prepare("INSERT INTO attachments (contact_id, sha256, file_name, added_at) VALUES (1, ?, 'a.txt', 't')")
        .run(sha),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('UPDATE contacts SET photo_sha256 = ? WHERE id = 1').run(sha)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO blobs VALUES ('../../etc/passwd', 10, 'x', 'x', 't')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO blobs VALUES (?, 10, 'text/plain', 'a plain text file', 't')").run(sha);
    expect(() =>
      db
        .prepare("INSERT INTO attachments (contact_id, sha256, file_name, added_at) VALUES (99, ?, 'a.txt', 't')")
        .run(sha),
    ).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO attachments (contact_id, sha256, file_name, added_at) VALUES (1, ?, 'a.txt', 't')").run(
      sha,
    );
    db.prepare('DELETE FROM contacts WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(0);
    db.close();
  });
});
