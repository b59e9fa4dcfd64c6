import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../core/core';
import { parseMap } from './import-command';
import { memoryLogger } from '../core/logger';
import { useChildren } from '../../tests/support/child';
import { useTempDirs } from '../../tests/support/temp-dir';
import { stringContaining, stringMatching } from '../../tests/support/matchers';

const cliPath = resolve(__dirname, 'index.ts');

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', cliPath, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

async function contactsIn(dataDir: string): Promise<string[]> {
  const core = await openCore({ dataDir, logger: memoryLogger(), appVersion: 'test' });
  try {
    return core.db
      .prepare('SELECT name FROM contacts WHERE deleted_at IS NULL ORDER BY name')
      .pluck()
      .all() as string[];
  } finally {
    await core.close();
  }
}

describe('npm run cli -- import', () => {
  const tempDir = useTempDirs();
  const startChild = useChildren();

  function files() {
    const dir = tempDir();
    const semicolons = join(dir, 'excel.csv');
    // What Excel writes in much of Europe: Windows-1252, semicolons.
    writeFileSync(
      semicolons,
      Buffer.from('Name;E-mail;Notes\r\nJosé Álvarez;jose@example.com;Café\r\nBob;not-an-email;\r\n', 'latin1'),
    );
    const google = join(dir, 'google.csv');
    writeFileSync(
      google,
      'Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value\nAnna Berg,Anna,Berg,* myContacts ::: Friends,* Home,anna@example.com,Mobile,+46 70 123 45 67\n',
    );
    return { dir, semicolons, google };
  }

  it('detects encoding and separator, maps by preset, imports all or nothing and prints the rejected lines', async () => {
    const dataDir = tempDir();
    const { semicolons, google } = files();
    const run = cli('import', '--data-dir', dataDir, '--file', semicolons);
    expect(run.code).toBe(0);
    // These bytes read the same in Windows-1252 and Latin-1: either is a right answer.
    expect(run.out).toMatch(
      /Read excel\.csv: CSV, (windows-1252|iso-8859-1) \(detected\), separated by ";", first row is the column titles\./,
    );
    expect(run.out).toContain('Columns (matched by their titles): Name → Name; E-mail → Email; Notes → Notes.');
    expect(run.out).toMatch(
      /Imported excel\.csv: 1 created, 0 updated, 0 skipped, 1 rejected, tagged "Imported \d{4}-\d{2}-\d{2}"/,
    );
    expect(run.out).toContain(
      '  line 3: Email: that does not look like an email address (for example anna@example.com).',
    );
    const google1 = cli('import', '--data-dir', dataDir, '--file', google, '--kind', 'contacts');
    expect(google1).toMatchObject({ code: 0, out: stringContaining('Columns (recognised as Google Contacts)') });
    expect(await contactsIn(dataDir)).toEqual(['Anna Berg', 'José Álvarez']);
    // Nothing new the second time: every row is skipped as a duplicate (still a success).
    expect(cli('import', '--data-dir', dataDir, '--file', google)).toMatchObject({
      code: 0,
      out: stringContaining('0 created, 0 updated, 1 skipped'),
    });
  });

  it('--map maps exactly the columns given (by title or number), --dry-run changes nothing', async () => {
    const dataDir = tempDir();
    const { semicolons } = files();
    const dry = cli(
      'import',
      '--data-dir',
      dataDir,
      '--file',
      semicolons,
      '--map',
      'e-mail=notes,1=name',
      '--dry-run',
      '--encoding',
      'cp1252',
      '--delimiter',
      'semicolon',
    );
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Columns (as given): Name → Name; E-mail → Notes; Notes → Do not import.');
    expect(dry.out).toContain('Dry run, nothing changed: would create 2, update 0, skip 0, reject 0.');
    expect(await contactsIn(dataDir)).toEqual([]);
    expect(cli('import', '--data-dir', dataDir, '--file', semicolons, '--map', 'Name=name,Nope=email')).toMatchObject({
      code: 1,
      err: stringContaining('--map: the file has no column "Nope". Its columns are: 1 Name, 2 E-mail, 3 Notes.'),
    });
    expect(
      cli('import', '--data-dir', dataDir, '--file', semicolons, '--map', 'Name=name,E-mail=shoe size'),
    ).toMatchObject({ code: 1, err: stringContaining('"shoe size" is not a field') });
    expect(await contactsIn(dataDir)).toEqual([]);
  });

  it('exits 6 when nothing could be imported, and refuses while Rolodesk has the data open', async () => {
    const dataDir = tempDir();
    const { dir, semicolons } = files();
    const allBad = join(dir, 'bad.csv');
    writeFileSync(allBad, 'Name,Email\n,nobody@example.com\nBob,bob@\n');
    expect(cli('import', '--data-dir', dataDir, '--file', allBad)).toMatchObject({
      code: 6,
      out: stringContaining('0 created, 0 updated, 0 skipped, 2 rejected'),
    });
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect(cli('import', '--data-dir', dataDir, '--file', empty)).toMatchObject({
      code: 6,
      err: stringContaining('The file is empty.'),
    });

    const app = startChild('hold-data-dir.ts', [dataDir]);
    await app.waitForLine(/^ready$/);
    expect(cli('import', '--data-dir', dataDir, '--file', semicolons)).toMatchObject({
      code: 2,
      err: stringMatching(/Rolodesk is already open on this data/),
    });
  });

  it('--map reads columns by title (any capitals) or number, fields by name, custom label, tag or ignore', () => {
    const targets = [
      { target: 'name', label: 'Name' },
      { target: 'firstName', label: 'First name' },
      { target: 'email', label: 'Email' },
      { target: 'notes', label: 'Notes' },
      { target: 'custom:7', label: 'Customer since' },
      { target: 'tag', label: 'Tags' },
      { target: 'ignore', label: 'Do not import' },
    ] as const;
    const usage = (message: string) => new Error(message);
    const headers = ['Vorname', 'E-Mail', 'Seit', 'Gruppen', 'Sonstiges'];
    expect(
      parseMap('vorname=first name, e-mail=Email, 3=customer since, Gruppen=tag', headers, targets, usage),
    ).toEqual(['firstName', 'email', 'custom:7', 'tag', 'ignore']);
    expect(() => parseMap('6=name', headers, targets, usage)).toThrow('--map: the file has no column "6".');
    expect(() => parseMap('Vorname', headers, targets, usage)).toThrow('--map: "Vorname" is not Column=field.');
  });
});
