import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { unzipped } from '../../../tests/support/archives';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { inspectSource } from '../import/read/source';
import { readSheetRecords } from '../import/read/xlsx-records';
import { dateCell, timeCell } from './cells';
import type { Column } from './columns';
import { excelSheetName } from './xlsx-parts';
import { cutMarker, longestCellText } from './xlsx-rows';
import { maxSheetRows, xlsxWriter } from './xlsx-writer';
import { stringMatching } from '../../../tests/support/matchers';

interface Person {
  name: string;
  score: number | null;
  born: string | null;
  seen: string | null;
  notes: string | null;
}

const columns: Array<Column<Person>> = [
  { title: 'Name', value: (person) => person.name },
  { title: 'Score', value: (person) => person.score },
  { title: 'Born', value: (person) => dateCell(person.born) },
  { title: 'Seen', value: (person) => timeCell(person.seen) },
  { title: 'Notes', value: (person) => person.notes },
];

const person = (name: string, fields: Partial<Person> = {}): Person => ({
  name,
  score: null,
  born: null,
  seen: null,
  notes: null,
  ...fields,
});

async function writeSheet(path: string, batches: Person[][], sheetName = 'Contacts'): Promise<void> {
  const writer = await xlsxWriter(path, columns, sheetName);
  for (const batch of batches) await writer.add(batch);
  await writer.finish();
}

/** Every part of the written package as text, read with yauzl. */
async function packageParts(path: string): Promise<Map<string, string>> {
  return new Map(Object.entries(await unzipped(path)).map(([name, bytes]) => [name, bytes.toString('utf8')]));
}

/** The rows as the import reads them: every cell as text, untrimmed. */
const importedRows = async (path: string) =>
  (await readSheetRecords(path, (await inspectSource(path)).info.sheet!)).map((record) => record.cells);

