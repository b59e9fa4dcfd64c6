import { parse } from 'csv-parse/sync';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { ExportProgress } from '../../../shared/schemas/export';
import { call, failure } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { recordingDesktop, type RecordingDesktop } from '../../../tests/support/recording-desktop';
import { seedContacts } from '../../../tests/support/seed-contacts';
import { measureStalls } from '../../../tests/support/stall-watch';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Core } from '../core';
import type { EventSink } from '../events';
import { neutraliseFormula } from './formula-injection';
import { foldLine } from './vcard-writer';
import { vcf } from './vcf-package';
import { arrayContaining, objectContaining, stringMatching } from '../../../tests/support/matchers';

const allContacts = { kind: 'contact' as const, query: {} };
const longNotes = `Long notes ${'é'.repeat(9_989)}`;

/** A core with a desktop whose save dialog answers `saveLocation`, and the export.progress events it sent. */
async function exportingCore(openCore: ReturnType<typeof useCores>, dataDir: string) {
  const desktop = recordingDesktop();
  const progress: ExportProgress[] = [];
  const listeners: Array<(event: EventName, payload: unknown) => void> = [];
  const emit: EventSink = (event, payload) => {
    if (event === 'export.progress') progress.push(payload as EventPayload<'export.progress'>);
    for (const listener of listeners) listener(event, payload);
  };
  const core = await openCore(dataDir, { desktop, emit });
  return { core, desktop, progress, listeners };
}

/** A small address book with every kind of field: custom text, number, date and choice, tags, accents, emoji, long notes. */
async function addressBook(core: Core) {
  const tier = await call(core, 'customFields.create', {
    kind: 'contact',
    label: 'Tier',
    type: 'choice',
    choices: ['Gold', 'Silver'],
  });
  const score = await call(core, 'customFields.create', { kind: 'contact', label: 'Score', type: 'number' });
  const birthday = await call(core, 'customFields.create', { kind: 'contact', label: 'Birthday', type: 'date' });
  const nickname = await call(core, 'customFields.create', { kind: 'contact', label: 'Nickname', type: 'text' });
  const vip = await call(core, 'tags.create', { name: 'VIP' });
  const press = await call(core, 'tags.create', { name: 'Press' });
  const chloe = await call(core, 'contacts.create', {
    name: 'Chloé Dubois 🎉',
    email: 'chloe@example.fr',
    phone: '01 23 45 67 89',
    company: 'Société Générale, Paris',
    notes: 'Line one\nLine "two"; with comma, and semicolon',
    tagIds: [vip.id, press.id],
    custom: { [tier.id]: 'Gold', [score.id]: -5, [birthday.id]: '1990-04-01', [nickname.id]: 'Clo' },
  });
  const jurgen = await call(core, 'contacts.create', {
    name: 'Jürgen Weiß',
    email: 'jw@example.de',
    notes: longNotes,
    custom: { [score.id]: 3.5 },
  });
  const ann = await call(core, 'contacts.create', { name: 'Ann', email: '' });
  return { fields: { tier, score, birthday, nickname }, tags: { vip, press }, contacts: { chloe, jurgen, ann } };
}

async function exportTo(core: Core, desktop: RecordingDesktop, path: string, request: Record<string, unknown>) {
  desktop.saveLocation = path;
  return call(core, 'export.list', { list: allContacts, format: 'csv', ...request } as never);
}

const csvRecords = (path: string, delimiter = ',') =>
  parse<Record<string, string>>(readFileSync(path), { bom: true, columns: true, delimiter, relax_column_count: false });

