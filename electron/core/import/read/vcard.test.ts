import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { inspectSource, readSource, type SourceInfo, type SourceRow } from './source';
import { allRows, failureOf, writeFile } from './test-files';
import { readThrough } from '../../../../tests/support/read-through';

const crlf = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

/** A row's cells by column title, so a test reads as the card it checks. */
const byTitle = (info: SourceInfo, row: SourceRow | undefined) =>
  Object.fromEntries(info.headers.map((title, index) => [title, row?.cells[index]]));

// vCard 2.1 as old phones and Outlook write it: quoted-printable UTF-8 with a soft line break, a Latin-1
// CHARSET, bare type parameters, several numbers.
const version21 = crlf(
  'BEGIN:VCARD',
  'VERSION:2.1',
  'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=96zt=C3=BCrk;Zo=C3=AB;;;',
  'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB =C3=96zt=C3=BCrk =F0=9F=A6=8A',
  'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Premi=E8re ligne=0D=0ASecond line that is long enough to =',
  'be wrapped by a soft line break',
  'TEL;WORK;VOICE:+49 30 1',
  'TEL;CELL:+49 170 2',
  'TEL;HOME:+49 30 3',
  'EMAIL;INTERNET:zoe@example.com',
  'END:VCARD',
);

// vCard 3.0 as Google and Apple write it: folded lines, escaped commas, grouped properties, PREF.
const version30 = crlf(
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Jean-Luc Picard',
  'N:Picard;Jean-Luc;;Capt.;',
  'ORG:Starfleet;Command',
  'TITLE:Captain\\, USS Enterprise',
  'EMAIL;TYPE=INTERNET;TYPE=HOME:jl@home.example',
  'EMAIL;TYPE=INTERNET;TYPE=WORK,PREF:picard@starfleet.example',
  'item1.EMAIL;TYPE=INTERNET:third@example.org',
  'TEL;TYPE=CELL:+1 555 0100',
  'ADR;TYPE=HOME:;;24 Rue de la Paix;La Barre;;75002;France',
  'URL:https://starfleet.example/picard',
  'BDAY:2305-07-13',
  'NOTE:Earl Grey\\, hot.\\nLine two of a note that is folded ',
  ' across two lines.',
  'END:VCARD',
);

// vCard 4.0: tel: URIs, quoted parameter lists, PREF=1.
const version40 = crlf(
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN:Ada Lovelace',
  'N:Lovelace;Ada;;;',
  'TEL;VALUE=uri;TYPE="voice,work":tel:+44-20-7946-0000',
  'TEL;VALUE=uri;PREF=1;TYPE=cell:tel:+44-7700-900000',
  'EMAIL:ada@example.org',
  'BDAY:18151210',
  'END:VCARD',
);

const noName = crlf('BEGIN:VCARD', 'VERSION:3.0', 'EMAIL:nobody@example.com', 'END:VCARD');

