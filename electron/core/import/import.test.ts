import { describe, expect, it } from 'vitest';
import { call, count, failure } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { importFile, openFile, writeFile } from '../../../tests/support/import-files';

describe('importing contacts from a CSV file', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  async function setUp() {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop, clock: fixedClock('2026-12-06T10:00:00.000Z') });
    return { core, desktop, dir: tempDir() };
  }

  it('detects, suggests a mapping, previews and imports, tagging each record and noting it in its timeline', async () => {
    const { core, desktop, dir } = await setUp();
    const path = writeFile(
      dir,
      'people.csv',
      'First Name,Last Name,Email,Phone,Company,Notes\nAnna,Berg,anna@example.com,+46 70 123 45 67,Acme Ltd,Met at the fair\nBob,Stone,bob@example.com,,Globex,\n',
    );
    const file = await openFile(core, desktop, path);
    expect(file.inspection.info).toMatchObject({
      format: 'csv',
      fileName: 'people.csv',
      delimiter: ',',
      hasHeader: true,
    });
    expect(file.inspection.suggested).toEqual(['firstName', 'lastName', 'email', 'phone', 'company', 'notes']);
    expect(file.inspection.preset).toBe('Plain list');
    expect(file.inspection.sample.map((row) => row.line)).toEqual([2, 3]);

    const preview = await file.preview();
    expect(preview.counts).toEqual({ create: 2, update: 0, skip: 0, reject: 0 });
    expect(preview.rows[0]).toMatchObject({
      line: 2,
      outcome: 'create',
      fields: { name: 'Anna Berg', email: 'anna@example.com', company: 'Acme Ltd', notes: 'Met at the fair' },
      problems: [],
    });
    expect(count(core, 'SELECT count(*) FROM contacts')).toBe(0);

    const summary = await file.run();
    expect(summary).toMatchObject({
      created: 2,
      companiesCreated: 2,
      updated: 0,
      skipped: 0,
      rejected: 0,
      rejectedRows: [],
      tagName: 'Imported 2026-12-06',
    });
    const { rows } = await call(core, 'contacts.list', {});
    expect(rows.map((row) => row.name)).toEqual(['Anna Berg', 'Bob Stone']);
    const anna = await call(core, 'contacts.get', { id: rows[0]!.id });
    expect(anna).toMatchObject({
      email: 'anna@example.com',
      phone: '+46 70 123 45 67',
      company: 'Acme Ltd',
      notes: 'Met at the fair',
    });
    expect(anna.companyId).not.toBeNull();
    const { tags } = await call(core, 'tags.list', {});
    expect(tags.map((tag) => tag.name)).toEqual(['Imported 2026-12-06']);
    expect(anna.tagIds).toEqual([tags[0]!.id]);
    const timeline = await call(core, 'timeline.list', { record: { kind: 'contact', id: anna.id } });
    expect(
      timeline.entries.some((entry) => entry.type === 'change' && entry.change.newValue === 'Imported 2026-12-06'),
    ).toBe(true);
    // The company column created the companies and linked the people to them.
    expect((await call(core, 'companies.list', {})).rows.map((row) => row.name)).toEqual(['Acme Ltd', 'Globex']);
    // Searchable at once: the search index was kept by the same code the app writes with.
    expect(
      (await call(core, 'search.all', { text: 'Berg', kinds: ['contact'] })).groups[0]?.hits.map((hit) => hit.title),
    ).toEqual(['Anna Berg']);
    expect((await call(core, 'import.list', {})).imports).toEqual([
      expect.objectContaining({
        runId: summary.runId,
        kind: 'contact',
        fileName: 'people.csv',
        created: 2,
        companiesCreated: 2,
        undoable: true,
        undoneAt: null,
      }),
    ]);
  });
});

