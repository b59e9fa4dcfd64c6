import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { call, count, failure } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { importFile, openFile, writeFile } from '../../../tests/support/import-files';

describe('bad input at the pipeline level: the row is refused in words naming the line, the rest imports', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  async function setUp() {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    return { core, desktop, dir: tempDir() };
  }

  it('10,000-character cells: too long for the field rejects that row, with the form’s words', async () => {
    const { core, desktop, dir } = await setUp();
    const longNotes = 'n'.repeat(10_001);
    const longName = 'N'.repeat(10_000);
    const path = writeFile(
      dir,
      'long.csv',
      `Name,Notes\nAnna,${longNotes}\n${longName},short\nBob,${'x'.repeat(10_000)}\n`,
    );
    const summary = await importFile(core, desktop, path);
    expect(summary).toMatchObject({ created: 1, rejected: 2 });
    expect(summary.rejectedRows).toEqual([
      { line: 2, reasons: ['Notes is too long: 10,001 characters, at most 10,000.'] },
      { line: 3, reasons: ['Name is too long: 10,000 characters, at most 200.'] },
    ]);
    expect((await call(core, 'contacts.list', {})).rows.map((row) => row.name)).toEqual(['Bob']);
  });

  it('formula-injection text in names is stored exactly as typed (export neutralises it, import does not change data)', async () => {
    const { core, desktop, dir } = await setUp();
    const names = ['=HYPERLINK("http://evil.example","Click")', '+1+2', '-Minus', '@SUM(A1)'];
    const path = writeFile(
      dir,
      'formulas.csv',
      `Name\n${names.map((name) => `"${name.replace(/"/g, '""')}"`).join('\n')}\n`,
    );
    expect(await importFile(core, desktop, path)).toMatchObject({ created: 4, rejected: 0 });
    const stored = core.db.prepare('SELECT name FROM contacts ORDER BY id').pluck().all();
    expect(stored).toEqual(names);
  });

  it('invalid emails, unreadable dates and ragged rows each reject their row only', async () => {
    const { core, desktop, dir } = await setUp();
    const since = await call(core, 'customFields.create', { kind: 'contact', label: 'Customer since', type: 'date' });
    const path = writeFile(
      dir,
      'mixed.csv',
      'Name,Email,Since\nAnna,anna@example,2020-01-01\nBob,bob@example.com,someday\nCleo,cleo@example.com,2021-05-06,extra\nDan,dan@example.com,2022-02-03\n',
    );
    const file = await openFile(core, desktop, path);
    const summary = await file.run({ mapping: ['name', 'email', `custom:${since.id}`] });
    expect(summary).toMatchObject({ created: 1, rejected: 3 });
    expect(summary.rejectedRows).toEqual([
      { line: 2, reasons: ['Email: that does not look like an email address (for example anna@example.com).'] },
      {
        line: 3,
        reasons: ['Customer since: “someday” is not a date Rolodesk can read (use day/month/year or YYYY-MM-DD).'],
      },
      { line: 4, reasons: ['Line 4 has 4 values but the file has 3 columns.'] },
    ]);
    expect(count(core, 'SELECT count(*) FROM contacts')).toBe(1);
  });

  it('a vCard with no name is rejected with its line; a card’s extra emails and phones go to the notes', async () => {
    const { core, desktop, dir } = await setUp();
    const cards = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Anna Berg',
      'N:Berg;Anna;;;',
      'ORG:Acme',
      'EMAIL;TYPE=work:anna@acme.example',
      'EMAIL;TYPE=home:anna@home.example',
      'TEL;TYPE=cell:+46 70 123 45 67',
      'TEL;TYPE=work:+46 8 123 456',
      'NOTE:Met at the fair',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'EMAIL:ghost@example.com',
      'END:VCARD',
    ];
    const path = writeFile(dir, 'phone.vcf', cards.join('\r\n') + '\r\n');
    const file = await openFile(core, desktop, path);
    expect(file.inspection.preset).toBe('vCard');
    const summary = await file.run();
    expect(summary).toMatchObject({ created: 1, rejected: 1 });
    expect(summary.rejectedRows[0]!.line).toBe(12);
    expect(summary.rejectedRows[0]!.reasons.join(' ')).toMatch(/no name/);
    const anna = await call(core, 'contacts.get', { id: (await call(core, 'contacts.list', {})).rows[0]!.id });
    expect(anna).toMatchObject({
      name: 'Anna Berg',
      email: 'anna@acme.example',
      phone: '+46 70 123 45 67',
      company: 'Acme',
    });
    expect(anna.notes).toContain('Met at the fair');
    expect(anna.notes).toContain('Email 2: anna@home.example');
    expect(anna.notes).toContain('Phone 2: +46 8 123 456');
  });

  it('duplicate rows inside the file: the first is created, the copies match it (skipped, naming its line)', async () => {
    const { core, desktop, dir } = await setUp();
    const path = writeFile(
      dir,
      'twice.csv',
      'Name,Email\nAnna,anna@example.com\nAnna,anna@example.com\nAnna,ANNA@example.com\n',
    );
    const file = await openFile(core, desktop, path);
    const preview = await file.preview();
    expect(preview.counts).toEqual({ create: 1, update: 0, skip: 2, reject: 0 });
    expect(preview.rows.slice(1).map((row) => row.match)).toEqual([
      { type: 'row', line: 2 },
      { type: 'row', line: 2 },
    ]);
    expect(await file.run()).toMatchObject({ created: 1, skipped: 2 });
    expect(count(core, 'SELECT count(*) FROM contacts')).toBe(1);
  });
  it('an .xlsx whose first sheet is empty imports its first sheet with rows; one with no rows anywhere is refused and changes nothing', async () => {
    const { core, desktop, dir } = await setUp();
    const coverFirst = join(dir, 'cover-first.xlsx');
    await writeExcelFile([
      { sheet: 'Cover', data: [[]] },
      {
        sheet: 'People',
        data: [
          ['Name', 'Email'],
          ['Anna Berg', 'anna@example.com'],
        ],
      },
    ] as never).toFile(coverFirst);
    const file = await openFile(core, desktop, coverFirst);
    expect(file.inspection.info).toMatchObject({ sheets: ['Cover', 'People'], sheet: 'People' });
    expect(await file.run()).toMatchObject({ created: 1, rejected: 0 });
    expect((await call(core, 'contacts.list', {})).rows.map((row) => row.name)).toEqual(['Anna Berg']);

    const blank = join(dir, 'blank.xlsx');
    await writeExcelFile([
      { sheet: 'Sheet1', data: [[]] },
      { sheet: 'Sheet2', data: [['Name']] },
    ] as never).toFile(blank);
    desktop.importFile = blank;
    const opened = await call(core, 'import.open', { kind: 'contact', source: { type: 'dialog' } });
    const refused = await failure(core, 'import.inspect', { importId: opened!.importId, read: {} });
    expect(refused.message).toBe('None of the sheets in this workbook has rows to import (it has “Sheet1”, “Sheet2”).');
    expect(count(core, 'SELECT count(*) FROM contacts')).toBe(1);
  });
});