describe('reading vCard files', () => {
  const tempDir = useTempDirs();

  it('reads 2.1, 3.0 and 4.0 cards from one file, each on the line of its BEGIN:VCARD, in the fixed columns', async () => {
    const file = writeFile(tempDir(), 'contacts.vcf', version21 + version30 + version40 + noName);
    const { info, sample } = await inspectSource(file);
    // The fullest card has three emails and three phones: so many columns, so none is lost.
    expect(info).toMatchObject({
      format: 'vcard',
      hasHeader: false,
      encoding: { name: 'utf-8', bom: false },
      headers: [
        'Full name',
        'Given name',
        'Family name',
        'Organization',
        'Title',
        'Email',
        'Email 2',
        'Email 3',
        'Phone',
        'Phone 2',
        'Phone 3',
        'Address',
        'Website',
        'Birthday',
        'Note',
        'Categories',
      ],
    });
    expect(sample.map((row) => row.line)).toEqual([1, 12, 28, 37]);
    expect(sample.every((row) => row.cells.length === info.headers.length && row.problem === undefined)).toBe(true);

    expect(byTitle(info, sample[0])).toEqual({
      'Full name': 'Zoë Öztürk 🦊',
      'Given name': 'Zoë',
      'Family name': 'Öztürk',
      Organization: '',
      Title: '',
      Email: 'zoe@example.com',
      'Email 2': '',
      'Email 3': '',
      // The first number stays clean; the others say what they are.
      Phone: '+49 30 1',
      'Phone 2': '+49 170 2 (cell)',
      'Phone 3': '+49 30 3 (home)',
      Address: '',
      Website: '',
      Birthday: '',
      Note: 'Première ligne\nSecond line that is long enough to be wrapped by a soft line break',
      Categories: '',
    });
    expect(byTitle(info, sample[1])).toEqual({
      'Full name': 'Jean-Luc Picard',
      'Given name': 'Jean-Luc',
      'Family name': 'Picard',
      Organization: 'Starfleet, Command',
      Title: 'Captain, USS Enterprise',
      // The preferred address comes first.
      Email: 'picard@starfleet.example',
      'Email 2': 'jl@home.example (home)',
      'Email 3': 'third@example.org',
      Phone: '+1 555 0100',
      'Phone 2': '',
      'Phone 3': '',
      Address: '24 Rue de la Paix, 75002 La Barre, France',
      Website: 'https://starfleet.example/picard',
      Birthday: '2305-07-13',
      Note: 'Earl Grey, hot.\nLine two of a note that is folded across two lines.',
      Categories: '',
    });
    expect(byTitle(info, sample[2])).toMatchObject({
      'Full name': 'Ada Lovelace',
      Email: 'ada@example.org',
      Phone: '+44-7700-900000',
      'Phone 2': '+44-20-7946-0000 (work)',
      Birthday: '1815-12-10',
    });
    // No FN and no N: the name is empty, and the pipeline decides what that means.
    expect(byTitle(info, sample[3])).toMatchObject({
      'Full name': '',
      'Given name': '',
      'Family name': '',
      Email: 'nobody@example.com',
    });

    expect(await allRows(file, info)).toEqual(sample);
  });

  it('offers CATEGORIES as a Categories column and each X-ROLODESK-FIELD label found in any card as a column of its own', async () => {
    // As Rolodesk's export writes them: the label and the value escaped; "Notes" and "Title" are titles
    // taken by other columns, so those two come with "(custom field)".
    const first = crlf(
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Chloé Dubois',
      'CATEGORIES:Café ☕,Press,A\\, B',
      'X-ROLODESK-FIELD:Tier;Gold',
      'X-ROLODESK-FIELD:Nick\\;name;Clo\\, the 1st\\; "boss"',
      'X-ROLODESK-FIELD:Notes;A custom note\\non two lines',
      'END:VCARD',
    );
    const second = crlf(
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Ann',
      'X-ROLODESK-FIELD:Title;Dr',
      'X-ROLODESK-FIELD:Tier;Silver',
      'X-ROLODESK-FIELD:Tier;Bronze',
      'END:VCARD',
    );
    const file = writeFile(tempDir(), 'rolodesk.vcf', first + second);
    const { info, sample } = await inspectSource(file, { sampleSize: 1 });
    // The second card's label is found though only the first is sampled: the columns come from every card.
    expect(info.headers.slice(info.headers.indexOf('Note'))).toEqual([
      'Note',
      'Categories',
      'Tier',
      'Nick;name',
      'Notes (custom field)',
      'Title (custom field)',
    ]);
    const rows = await allRows(file, info);
    expect(rows.map((row) => row.cells.length)).toEqual([info.headers.length, info.headers.length]);
    expect(byTitle(info, rows[0])).toMatchObject({
      'Full name': 'Chloé Dubois',
      Categories: 'Café ☕; Press; A, B',
      Tier: 'Gold',
      'Nick;name': 'Clo, the 1st; "boss"',
      'Notes (custom field)': 'A custom note\non two lines',
      'Title (custom field)': '',
    });
    // A label given twice keeps both values, a line each; a column the card lacks is empty.
    expect(byTitle(info, rows[1])).toMatchObject({
      'Full name': 'Ann',
      Title: '',
      Categories: '',
      Tier: 'Silver\nBronze',
      'Title (custom field)': 'Dr',
      'Nick;name': '',
    });
    expect(rows[0]).toEqual(sample[0]);
  });

  it('builds the full name from N when FN is missing, and reads LF line endings and a missing VERSION', async () => {
    const text = ['BEGIN:VCARD', 'N:Curie;Marie;Salomea;Dr.;', 'EMAIL:marie@example.org', 'END:VCARD', ''].join('\n');
    const file = writeFile(tempDir(), 'curie.vcf', text);
    const { info, sample } = await inspectSource(file);
    expect(byTitle(info, sample[0])).toMatchObject({
      'Full name': 'Dr. Marie Salomea Curie',
      'Given name': 'Marie',
      'Family name': 'Curie',
      Email: 'marie@example.org',
    });
  });

  it('scans every card for the most emails, so a card far down the file still fits its columns', async () => {
    const plain = (index: number) =>
      crlf('BEGIN:VCARD', 'VERSION:3.0', `FN:Person ${index}`, `EMAIL:p${index}@example.com`, 'END:VCARD');
    const many = crlf(
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Many Mails',
      ...Array.from({ length: 5 }, (_, index) => `EMAIL;TYPE=WORK:m${index}@example.com`),
      'END:VCARD',
    );
    const file = writeFile(
      tempDir(),
      'many.vcf',
      Array.from({ length: 200 }, (_, index) => plain(index)).join('') + many,
    );
    const { info, sample } = await inspectSource(file, { sampleSize: 5 });
    expect(sample).toHaveLength(5);
    expect(info.headers.filter((title) => title.startsWith('Email'))).toEqual([
      'Email',
      'Email 2',
      'Email 3',
      'Email 4',
      'Email 5',
    ]);
    const rows = await allRows(file, info);
    expect(rows).toHaveLength(201);
    expect(byTitle(info, rows.at(-1))).toMatchObject({ Email: 'm0@example.com', 'Email 5': 'm4@example.com (work)' });
  });

  it('stops when cancelled, with CANCELLED, and reports progress up to 1 otherwise', async () => {
    const plain = (index: number) =>
      crlf('BEGIN:VCARD', 'VERSION:3.0', `FN:Person ${index}`, `EMAIL:p${index}@example.com`, 'END:VCARD');
    const file = writeFile(tempDir(), 'many.vcf', Array.from({ length: 20_000 }, (_, index) => plain(index)).join(''));
    const { info } = await inspectSource(file);
    const fractions: number[] = [];
    expect(await allRows(file, info, { onProgress: (fraction) => fractions.push(fraction) })).toHaveLength(20_000);
    expect(fractions.at(-1)).toBe(1);
    const controller = new AbortController();
    let read = 0;
    const failure = await failureOf(
      readThrough(readSource(file, info, { signal: controller.signal }), (count) => {
        read = count;
        if (count === 10) controller.abort();
      }),
    );
    expect(failure).toMatchObject({
      code: 'CANCELLED',
      message: 'Reading the file was stopped. Nothing was imported.',
    });
    expect(read).toBe(10);
  });

  it('gives a damaged card and a card cut off at the end a problem naming its line, and reads the rest', async () => {
    const broken = crlf('BEGIN:VCARD', 'VERSION:9.9', 'FN:Future Person', 'END:VCARD');
    const softBreakAtEnd = crlf('BEGIN:VCARD', 'VERSION:2.1', 'FN;ENCODING=QUOTED-PRINTABLE:Ren=C3=A9e=', 'END:VCARD');
    const cut = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Cut Short'].join('\r\n');
    const file = writeFile(tempDir(), 'damaged.vcf', version30 + broken + version40 + softBreakAtEnd + cut);
    const { info } = await inspectSource(file);
    const rows = await allRows(file, info);
    expect(rows.map((row) => [row.line, row.problem])).toEqual([
      [1, undefined],
      [17, 'Line 17: this contact card is damaged and could not be read.'],
      [21, undefined],
      [30, undefined],
      [34, 'Line 34: this contact card has no END:VCARD line, so the file may be cut short.'],
    ]);
    expect(rows[3]?.cells[0]).toBe('Renée');
  });

  it('reads a Windows-1252 vCard and a UTF-16 one with a BOM', async () => {
    const card = crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:Renée Müller', 'NOTE:Paid 5 €', 'END:VCARD');
    const dir = tempDir();
    const legacy = writeFile(dir, 'legacy.vcf', iconv.encode(card, 'windows-1252'));
    const legacyRead = await inspectSource(legacy);
    expect(legacyRead.info.encoding?.name).toBe('windows-1252');
    expect(byTitle(legacyRead.info, legacyRead.sample[0])).toMatchObject({
      'Full name': 'Renée Müller',
      Note: 'Paid 5 €',
    });
    const wide = writeFile(dir, 'wide.vcf', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(card, 'utf-16le')]));
    const wideRead = await inspectSource(wide);
    expect(wideRead.info).toMatchObject({ format: 'vcard', encoding: { name: 'utf-16le', bom: true } });
    expect(byTitle(wideRead.info, (await allRows(wide, wideRead.info))[0])).toMatchObject({
      'Full name': 'Renée Müller',
    });
  });
});