describe('export of a list to a file', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('writes CSV as Excel opens it: BOM, header, CRLF, every field, custom fields and tags, read back the same', async () => {
    const { core, desktop, progress } = await exportingCore(openCore, tempDir());
    const { contacts } = await addressBook(core);
    const path = join(tempDir(), 'Contacts.csv');

    const result = await exportTo(core, desktop, path, { format: 'csv' });

    expect(result).toEqual({ saved: true, rows: 3, fileName: 'Contacts.csv' });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFName,Email,Phone,Company,Notes,Created,Updated,Lead source,UTM source,UTM medium,UTM campaign,Marketing consent,Consent changed,Tier,Score,Birthday,Nickname,Tags',
    );
    expect(text.endsWith('\r\n')).toBe(true);
    const records = csvRecords(path);
    expect(records.map((record) => record.Name)).toEqual(['Ann', 'Chloé Dubois 🎉', 'Jürgen Weiß']);
    expect(records[1]).toEqual({
      Name: 'Chloé Dubois 🎉',
      Email: 'chloe@example.fr',
      Phone: '01 23 45 67 89',
      Company: 'Société Générale, Paris',
      Notes: 'Line one\nLine "two"; with comma, and semicolon',
      Created: contacts.chloe.createdAt,
      Updated: contacts.chloe.updatedAt,
      'Lead source': '',
      'UTM source': '',
      'UTM medium': '',
      'UTM campaign': '',
      'Marketing consent': 'Not asked',
      'Consent changed': '',
      Tier: 'Gold',
      Score: '-5',
      Birthday: '1990-04-01',
      Nickname: 'Clo',
      Tags: 'Press; VIP',
    });
    expect(records[2]!.Notes).toBe(longNotes);
    expect(records[2]!.Notes).toHaveLength(10_000);
    expect(records[2]!.Score).toBe('3.5');
    expect(records[0]).toMatchObject({ Email: '', Tier: '', Tags: '' });
    expect(progress.at(-1)).toEqual({ fraction: 1, rows: 3 });
    expect(readdirSync(join(path, '..'))).toEqual(['Contacts.csv']);
  });

  it('writes semicolon CSV with decimal commas, as Excel reads it where the comma is the decimal point', async () => {
    const { core, desktop } = await exportingCore(openCore, tempDir());
    await addressBook(core);
    const path = join(tempDir(), 'semicolon.csv');

    await exportTo(core, desktop, path, { format: 'csv', delimiter: ';' });

    const text = readFileSync(path, 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFName;Email;Phone;Company;Notes;Created;Updated;Lead source;UTM source;UTM medium;UTM campaign;Marketing consent;Consent changed;Tier;Score;Birthday;Nickname;Tags',
    );
    const records = csvRecords(path, ';');
    expect(records.map((record) => [record.Name, record.Score, record.Company])).toEqual([
      ['Ann', '', ''],
      ['Chloé Dubois 🎉', '-5', 'Société Générale, Paris'],
      ['Jürgen Weiß', '3,5', ''],
    ]);
  });

  it('writes a number as stored, every digit (SQLite’s JSON would keep 15)', async () => {
    const { core, desktop } = await exportingCore(openCore, tempDir());
    const weight = await call(core, 'customFields.create', { kind: 'contact', label: 'Weight', type: 'number' });
    const precise = 1234567.8912345679;
    await call(core, 'contacts.create', { name: 'Ann', custom: { [weight.id]: precise } });
    const path = join(tempDir(), 'precise.csv');

    await exportTo(core, desktop, path, { format: 'csv' });

    expect(csvRecords(path)[0]!.Weight).toBe(String(precise));
    expect(Number(csvRecords(path)[0]!.Weight)).toBe(precise);
  });

  it('exports exactly the rows a searched, filtered, sorted list shows, in its order, across many pages', async () => {
    const { core, desktop, progress } = await exportingCore(openCore, tempDir());
    seedContacts(core, 2_600);
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    const everySecond = (core.db.prepare('SELECT id FROM contacts WHERE id % 2 = 0').pluck().all() as number[]).slice(
      0,
      1_000,
    );
    await call(core, 'bulk.apply', { kind: 'contact', ids: everySecond, action: { type: 'addTag', tagId: vip.id } });
    const query = { search: 'berg', tagIds: [vip.id], sort: 'email' as const, direction: 'desc' as const };
    const shown: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await call(core, 'contacts.list', { ...query, offset, limit: 500 });
      shown.push(...page.rows.map((row) => row.email));
      if (page.rows.length < 500) break;
    }
    const unfiltered = await call(core, 'contacts.list', { sort: 'company', direction: 'desc', limit: 500 });
    const path = join(tempDir(), 'berg.csv');

    const searched = await exportTo(core, desktop, path, { list: { kind: 'contact', query } });
    expect(shown.length).toBeGreaterThan(20);
    expect(shown.length).toBeLessThan(200);
    expect(searched.rows).toBe(shown.length);
    expect(csvRecords(path).map((record) => record.Email)).toEqual(shown);
    expect(csvRecords(path).every((record) => record.Tags === 'VIP')).toBe(true);
    progress.splice(0);

    // Every row of a long list, beyond any page size, in the list's sort (blanks last).
    const everyone = await exportTo(core, desktop, path, {
      list: { kind: 'contact', query: { sort: 'company', direction: 'desc' } },
    });
    expect(everyone.rows).toBe(2_600);
    const records = csvRecords(path);
    expect(records).toHaveLength(2_600);
    expect(records.slice(0, 500).map((record) => record.Email)).toEqual(unfiltered.rows.map((row) => row.email));
    expect(records.at(-1)!.Company).toBe('');
    // Progress counts the rows as they are written, a page at a time, up to all of them.
    const counted = progress.map((step) => step.rows);
    expect(counted).toEqual([...counted].sort((a, b) => a - b));
    expect(counted).toEqual(arrayContaining([1_000, 2_000, 2_600]));
    expect(progress.at(-1)).toEqual({ fraction: 1, rows: 2_600 });
  });

  it('writes every one of 100,000 contacts: no cap, nothing cut short', async () => {
    const { core, desktop } = await exportingCore(openCore, tempDir());
    seedContacts(core, 100_000);
    const path = join(tempDir(), 'everyone.csv');

    const result = await exportTo(core, desktop, path, { format: 'csv' });

    expect(result.rows).toBe(100_000);
    const lines = readFileSync(path, 'utf8').split('\r\n');
    expect(lines).toHaveLength(100_002);
    expect(lines.at(-1)).toBe('');
    expect(new Set(lines.slice(1, -1).map((line) => line.split(',')[1])).size).toBe(100_000);
  }, 180_000);

  it('never blocks the thread that answers requests: lists answer while 30,000 rows go to Excel', async () => {
    const { core, desktop, listeners } = await exportingCore(openCore, tempDir());
    seedContacts(core, 30_000);
    desktop.saveLocation = join(tempDir(), 'big.xlsx');
    const answered: number[] = [];
    listeners.push((event, payload) => {
      // While the export runs, the window keeps paging its list.
      if (event === 'export.progress' && (payload as ExportProgress).fraction < 0.9) {
        void call(core, 'contacts.list', { offset: 20_000, limit: 100, search: 'berg' }).then((page) =>
          answered.push(page.rows.length),
        );
      }
    });

    // A guard, not a benchmark (a frame is 16 ms): as generous as the other jobs' guard.
    const { value, longestStallMs } = await measureStalls(() =>
      call(core, 'export.list', { list: allContacts, format: 'xlsx' }),
    );

    expect(value.rows).toBe(30_000);
    expect(answered.length).toBeGreaterThan(5);
    expect(longestStallMs).toBeLessThan(200);
  }, 120_000);

  it('exports only the ticked rows, in the list’s order', async () => {
    const { core, desktop } = await exportingCore(openCore, tempDir());
    const { contacts } = await addressBook(core);
    const path = join(tempDir(), 'ticked.csv');

    const result = await exportTo(core, desktop, path, {
      list: { kind: 'contact', query: { sort: 'name', direction: 'desc' } },
      ids: [contacts.ann.id, contacts.jurgen.id],
    });

    expect(result.rows).toBe(2);
    expect(csvRecords(path).map((record) => record.Name)).toEqual(['Jürgen Weiß', 'Ann']);
  });

  it('exports every row but the unticked ones (a select-all less some), and refuses both kinds of ticks at once', async () => {
    const { core, desktop } = await exportingCore(openCore, tempDir());
    const { contacts } = await addressBook(core);
    const list = { kind: 'contact', query: { sort: 'name', direction: 'desc' } } as const;
    const wholeList = join(tempDir(), 'everyone.csv');
    await exportTo(core, desktop, wholeList, { list });
    const everyone = csvRecords(wholeList).map((record) => record.Name);
    const path = join(tempDir(), 'all-but-two.csv');

    const result = await exportTo(core, desktop, path, { list, except: [contacts.ann.id, contacts.jurgen.id] });

    expect(result.rows).toBe(everyone.length - 2);
    expect(csvRecords(path).map((record) => record.Name)).toEqual(
      everyone.filter((name) => name !== 'Ann' && name !== 'Jürgen Weiß'),
    );
    const both = await failure(core, 'export.list', {
      list,
      ids: [contacts.ann.id],
      except: [contacts.jurgen.id],
      format: 'csv',
    });
    expect(both.code).toBe('VALIDATION');
    expect(both.message).toContain('Name the ticked rows or the unticked ones, not both.');
  });

  it('neutralises every formula start in CSV and Excel, and leaves numbers alone', async () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseFormula('Anna')).toBe('Anna');
    // Already marked by hand: marked again, so an import's one strip gives back what was typed.
    expect(neutraliseFormula("'=quoted")).toBe("''=quoted");
    expect(neutraliseFormula("O'Brien")).toBe("O'Brien");
    expect(neutraliseFormula('')).toBe('');

    const { core, desktop } = await exportingCore(openCore, tempDir());
    const score = await call(core, 'customFields.create', { kind: 'contact', label: 'Score', type: 'number' });
    const dangerous = [
      '=HYPERLINK("http://evil.example","Click")',
      '+49 30 1234',
      '-2+3',
      '@SUM(A1:A2)',
      '\tTabbed',
      '\rReturned',
    ];
    for (const [index, text] of dangerous.entries()) {
      const { id } = await call(core, 'contacts.create', {
        name: `Person ${index}`,
        custom: { [score.id]: -index - 1 },
      });
      // Forms trim what is typed; an import or an older version may have kept a leading tab or line break.
      core.db.prepare('UPDATE contacts SET notes = ? WHERE id = ?').run(text, id);
    }
    await call(core, 'contacts.create', { name: '=1+1' });

    const csvPath = join(tempDir(), 'injection.csv');
    await exportTo(core, desktop, csvPath, { format: 'csv' });
    const records = csvRecords(csvPath);
    expect(records.map((record) => record.Notes)).toEqual(['', ...dangerous.map((text) => `'${text}`)]);
    expect(records[0]!.Name).toBe("'=1+1");
    expect(records.slice(1).map((record) => record.Score)).toEqual(['-1', '-2', '-3', '-4', '-5', '-6']);

    const xlsxPath = join(tempDir(), 'injection.xlsx');
    await exportTo(core, desktop, xlsxPath, { format: 'xlsx' });
    const rows = await readSheet(xlsxPath);
    expect(rows.slice(1).map((row) => row[4] ?? '')).toEqual(['', ...dangerous.map((text) => `'${text}`)]);
    expect(rows[1]![0]).toBe("'=1+1");
    // Numbers stay numbers a sheet can add up, negative ones too.
    expect(rows.slice(2).map((row) => row[13])).toEqual([-1, -2, -3, -4, -5, -6]);
  });

  it('writes .xlsx with a bold header row, numbers as numbers, dates as dates', async () => {
    const { core, desktop } = await exportingCore(openCore, tempDir());
    const { contacts } = await addressBook(core);
    const path = join(tempDir(), 'Contacts.xlsx');

    const result = await exportTo(core, desktop, path, { format: 'xlsx' });

    expect(result).toMatchObject({ saved: true, rows: 3 });
    const rows = await readSheet(path);
    expect(rows[0]).toEqual([
      'Name',
      'Email',
      'Phone',
      'Company',
      'Notes',
      'Created',
      'Updated',
      'Lead source',
      'UTM source',
      'UTM medium',
      'UTM campaign',
      'Marketing consent',
      'Consent changed',
      'Tier',
      'Score',
      'Birthday',
      'Nickname',
      'Tags',
    ]);
    const chloe = rows[2]!;
    expect(chloe.slice(0, 5)).toEqual([
      'Chloé Dubois 🎉',
      'chloe@example.fr',
      '01 23 45 67 89',
      'Société Générale, Paris',
      'Line one\nLine "two"; with comma, and semicolon',
    ]);
    // Excel keeps time as a fraction of a day: within a millisecond.
    expect(
      Math.abs((chloe[5] as unknown as Date).getTime() - Date.parse(contacts.chloe.createdAt)),
    ).toBeLessThanOrEqual(1);
    expect(chloe.slice(13)).toEqual(['Gold', -5, new Date('1990-04-01T00:00:00Z'), 'Clo', 'Press; VIP']);
    expect(rows[3]![4]).toBe(longNotes);
    expect(rows[3]![14]).toBe(3.5);
    const { default: yauzl } = await import('yauzl');
    const styles = await new Promise<string>((resolve, reject) =>
      yauzl.open(path, { lazyEntries: true }, (error, zip) => {
        if (error) return reject(error);
        zip.on('entry', (entry: { fileName: string }) => {
          if (entry.fileName !== 'xl/styles.xml') return zip.readEntry();
          zip.openReadStream(entry as never, (streamError, stream) => {
            if (streamError) return reject(streamError);
            const chunks: Buffer[] = [];
            stream.on('data', (chunk: Buffer) => chunks.push(chunk));
            stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          });
        });
        zip.readEntry();
      }),
    );
    expect(styles).toMatch(/<b\/>/);
  });

  it('writes vCard 4.0 for contacts: names, email, phone, company, notes, tags and custom fields, escaped and folded', async () => {
    const { core, desktop } = await exportingCore(openCore, tempDir());
    await addressBook(core);
    const path = join(tempDir(), 'Contacts.vcf');

    const result = await exportTo(core, desktop, path, { format: 'vcard' });

    expect(result).toMatchObject({ saved: true, rows: 3 });
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('\uFFFD');
    const lines = text.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Chloé Dubois 🎉',
        'N:🎉;Chloé Dubois;;;',
        'EMAIL:chloe@example.fr',
        'TEL;VALUE=text:01 23 45 67 89',
        'ORG:Société Générale\\, Paris',
        'NOTE:Line one\\nLine "two"\\; with comma\\, and semicolon',
        'CATEGORIES:Press,VIP',
        'X-ROLODESK-FIELD:Tier;Gold',
        'X-ROLODESK-FIELD:Score;-5',
        'X-ROLODESK-FIELD:Birthday;1990-04-01',
        'X-ROLODESK-FIELD:Nickname;Clo',
        'END:VCARD',
      ].join('\r\n'),
    );
    expect(unfolded).toContain('FN:Ann\r\nN:;Ann;;;\r\nEND:VCARD');
    expect(unfolded).toContain(`NOTE:${longNotes}`);
    // The vCard reader the import uses finds every card.
    const cards = vcf.parse(text);
    expect(cards.map((card) => [card.get('fn')].flat()[0]?.valueOf())).toEqual([
      'Ann',
      'Chloé Dubois 🎉',
      'Jürgen Weiß',
    ]);
  });

  it('folds long vCard lines at 75 bytes without cutting a character in two', () => {
    const line = `FN:${'🎉'.repeat(60)}`;
    const folded = foldLine(line);
    for (const piece of folded.split('\r\n')) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(75);
    expect(Buffer.from(folded, 'utf8').toString('utf8')).not.toContain('\uFFFD');
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('refuses vCard for companies and deals, in plain words', async () => {
    const { core } = await exportingCore(openCore, tempDir());
    for (const kind of ['company', 'deal'] as const) {
      const error = await failure(core, 'export.list', { list: { kind, query: {} }, format: 'vcard' });
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toContain('only contacts can be exported as vCard');
    }
  });

  it('exports companies and deals with their own fields', async () => {
    const { core, desktop } = await exportingCore(openCore, tempDir());
    const acme = await call(core, 'companies.create', {
      name: 'Acme Ltd',
      website: 'acme.example',
      industry: 'Engineering',
      address: '1 High St\nLondon',
    });
    const anna = await call(core, 'contacts.create', { name: 'Anna Berg', companyId: acme.id });
    const region = await call(core, 'customFields.create', { kind: 'deal', label: 'Region', type: 'text' });
    await call(core, 'deals.create', {
      title: 'Acme renewal',
      companyId: acme.id,
      contactId: anna.id,
      valueMinor: 500_050,
      currency: 'EUR',
      expectedCloseDate: '2027-03-31',
      probability: 60,
      owner: 'Maria',
      custom: { [region.id]: 'North' },
    });
    await call(core, 'deals.create', { title: 'Tokyo pilot', valueMinor: 120_000, currency: 'JPY' });

    const companies = join(tempDir(), 'companies.csv');
    desktop.saveLocation = companies;
    await call(core, 'export.list', { list: { kind: 'company', query: {} }, format: 'csv' });
    expect(csvRecords(companies)).toEqual([
      objectContaining({
        Name: 'Acme Ltd',
        Website: 'acme.example',
        Address: '1 High St\nLondon',
        Industry: 'Engineering',
      }),
    ]);

    const deals = join(tempDir(), 'deals.xlsx');
    desktop.saveLocation = deals;
    await call(core, 'export.list', {
      list: { kind: 'deal', query: { sort: 'title', direction: 'asc' } },
      format: 'xlsx',
    });
    const rows = await readSheet(deals);
    expect(rows[0]!.slice(0, 10)).toEqual([
      'Title',
      'Value',
      'Currency',
      'Stage',
      'Company',
      'Contact',
      'Expected close',
      'Probability',
      'Owner',
      'Notes',
    ]);
    expect(rows[0]!.slice(-2)).toEqual(['Region', 'Tags']);
    expect(rows[1]!.slice(0, 9)).toEqual([
      'Acme renewal',
      5000.5,
      'EUR',
      'Lead',
      'Acme Ltd',
      'Anna Berg',
      new Date('2027-03-31T00:00:00Z'),
      60,
      'Maria',
    ]);
    expect(rows[1]!.at(-2)).toBe('North');
    expect(rows[2]!.slice(0, 3)).toEqual(['Tokyo pilot', 120_000, 'JPY']);
  });

  it('says nothing was saved when the save dialog is closed', async () => {
    const { core, desktop } = await exportingCore(openCore, tempDir());
    await addressBook(core);
    desktop.saveLocation = undefined;
    expect(await call(core, 'export.list', { list: allContacts, format: 'csv' })).toEqual({ saved: false, rows: 0 });
    expect(await call(core, 'export.cancel', {})).toEqual({ cancelled: false });
  });

  it('cancelled mid-way, leaves no file and the file already at the destination untouched', async () => {
    const { core, desktop, listeners } = await exportingCore(openCore, tempDir());
    seedContacts(core, 30_000);
    const folder = tempDir();
    const path = join(folder, 'Contacts.xlsx');
    writeFileSync(path, 'the export from last week');
    desktop.saveLocation = path;
    let cancelled: Promise<unknown> | undefined;
    listeners.push((event, payload) => {
      if (event === 'export.progress' && (payload as ExportProgress).rows >= 1_000 && !cancelled)
        cancelled = core.dispatch('export.cancel', {});
    });

    const error = await failure(core, 'export.list', { list: allContacts, format: 'xlsx' });

    expect(await cancelled).toEqual({ ok: true, data: { cancelled: true } });
    expect(error).toMatchObject({
      code: 'CANCELLED',
      message: stringMatching(/export was stopped\. No file was written/),
    });
    expect(readdirSync(folder)).toEqual(['Contacts.xlsx']);
    expect(readFileSync(path, 'utf8')).toBe('the export from last week');
    // The next export works and replaces the old file whole.
    const result = await call(core, 'export.list', { list: allContacts, format: 'csv' });
    expect(result.rows).toBe(30_000);
    expect(csvRecords(path)).toHaveLength(30_000);
    expect(readdirSync(folder)).toEqual(['Contacts.xlsx']);
  });

  it('can be cancelled while the save dialog is still open', async () => {
    const { core, desktop } = await exportingCore(openCore, tempDir());
    const path = join(tempDir(), 'never.csv');
    let answer: (path: string) => void = () => undefined;
    desktop.chooseSaveLocation = () => new Promise((resolve) => (answer = resolve));
    const running = core.dispatch('export.list', { list: allContacts, format: 'csv' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await call(core, 'export.cancel', {})).toEqual({ cancelled: true });
    answer(path);
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(existsSync(path)).toBe(false);
  });

  it('says so when the destination cannot be replaced, and leaves nothing behind', async () => {
    const { core, desktop } = await exportingCore(openCore, tempDir());
    await addressBook(core);
    const folder = tempDir();
    const taken = join(folder, 'Contacts.csv');
    mkdirSync(join(taken, 'inside'), { recursive: true });
    desktop.saveLocation = taken;

    const error = await failure(core, 'export.list', { list: allContacts, format: 'csv' });

    expect(error).toMatchObject({
      code: 'STORAGE',
      message: 'There is a folder called “Contacts.csv” there, so the export was not saved. Choose another name.',
    });
    expect(readdirSync(folder)).toEqual(['Contacts.csv']);
    expect(readdirSync(taken)).toEqual(['inside']);
  });

  it('refuses a second export while one runs, and says why a folder cannot be written', async () => {
    const { core, desktop } = await exportingCore(openCore, tempDir());
    await addressBook(core);
    let answer: (path: string | undefined) => void = () => undefined;
    desktop.chooseSaveLocation = () => new Promise((resolve) => (answer = resolve));
    const first = core.dispatch('export.list', { list: allContacts, format: 'csv' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await failure(core, 'export.list', { list: allContacts, format: 'csv' })).toMatchObject({
      code: 'CONFLICT',
      message: stringMatching(/already running/),
    });
    answer(join(tempDir(), 'no such folder', 'out.csv'));
    expect(await first).toMatchObject({
      ok: false,
      error: {
        code: 'STORAGE',
        message: stringMatching(/is not there any more, so the export file could not be written/),
      },
    });
  });
});
