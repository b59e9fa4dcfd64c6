import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { inspectSource } from './source';
import { allRows, failureOf, writeFile } from './test-files';

const utc = (...parts: [number, number, number, number?, number?]) =>
  new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3] ?? 0, parts[4] ?? 0));

/** What Excel does on saving and write-excel-file does not: store each formula's computed value beside it. */
async function withCachedFormulaValues(file: string, values: Record<string, string>): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const entries: { name: string; data: Buffer }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
          zip.readEntry();
        });
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  const out = new ZipFile();
  for (const { name, data } of entries) {
    let content = data;
    if (name.startsWith('xl/worksheets/sheet')) {
      let xml = data.toString('utf8');
      for (const [cell, value] of Object.entries(values)) {
        xml = xml.replace(new RegExp(`(<c r="${cell}"[^>]*>)<f>([^<]*)</f></c>`), `$1<f>$2</f><v>${value}</v></c>`);
      }
      content = Buffer.from(xml);
    }
    out.addBuffer(content, name);
  }
  out.end();
  const chunks: Buffer[] = [];
  for await (const chunk of out.outputStream) chunks.push(chunk as Buffer);
  writeFile(join(file, '..'), `${file.split('/').pop()}`, Buffer.concat(chunks));
}

async function peopleWorkbook(file: string): Promise<void> {
  await writeExcelFile([
    {
      sheet: 'People',
      data: [
        ['Name', 'Born', 'Score', 'Doubled', 'Member', 'Phone'],
        [
          'Zoë 🦊 Öztürk',
          { value: utc(1990, 5, 17), format: 'dd/mm/yyyy' },
          0.30000000000000004,
          { type: 'Formula', value: 'C2*2' },
          true,
          4930123456,
        ],
        [{ value: 'Merged across two', columnSpan: 2 }, null, 1.1, { type: 'Formula', value: 'C3*2' }, false, null],
        [],
        [
          'Bob Stone',
          { value: utc(2001, 1, 2, 13, 45), format: 'yyyy-mm-dd hh:mm' },
          42,
          { type: 'Formula', value: 'C5*2' },
          null,
          '+49 30 1234567',
        ],
      ],
    },
    { sheet: 'Companies', data: [['Company'], ['Acme GmbH']] },
  ] as never).toFile(file);
  // D5's formula is left without a cached value, as a file no spreadsheet program ever saved would be.
  await withCachedFormulaValues(file, { D2: '0.60000000000000009', D3: '2.2000000000000002' });
}