describe('mapping', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('remembers the last mapping per header set, and refuses a column mapped twice with a clear message', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    const dir = tempDir();
    const path = writeFile(
      dir,
      'list.csv',
      'Full name,E-mail,E-mail 2,Remarks\nAnna Berg,anna@example.com,anna@home.example,VIP\n',
    );
    const first = await openFile(core, desktop, path);
    expect(first.inspection.remembered).toBe(false);
    expect(first.inspection.suggested).toEqual(['name', 'email', 'notes', 'notes']);

    const twice = await failure(core, 'import.preview', first.plan({ mapping: ['name', 'email', 'email', 'notes'] }));
    expect(twice.code).toBe('VALIDATION');
    expect(twice.message).toBe('“E-mail” and “E-mail 2” both go to Email. Choose one, or send the other to Notes.');
    const noName = await failure(core, 'import.run', first.plan({ mapping: ['ignore', 'email', 'notes', 'notes'] }));
    expect(noName.message).toContain('Choose the column that holds the name');
    expect(count(core, 'SELECT count(*) FROM contacts')).toBe(0);

    await first.run({ mapping: ['name', 'email', 'ignore', 'tag'] });
    const anna = (await call(core, 'contacts.list', {})).rows[0]!;
    const { tags } = await call(core, 'tags.list', {});
    expect(tags.map((tag) => tag.name).sort()).toEqual(expect.arrayContaining(['VIP']));
    expect(anna.tagIds).toContain(tags.find((tag) => tag.name === 'VIP')!.id);

    // The same headers in other capitals and spacing find the mapping chosen last time.
    const again = await openFile(
      core,
      desktop,
      writeFile(dir, 'list2.csv', 'FULL NAME,e-mail,E-Mail 2,remarks\nBo,bo@example.com,,\n'),
    );
    expect(again.inspection.remembered).toBe(true);
    expect(again.inspection.suggested).toEqual(['name', 'email', 'ignore', 'tag']);
  });

  it('extra emails and phones go to the notes as "Header: value" lines, none lost; tags split on ;', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    const path = writeFile(
      tempDir(),
      'x.csv',
      'Name,Email,Email 2,Phone,Mobile,Notes,Tags\nAnna,a@example.com,a2@example.com,0701234567,0709999999,Likes tea,"Customer; Stockholm; VIP"\n',
    );
    const summary = await importFile(core, desktop, path, 'contact', {
      mapping: ['name', 'email', 'notes', 'phone', 'notes', 'notes', 'tag'],
    });
    expect(summary.created).toBe(1);
    const anna = await call(core, 'contacts.get', { id: (await call(core, 'contacts.list', {})).rows[0]!.id });
    expect(anna.notes).toBe('Likes tea\nEmail 2: a2@example.com\nMobile: 0709999999');
    const names = (await call(core, 'tags.list', {})).tags
      .filter((tag) => anna.tagIds.includes(tag.id))
      .map((tag) => tag.name);
    expect(names.sort()).toEqual(['Customer', summary.tagName, 'Stockholm', 'VIP'].sort());
  });

  it('custom fields by type: numbers, choices, and dates in the order the file shows (or the one chosen)', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    const birthday = await call(core, 'customFields.create', { kind: 'contact', label: 'Birthday', type: 'date' });
    const size = await call(core, 'customFields.create', { kind: 'contact', label: 'Shoe size', type: 'number' });
    const level = await call(core, 'customFields.create', {
      kind: 'contact',
      label: 'Level',
      type: 'choice',
      choices: ['Gold', 'Silver'],
    });
    const dir = tempDir();
    // 25/12/1990 can only be day first: the file's dates are read day first.
    const path = writeFile(
      dir,
      'dates.csv',
      'Name,Birthday,Size,Level\nAnna,03/04/1990,"42,5",gold\nBob,25/12/1990,44,Silver\nCleo,1991-07-08,40,Bronze\nDan,31/02/1990,41,Gold\n',
    );
    const file = await openFile(core, desktop, path);
    const mapping = ['name', `custom:${birthday.id}`, `custom:${size.id}`, `custom:${level.id}`];
    expect(file.inspection.targets.map((target) => target.label)).toEqual(
      expect.arrayContaining(['Birthday', 'Shoe size', 'Level', 'Tags', 'Do not import']),
    );
    const preview = await file.preview({ mapping });
    expect(preview.dateOrder).toBe('dmy');
    expect(preview.counts).toEqual({ create: 2, update: 0, skip: 0, reject: 2 });
    expect(preview.rows[0]!.custom).toEqual({ [birthday.id]: '1990-04-03', [size.id]: 42.5, [level.id]: 'Gold' });
    expect(preview.rows[2]!.problems).toEqual(['Level: “Bronze” is not one of its choices (Gold, Silver).']);
    expect(preview.rows[3]!.problems).toEqual([
      'Birthday: “31/02/1990” is not a date Rolodesk can read (use day/month/year or YYYY-MM-DD).',
    ]);
    const monthFirst = await file.preview({ mapping, dateOrder: 'mdy' });
    expect(monthFirst.dateOrder).toBe('mdy');
    expect(monthFirst.rows[0]!.custom[String(birthday.id)]).toBe('1990-03-04');
    expect(monthFirst.rows[1]!.outcome).toBe('reject');
  });
});
