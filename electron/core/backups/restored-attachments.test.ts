import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveWithDatabaseChanged } from '../../../tests/support/archives';
import { fixedClock } from '../../../tests/support/core';
import { recordingDesktop, type RecordingDesktop } from '../../../tests/support/recording-desktop';
import { samples } from '../../../tests/support/sample-files';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { createContact, upload } from '../../../tests/support/upload';
import { openCore, type Core } from '../core';
import { memoryLogger, type LogRecord } from '../logger';
import { stringMatching } from '../../../tests/support/matchers';

interface Harness {
  core: Core;
  desktop: RecordingDesktop;
  logs: LogRecord[];
  dataDir: string;
}

const rows = (core: Core) =>
  core.db
    .prepare(
      'SELECT a.id, a.file_name AS name, b.mime_type AS mime, b.type_label AS label FROM attachments a JOIN blobs b USING (sha256) ORDER BY a.id',
    )
    .all() as Array<{
    id: number;
    name: string;
    mime: string;
    label: string;
  }>;

describe('a restored database is untrusted: attachment names and types meet the upload rules', () => {
  const tempDir = useTempDirs();
  const open: Core[] = [];
  afterEach(async () => {
    for (const core of open.splice(0)) await core.close();
  });

  async function start(dataDir = tempDir()): Promise<Harness> {
    const logger = memoryLogger();
    const desktop = recordingDesktop();
    const core = await openCore({ dataDir, logger, appVersion: '1.0.0', clock: fixedClock(), desktop });
    open.push(core);
    return { core, desktop, logs: logger.records, dataDir };
  }

  /** Anna with a PDF and a photo, exported to one backup file. */
  async function exported(): Promise<{ harness: Harness; archive: string }> {
    const harness = await start();
    const anna = await createContact(harness.core, 'Anna');
    for (const [name, bytes] of [
      ['quote.pdf', samples.pdf],
      ['photo.png', samples.png],
    ] as const) {
      const added = await upload(harness.core, anna, name, bytes);
      if (!added.ok) throw new Error(added.error.message);
    }
    const archive = join(tempDir(), 'backup.zip');
    harness.desktop.saveLocation = archive;
    const saved = await harness.core.dispatch('backups.export', {});
    if (!saved.ok) throw new Error(saved.error.message);
    return { harness, archive };
  }

  async function restore(harness: Harness, file: string) {
    harness.desktop.backupFile = file;
    return harness.core.dispatch('backups.restoreFromFile', {});
  }

  it('renames names that climb out of a folder or break the upload rules, keeps good ones, and Open stays inside its folder', async () => {
    const { archive } = await exported();
    const badNames = [
      `..${sep}..${sep}..${sep}..${sep}escaped.pdf`,
      'invoice.pdf.exe', // a program's extension
      'a\\b.pdf', // a Windows folder separator
      'bad\u0007.pdf', // a control character
      'notes.docx', // promises another kind of file
      '..',
    ];
    const crafted = await archiveWithDatabaseChanged(archive, tempDir(), (db) => {
      const pdf = db.prepare("SELECT sha256, contact_id FROM attachments WHERE file_name = 'quote.pdf'").get() as {
        sha256: string;
        contact_id: number;
      };
      const add = db.prepare(
        "INSERT INTO attachments (contact_id, sha256, file_name, added_at) VALUES (?, ?, ?, '2026-01-01T00:00:00.000Z')",
      );
      for (const name of badNames) add.run(pdf.contact_id, pdf.sha256, name);
      db.prepare("UPDATE attachments SET file_name = 'holiday photo.png' WHERE file_name = 'photo.png'").run();
    });
    const fresh = await start();
    expect(await restore(fresh, crafted)).toEqual({ ok: true, data: { restored: true } });

    const restored = rows(fresh.core);
    const renamed = restored.filter((row) => row.name.startsWith('attachment-'));
    expect(restored.map((row) => row.name)).toEqual([
      'quote.pdf',
      'holiday photo.png',
      ...renamed.map((row) => `attachment-${row.id}.pdf`),
    ]);
    expect(renamed).toHaveLength(badNames.length);
    const warning = fresh.logs.find((record) =>
      record.message.startsWith('restored attachments broke the upload rules'),
    );
    expect(warning?.context).toEqual({ renamedIds: renamed.map((row) => row.id), retyped: [] });
    // The log names ids, never the crafted names.
    expect(JSON.stringify(fresh.logs)).not.toContain('escaped');

    const escaped = renamed[0]!;
    expect(await fresh.core.dispatch('attachments.open', { id: escaped.id })).toMatchObject({ ok: true });
    // Inside <data>/scratch/<one folder per open>/.
    const [opened] = fresh.desktop.opened;
    expect(relative(join(fresh.dataDir, 'scratch'), opened!)).toMatch(
      new RegExp(`^[0-9a-f-]{36}[\\\\/]attachment-${escaped.id}\\.pdf$`),
    );
  });

  it('a type Rolodesk does not keep (a web page, served into the window) is set again from the bytes', async () => {
    const { archive } = await exported();
    const crafted = await archiveWithDatabaseChanged(archive, tempDir(), (db) =>
      db
        .prepare("UPDATE blobs SET mime_type = 'text/html', type_label = 'a PDF' WHERE mime_type = 'application/pdf'")
        .run(),
    );
    const fresh = await start();
    expect(await restore(fresh, crafted)).toMatchObject({ ok: true });
    expect(rows(fresh.core).find((row) => row.name === 'quote.pdf')).toMatchObject({
      mime: 'application/pdf',
      label: 'a PDF document',
    });
    const sha256 = createHash('sha256').update(samples.pdf).digest('hex');
    expect(fresh.logs.find((record) => record.message.startsWith('restored attachments broke'))?.context).toEqual({
      renamedIds: [],
      retyped: [sha256],
    });
  });

  it('a stored file that really is a program refuses the restore, changing nothing', async () => {
    const { archive } = await exported();
    const program = Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(200, 0x41)]);
    const sha256 = createHash('sha256').update(program).digest('hex');
    const crafted = await archiveWithDatabaseChanged(
      archive,
      tempDir(),
      (db) => {
        db.prepare(
          "INSERT INTO blobs (sha256, size, mime_type, type_label, stored_at) VALUES (?, ?, 'application/x-whatever', 'a file', 't')",
        ).run(sha256, program.length);
        db.prepare(
          "INSERT INTO attachments (contact_id, sha256, file_name, added_at) VALUES (1, ?, 'tool.pdf', 't')",
        ).run(sha256);
      },
      [program],
    );
    const fresh = await start();
    const before = readdirSync(fresh.core.paths.root).sort();
    expect(await restore(fresh, crafted)).toMatchObject({
      ok: false,
      error: {
        code: 'BACKUP_INVALID',
        message: stringMatching(
          /^This backup cannot be restored: attachment [0-9a-f]{12}… is really a Linux program \(ELF\), which Rolodesk does not keep\. Nothing was changed\.$/,
        ),
      },
    });
    expect(readdirSync(fresh.core.paths.root).sort()).toEqual(before);
    expect(existsSync(join(fresh.core.paths.attachments, sha256.slice(0, 2), sha256))).toBe(false);
  });

  it('opens a restored database with trusted_schema off: a trigger that reads SQLite’s internals refuses the restore', async () => {
    const { archive } = await exported();
    const crafted = await archiveWithDatabaseChanged(archive, tempDir(), (db) => {
      db.exec(`CREATE TABLE loot (name TEXT);
        CREATE TRIGGER snoop AFTER UPDATE ON attachments BEGIN INSERT INTO loot SELECT name FROM pragma_table_list; END;`);
      db.prepare("UPDATE attachments SET file_name = '../x.pdf' WHERE file_name = 'quote.pdf'").run();
      db.exec('DELETE FROM loot');
    });
    const fresh = await start();
    expect(await restore(fresh, crafted)).toMatchObject({
      ok: false,
      error: {
        code: 'BACKUP_INVALID',
        message: stringMatching(
          /^This backup cannot be restored: its database could not be prepared \(unsafe use of virtual table/,
        ),
      },
    });
    expect(fresh.core.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'loot'").pluck().get()).toBe(0);
  });
});