describe('reading .xlsx workbooks', () => {
  const tempDir = useTempDirs();

  it('lists every sheet, reads the first, and turns dates, numbers, booleans, formulas and merged cells into plain text', async () => {
    const file = join(tempDir(), 'people.xlsx');
    await peopleWorkbook(file);
    const { info, sample } = await inspectSource(file);
    expect(info).toMatchObject({
      format: 'xlsx',
      sheets: ['People', 'Companies'],
      sheet: 'People',
      hasHeader: true,
      headers: ['Name', 'Born', 'Score', 'Doubled', 'Member', 'Phone'],
    });
    expect(info.encoding).toBeUndefined();
    expect(sample).toEqual([
      // Dates stored as numbers come out ISO; float noise goes; the formula's cached value is read; TRUE/FALSE.
      { line: 2, cells: ['Zoë 🦊 Öztürk', '1990-05-17', '0.3', '0.6', 'TRUE', '4930123456'] },
      // The merged cell's value sits in its top-left cell; the other cell of the merge is empty.
      { line: 3, cells: ['Merged across two', '', '1.1', '2.2', 'FALSE', ''] },
      // Row 4 is empty and skipped; row numbers stay the sheet's. A date with a time keeps it.
      // A formula without a cached value reads as empty.
      { line: 5, cells: ['Bob Stone', '2001-01-02 13:45', '42', '', '', '+49 30 1234567'] },
    ]);
    expect(await allRows(file, info)).toEqual(sample);
  });

  it('reads the sheet the user chose', async () => {
    const file = join(tempDir(), 'people.xlsx');
    await peopleWorkbook(file);
    const { info, sample } = await inspectSource(file, { sheet: 'Companies' });
    expect(info).toMatchObject({ sheet: 'Companies', headers: ['Company'] });
    expect(sample).toEqual([{ line: 2, cells: ['Acme GmbH'] }]);
    expect(await allRows(file, info)).toEqual(sample);
    expect(await failureOf(inspectSource(file, { sheet: 'Deals' }))).toMatchObject({
      code: 'FILE_REFUSED',
      message: 'The workbook has no sheet called “Deals”. Its sheets are: “People”, “Companies”.',
    });
  });

  it('reads the first sheet that has rows when the first is empty, lists every sheet, and names the empty one chosen', async () => {
    const file = join(tempDir(), 'cover-first.xlsx');
    await writeExcelFile([
      { sheet: 'Cover', data: [[]] },
      { sheet: 'Titles only', data: [['Name', 'Email']] },
      {
        sheet: 'People',
        data: [
          ['Name', 'Email'],
          ['Anna Berg', 'anna@example.com'],
        ],
      },
    ] as never).toFile(file);
    const { info, sample } = await inspectSource(file);
    expect(info).toMatchObject({
      sheets: ['Cover', 'Titles only', 'People'],
      sheet: 'People',
      headers: ['Name', 'Email'],
    });
    expect(sample).toEqual([{ line: 2, cells: ['Anna Berg', 'anna@example.com'] }]);
    expect(await allRows(file, info)).toEqual(sample);
    expect(await failureOf(inspectSource(file, { sheet: 'Titles only' }))).toMatchObject({
      code: 'FILE_REFUSED',
      message: 'The sheet “Titles only” has no rows to import. Choose another sheet: “Cover”, “People”.',
    });
  });

  it('refuses, in words, a workbook with no rows on any sheet', async () => {
    const file = join(tempDir(), 'blank.xlsx');
    await writeExcelFile([
      { sheet: 'Sheet1', data: [[]] },
      { sheet: 'Sheet2', data: [['Name']] },
    ] as never).toFile(file);
    expect(await failureOf(inspectSource(file))).toMatchObject({
      code: 'FILE_REFUSED',
      message: 'None of the sheets in this workbook has rows to import (it has “Sheet1”, “Sheet2”).',
    });
  });

  it('reads a real workbook renamed .csv as a workbook', async () => {
    const dir = tempDir();
    const file = join(dir, 'people.xlsx');
    await peopleWorkbook(file);
    const renamed = join(dir, 'people.csv');
    renameSync(file, renamed);
    const { info, sample } = await inspectSource(renamed);
    expect(info.format).toBe('xlsx');
    expect(sample[0]?.cells[0]).toBe('Zoë 🦊 Öztürk');
  });

  it('refuses a workbook with titles and no rows, and pads, flags and numbers rows as a CSV would', async () => {
    const dir = tempDir();
    const titles = join(dir, 'titles.xlsx');
    await writeExcelFile([['Name', 'Email']] as never).toFile(titles);
    expect(await failureOf(inspectSource(titles))).toMatchObject({
      code: 'FILE_REFUSED',
      message: 'The file has column titles but no rows below them.',
    });

    const ragged = join(dir, 'ragged.xlsx');
    await writeExcelFile([['Name', 'Email'], ['Anna', 'anna@example.com', 'stray', 'cells'], ['Bob']] as never).toFile(
      ragged,
    );
    const { info } = await inspectSource(ragged, { hasHeader: true });
    expect(await allRows(ragged, info)).toEqual([
      { line: 2, cells: ['Anna', 'anna@example.com'], problem: 'Line 2 has 4 values but the file has 2 columns.' },
      { line: 3, cells: ['Bob', ''] },
    ]);
  });

  it('refuses a damaged workbook and notices one replaced before it is read', async () => {
    const dir = tempDir();
    const file = join(dir, 'people.xlsx');
    await peopleWorkbook(file);
    const { info } = await inspectSource(file);
    const bytes = readFileSync(file);
    const cut = writeFile(dir, 'cut.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await failureOf(inspectSource(cut))).toMatchObject({
      code: 'FILE_REFUSED',
      message: 'This Excel file is damaged or not a real .xlsx workbook, so Rolodesk cannot read it.',
    });
    writeFile(dir, 'people.xlsx', Buffer.concat([bytes, Buffer.from('extra')]));
    expect(await failureOf(allRows(file, info))).toMatchObject({
      message: 'The file changed while it was being read. Nothing was imported.',
    });
  });
});
