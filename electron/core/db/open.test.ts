import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../tests/support/old-database';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { CrmError } from '../errors';
import { memoryLogger } from '../logger';
import { schemaVersion } from './migrate';
import { latestSchemaVersion, migrations } from './migrations';
import { openDatabase } from './open';

describe('opening the database', () => {
  const tempDir = useTempDirs();

  it('puts WAL, full sync, foreign keys and the busy timeout in force', async () => {
    const db = await openDatabase(join(tempDir(), 'crm.db'), migrations, memoryLogger());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    db.close();
  });

  it('does not let a trigger a restored file brought along read SQLite internals on the live connection', async () => {
    const file = join(tempDir(), 'crm.db');
    (await openDatabase(file, migrations, memoryLogger())).close();
    // A crafted backup's database, swapped in by a restore: its trigger runs on every new tag.
    const crafted = new Database(file);
    crafted.exec('CREATE TRIGGER spy AFTER INSERT ON tags BEGIN SELECT count(*) FROM pragma_table_list; END;');
    crafted.close();
    const db = await openDatabase(file, migrations, memoryLogger());
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    expect(() =>
      db.prepare("INSERT INTO tags (name, created_at) VALUES ('VIP', '2026-12-07T00:00:00.000Z')").run(),
    ).toThrow(/unsafe use of/);
    db.close();
  });

  it('numbers migrations 1, 2, 3… with no gaps or repeats', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('carries every row of an older database through the migrations', async () => {
    const file = join(tempDir(), 'crm.db');
    const old = createDatabaseAt(file, migrations, 1);
    const insert = old.prepare(
      "INSERT INTO contacts (name, email, company, notes, created_at, updated_at) VALUES (?, ?, ?, ?, 'c', 'u')",
    );
    old.transaction(() => {
      for (let i = 0; i < 2_000; i++)
        insert.run(`Person ${i}`, i % 3 ? `p${i}@example.com` : null, i % 2 ? 'Acme' : null, `note ${i}`);
    })();
    const columns = 'id, name, email, phone, company, notes, created_at, updated_at';
    const before = old.prepare(`SELECT ${columns} FROM contacts ORDER BY id`).all();
    old.close();

    const db = await openDatabase(file, migrations, memoryLogger());
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    expect(db.prepare(`SELECT ${columns} FROM contacts ORDER BY id`).all()).toEqual(before);
    db.close();
  });

  it('refuses a database from a newer Rolodesk and leaves it byte-for-byte unchanged', async () => {
    const file = join(tempDir(), 'crm.db');
    const newer = new Database(file);
    newer.exec("CREATE TABLE future (x); INSERT INTO future VALUES ('kept')");
    newer.pragma(`user_version = ${latestSchemaVersion + 1}`);
    newer.close();
    const before = readFileSync(file);

    let thrown: unknown;
    try {
      await openDatabase(file, migrations, memoryLogger());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CrmError);
    expect((thrown as CrmError).code).toBe('SCHEMA_TOO_NEW');
    expect((thrown as CrmError).message).toMatch(/newer version of Rolodesk/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a file that is not a database as damaged, in words, and does not overwrite it', async () => {
    const file = join(tempDir(), 'crm.db');
    const garbage = Buffer.alloc(8192, 0x5a);
    writeFileSync(file, garbage);
    await expect(openDatabase(file, migrations, memoryLogger())).rejects.toThrow(
      expect.objectContaining({ code: 'DATABASE_CORRUPT' }),
    );
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('rolls back a migration that fails half-way and keeps the version it had', async () => {
    const file = join(tempDir(), 'crm.db');
    createDatabaseAt(file, migrations, 1).close();
    const failing = [
      ...migrations.slice(0, 1),
      {
        version: 2,
        name: 'fails',
        up(db: Database.Database) {
          db.exec('CREATE TABLE half_done (x)');
          throw new Error('disk went away');
        },
      },
    ];
    const logger = memoryLogger();
    await expect(openDatabase(file, failing, logger)).rejects.toThrow('disk went away');
    expect(
      logger.records.some((record) => record.level === 'error' && record.message === 'could not open the database'),
    ).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });
});