describe('the streamed .xlsx writer', () => {
  const tempDir = useTempDirs();

  it('writes a workbook both readers open: bold frozen header, widths, numbers as numbers, dates as the same dates', async () => {
    const path = join(tempDir(), 'people.xlsx');
    const longNote = `Long ${'é'.repeat(9_995)}`;
    await writeSheet(path, [
      [
        person('Zoë 🦊 Öztürk', {
          score: -5,
          born: '1990-04-01',
          seen: '2026-03-04T05:06:07.891Z',
          notes: 'Line one\nLine "two" <b> & more',
        }),
        person('Jürgen Weiß', { score: 3.5, born: '2000-02-29', seen: '1999-12-31T23:59:59.000Z', notes: longNote }),
      ],
      [person('李小龙', { score: 4930123456789 })],
    ]);

    const rows = await readSheet(path, { trim: false });
    expect(rows[0]).toEqual(['Name', 'Score', 'Born', 'Seen', 'Notes']);
    expect(rows[1]!.slice(0, 3)).toEqual(['Zoë 🦊 Öztürk', -5, new Date('1990-04-01T00:00:00Z')]);
    // Excel keeps time as a fraction of a day: within a millisecond.
    expect(
      Math.abs((rows[1]![3] as unknown as Date).getTime() - Date.parse('2026-03-04T05:06:07.891Z')),
    ).toBeLessThanOrEqual(1);
    expect(rows[1]![4]).toBe('Line one\nLine "two" <b> & more');
    expect(rows[2]!.slice(0, 3)).toEqual(['Jürgen Weiß', 3.5, new Date('2000-02-29T00:00:00Z')]);
    expect(rows[2]![4]).toBe(longNote);
    expect(rows[3]).toEqual(['李小龙', 4930123456789, null, null, null]);
    expect(await importedRows(path)).toEqual([
      ['Name', 'Score', 'Born', 'Seen', 'Notes'],
      ['Zoë 🦊 Öztürk', '-5', '1990-04-01', '2026-03-04 05:06:08', 'Line one\nLine "two" <b> & more'],
      ['Jürgen Weiß', '3.5', '2000-02-29', '1999-12-31 23:59:59', longNote],
      ['李小龙', '4930123456789', '', '', ''],
    ]);

    const entries = await packageParts(path);
    expect([...entries.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const styles = entries.get('xl/styles.xml')!;
    const sheet = entries.get('xl/worksheets/sheet1.xml')!;
    // Header cells use cellXfs 1, whose font 1 is bold.
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t>Name</t></is></c>');
    expect(styles).toMatch(/<cellXfs count="4"><xf [^>]*\/><xf [^>]*fontId="1"[^>]*\/>/);
    expect(styles).toMatch(/<fonts count="2"><font>(?:(?!<\/font>).)*<\/font><font><b\/>/);
    expect(styles).toContain('formatCode="yyyy-mm-dd"');
    expect(styles).toContain('formatCode="yyyy-mm-dd hh:mm:ss"');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<col min="1" max="1" width="14" customWidth="1"/>');
    expect(sheet).toContain('<col min="5" max="5" width="40" customWidth="1"/>');
    expect(entries.get('xl/workbook.xml')).toContain('<sheet name="Contacts" sheetId="1" r:id="rId1"/>');
  });

  it('keeps any text a file Excel opens: forbidden characters dropped, the rest as typed', async () => {
    const path = join(tempDir(), 'odd-text.xlsx');
    const names = [
      'Bell\u0007 and\u0000 null\u001F',
      'Lone \uD800 half, \uDC00 other half, \uFFFE\uFFFF, whole 😀',
      '  Spaces around  ',
      'Tab\there, CR\r\nLF\nend\n',
      'Literal _x0041_ and _x000D_ stay',
      'Markup <c r="A1"> & "quotes" \'apostrophes\' ]]>',
    ];
    await writeSheet(path, [names.map((name) => person(name, { notes: name }))]);

    const expected = [
      'Bell and null',
      'Lone  half,  other half, , whole 😀',
      '  Spaces around  ',
      'Tab\there, CR\r\nLF\nend\n',
      'Literal _x0041_ and _x000D_ stay',
      'Markup <c r="A1"> & "quotes" \'apostrophes\' ]]>',
    ];
    expect((await importedRows(path)).slice(1).map((cells) => [cells[0], cells[4]])).toEqual(
      expected.map((text) => [text, text]),
    );
    const sheet = (await packageParts(path)).get('xl/worksheets/sheet1.xml')!;
    // What a strict XML 1.0 parser (Excel's) refuses is nowhere in the part.
    expect(sheet).not.toMatch(
      // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are what this looks for
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
    expect(sheet).toContain('<t xml:space="preserve">  Spaces around  </t>');
  });

  it('writes text a spreadsheet would run as a formula with a leading apostrophe, numbers as they are', async () => {
    const path = join(tempDir(), 'formulas.xlsx');
    await writeSheet(path, [
      [
        person('=HYPERLINK("http://evil.example","Click")', { score: -2, notes: '@SUM(A1:A2)' }),
        person('+49 30 1234', { notes: "'=quoted" }),
      ],
    ]);

    expect((await importedRows(path)).slice(1)).toEqual([
      ['\'=HYPERLINK("http://evil.example","Click")', '-2', '', '', "'@SUM(A1:A2)"],
      ["'+49 30 1234", '', '', '', "''=quoted"],
    ]);
  });

  it('writes 20,000 rows in their order, a batch at a time', async () => {
    const path = join(tempDir(), 'many.xlsx');
    const batches = Array.from({ length: 20 }, (_, batch) =>
      Array.from({ length: 1_000 }, (_, at) => person(`Person ${batch * 1_000 + at}`, { score: batch * 1_000 + at })),
    );
    await writeSheet(path, batches);

    const rows = await importedRows(path);
    expect(rows).toHaveLength(20_001);
    expect(rows.slice(1).map((cells) => cells[0])).toEqual(Array.from({ length: 20_000 }, (_, at) => `Person ${at}`));
    expect(rows.at(-1)![1]).toBe('19999');
  });

  it('cuts text longer than an Excel cell holds, saying so, without splitting an emoji', async () => {
    const path = join(tempDir(), 'long.xlsx');
    // Short of the limit by one unit, then emoji: the cut lands between an emoji's two halves.
    const kept = 'x'.repeat(longestCellText - cutMarker.length - 1);
    await writeSheet(path, [
      [
        person('Merged many times', { notes: kept + '😀'.repeat(cutMarker.length) }),
        person('Just fits', { notes: 'y'.repeat(longestCellText) }),
      ],
    ]);

    const [, cut, fits] = await importedRows(path);
    // Compared in parts: a failure would otherwise print 32,767 characters.
    expect(cut![4]!.length).toBe(kept.length + cutMarker.length);
    expect(cut![4]!.startsWith(kept)).toBe(true);
    expect(cut![4]!.slice(kept.length)).toBe(cutMarker);
    expect(fits![4]!.length).toBe(longestCellText);
    expect(fits![4]!.replaceAll('y', '')).toBe('');
  });

  it('names the sheet as Excel allows', async () => {
    expect(excelSheetName('Contacts')).toBe('Contacts');
    expect(excelSheetName('Deals: Q1/Q2 [draft]?')).toBe('Deals  Q1 Q2  draft');
    expect(excelSheetName("'Quoted'")).toBe('Quoted');
    expect(excelSheetName('history')).toBe('Sheet1');
    expect(excelSheetName('  ')).toBe('Sheet1');
    expect(excelSheetName('A very long sheet name that Excel refuses')).toBe('A very long sheet name that Exc');
    // 30 letters and an emoji: the pair would be the 31st and 32nd units, so it goes whole.
    expect(excelSheetName(`${'a'.repeat(30)}😀`)).toBe('a'.repeat(30));

    const path = join(tempDir(), 'named.xlsx');
    await writeSheet(path, [[person('Anna')]], 'R&D <Deals> "Ü"');
    expect((await inspectSource(path)).info.sheets).toEqual(['R&D <Deals> "Ü"']);
  });

  it('refuses more rows than an Excel sheet holds, before writing them', async () => {
    const path = join(tempDir(), 'too-many.xlsx');
    const writer = await xlsxWriter(path, columns, 'Contacts');
    await writer.add([person('Anna')]);

    await expect(writer.add(new Array<Person>(maxSheetRows))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: stringMatching(/more than an Excel sheet can hold \(1,048,575\)/),
    });
    await writer.abandon();
  });

  it('never overwrites a file already there', async () => {
    const path = join(tempDir(), 'Contacts.xlsx');
    writeFileSync(path, 'the export from last week');
    await expect(xlsxWriter(path, columns, 'Contacts')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(path, 'utf8')).toBe('the export from last week');
  });

  // Counts this process's open files, which Linux lists in /proc.
  it.runIf(existsSync('/proc/self/fd'))('leaves no file open when abandoned half-way', async () => {
    const fresh = join(tempDir(), 'fresh.xlsx');
    const openBefore = readdirSync('/proc/self/fd').length;
    const writer = await xlsxWriter(fresh, columns, 'Contacts');
    await writer.add(Array.from({ length: 5_000 }, (_, at) => person(`Person ${at}`)));
    await writer.abandon();
    expect(existsSync(fresh)).toBe(true);
    expect(readdirSync('/proc/self/fd').length).toBe(openBefore);
  });
});
