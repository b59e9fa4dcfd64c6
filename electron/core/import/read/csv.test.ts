import { appendFileSync, mkdirSync, rmSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { inspectSource, readSource } from './source';
import { allRows, failureOf, writeFile } from './test-files';
import { readThrough } from '../../../../tests/support/read-through';
import { stringMatching } from '../../../../tests/support/matchers';

describe('reading delimited text', () => {
  const tempDir = useTempDirs();

  it('finds the comma, the header row and quoted values spanning lines, and numbers each row by the line it starts on', async () => {
    const file = writeFile(
      tempDir(),
      'contacts.csv',
      'Name,Email,Notes\r\nAnna Schmidt,anna@example.com,"Met at the fair,\r\nlikes ""good"" coffee"\r\n\r\nBob Stone,bob@example.com,plain\r\n',
    );
    const { info, sample } = await inspectSource(file);
    expect(info).toMatchObject({
      format: 'csv',
      fileName: 'contacts.csv',
      delimiter: ',',
      hasHeader: true,
      headers: ['Name', 'Email', 'Notes'],
    });
    expect(sample).toEqual([
      { line: 2, cells: ['Anna Schmidt', 'anna@example.com', 'Met at the fair,\nlikes "good" coffee'] },
      { line: 5, cells: ['Bob Stone', 'bob@example.com', 'plain'] },
    ]);
    expect(await allRows(file, info)).toEqual(sample);
  });

  it.each([
    ['semicolon', ';'],
    ['tab', '\t'],
    ['pipe', '|'],
  ] as const)('detects a %s-separated file, even when its values hold commas', async (_, delimiter) => {
    const lines = [
      ['Name', 'Company', 'Amount'],
      ['Müller, Hans', 'Acme, Inc.', '1,5'],
      ['Dupont, Anne', 'Globex', '2,75'],
      ['Rossi, Paolo', 'Initech', '10,0'],
    ];
    const file = writeFile(tempDir(), 'list.txt', lines.map((cells) => cells.join(delimiter)).join('\n'));
    const { info, sample } = await inspectSource(file);
    expect(info.delimiter).toBe(delimiter);
    expect(info.headers).toEqual(['Name', 'Company', 'Amount']);
    expect(sample[0]?.cells).toEqual(['Müller, Hans', 'Acme, Inc.', '1,5']);
  });

  it('reads a one-column file', async () => {
    const file = writeFile(tempDir(), 'emails.csv', 'Email\nanna@example.com\nbob@example.com\n');
    const { info, sample } = await inspectSource(file);
    expect(info.headers).toEqual(['Email']);
    expect(sample.map((row) => row.cells)).toEqual([['anna@example.com'], ['bob@example.com']]);
  });

  it('takes a first row of data for data: numbered columns, and the row is not lost', async () => {
    const file = writeFile(
      tempDir(),
      'no-header.csv',
      'Anna Schmidt,anna@example.com,+49 30 1234567\nBob Stone,bob@example.com,+1 555 0100\n',
    );
    const { info, sample } = await inspectSource(file);
    expect(info.hasHeader).toBe(false);
    expect(info.headers).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(sample.map((row) => row.line)).toEqual([1, 2]);
    expect((await allRows(file, info)).map((row) => row.cells[0])).toEqual(['Anna Schmidt', 'Bob Stone']);
  });

  it('tells titles from data by kind: an email where the column below holds emails is data', async () => {
    const file = writeFile(tempDir(), 'names.csv', 'Anna,anna@example.com\nBob,bob@example.com\n');
    expect((await inspectSource(file)).info.hasHeader).toBe(false);
  });

  it('follows the user: hasHeader false keeps the first row as data, and a chosen delimiter is used', async () => {
    const file = writeFile(tempDir(), 'choose.csv', 'Name;City\nAnna;Berlin\n');
    const { info, sample } = await inspectSource(file, { hasHeader: false, delimiter: ';' });
    expect(info).toMatchObject({ hasHeader: false, delimiter: ';', headers: ['Column 1', 'Column 2'] });
    expect(sample.map((row) => row.cells)).toEqual([
      ['Name', 'City'],
      ['Anna', 'Berlin'],
    ]);
  });

  it('makes repeated and empty titles unique', async () => {
    const file = writeFile(tempDir(), 'dupes.csv', 'Email,Email,Phone,Phone,Phone\na@x.org,b@x.org,1,2,3\n');
    const { info } = await inspectSource(file, { hasHeader: true });
    expect(info.headers).toEqual(['Email', 'Email (2)', 'Phone', 'Phone (2)', 'Phone (3)']);
  });

  it('pads short rows, and gives a row with more values than columns a problem naming its line', async () => {
    const lines = [
      'A,B,C,D,E',
      ...Array.from({ length: 10 }, (_, index) => `${index},x,y,z,w`),
      '1,2,3,4,5,6,7',
      '1,2',
      'last,,,,,,,',
    ];
    const file = writeFile(tempDir(), 'ragged.csv', lines.join('\n'));
    const { info } = await inspectSource(file);
    const rows = await allRows(file, info);
    expect(rows.find((row) => row.line === 12)).toEqual({
      line: 12,
      cells: ['1', '2', '3', '4', '5'],
      problem: 'Line 12 has 7 values but the file has 5 columns.',
    });
    expect(rows.find((row) => row.line === 13)).toEqual({ line: 13, cells: ['1', '2', '', '', ''] });
    // Trailing separators with nothing between them are not extra values.
    expect(rows.find((row) => row.line === 14)).toEqual({ line: 14, cells: ['last', '', '', '', ''] });
    expect(rows.every((row) => row.cells.length === 5)).toBe(true);
  });

  it('refuses unbalanced quotes, naming the line where the quoted value starts', async () => {
    const lines = [
      'Name,Notes',
      ...Array.from({ length: 55 }, (_, index) => `Person ${index},fine`),
      'Broken,"this never closes',
      'Next,row',
      'More,rows',
    ];
    const file = writeFile(tempDir(), 'quotes.csv', lines.join('\n'));
    const message = 'Line 57: a quoted value starts here and never ends. Check the quotes on that line.';
    expect(await failureOf(inspectSource(file, { sampleSize: 200 }))).toMatchObject({ code: 'FILE_REFUSED', message });
    const { info } = await inspectSource(file, { sampleSize: 1 });
    const rows: number[] = [];
    const failure = await failureOf(
      (async () => {
        for await (const row of readSource(file, info)) rows.push(row.line);
      })(),
    );
    expect(failure).toMatchObject({ code: 'FILE_REFUSED', message });
    expect(rows.at(-1)).toBe(56);
  });

  it('refuses a quote that never closes in a big file without holding the rest of the file in memory', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 400_000 }, (_, index) => `Person ${index},p${index}@example.com`);
    const runaway = writeFile(dir, 'runaway.csv', ['Name,Email', 'Broken,"runaway', ...rows].join('\n'));
    expect(await failureOf(inspectSource(runaway))).toMatchObject({
      code: 'FILE_REFUSED',
      message:
        'Line 2 starts a row of more than 8 million characters, most likely a quoted value that starts there and never ends. Check the quotes on that line.',
    });
  });

  it('keeps a stray quote inside an unquoted value as text', async () => {
    const file = writeFile(tempDir(), 'stray.csv', 'Name,Size\nDisk,5" floppy\n');
    expect((await inspectSource(file)).sample[0]?.cells).toEqual(['Disk', '5" floppy']);
  });

  it('refuses an empty file, a file of blank lines, and a file with titles but no rows', async () => {
    const dir = tempDir();
    expect(await failureOf(inspectSource(writeFile(dir, 'empty.csv', '')))).toMatchObject({
      code: 'FILE_REFUSED',
      message: 'The file is empty.',
    });
    expect(await failureOf(inspectSource(writeFile(dir, 'blank.csv', '\r\n\r\n,,\r\n')))).toMatchObject({
      message: 'The file is empty.',
    });
    expect(await failureOf(inspectSource(writeFile(dir, 'titles.csv', 'Name,Email,Phone\r\n')))).toMatchObject({
      code: 'FILE_REFUSED',
      message: 'The file has column titles but no rows below them.',
    });
  });

  it('says plainly when the file is missing or is a folder', async () => {
    const dir = tempDir();
    expect(await failureOf(inspectSource(join(dir, 'gone.csv')))).toMatchObject({
      code: 'FILE_REFUSED',
      message: 'The file could not be found. It may have been moved or deleted.',
    });
    mkdirSync(join(dir, 'folder.csv'));
    expect(await failureOf(inspectSource(join(dir, 'folder.csv')))).toMatchObject({
      code: 'FILE_REFUSED',
      message: 'This is a folder, not a file. Choose the file inside it.',
    });
  });

  it('reads a 10,000-character value whole', async () => {
    const note = 'ü'.repeat(10_000);
    const file = writeFile(tempDir(), 'long.csv', `Name,Note\nAnna,"${note}"\n`);
    const { info } = await inspectSource(file);
    expect((await allRows(file, info))[0]?.cells[1]).toBe(note);
  });

  it('refuses a text file with a NUL byte, naming its line', async () => {
    const dir = tempDir();
    const early = writeFile(
      dir,
      'nul.csv',
      Buffer.concat([
        Buffer.from('Name,Email\nAnna,anna@example.com\nBo'),
        Buffer.from([0]),
        Buffer.from('b,bob@example.com\n'),
      ]),
    );
    expect(await failureOf(inspectSource(early))).toMatchObject({
      code: 'FILE_REFUSED',
      message: stringMatching(/^Line 3 contains a zero byte \(NUL\)/),
    });
    const lines = ['Name,Email', ...Array.from({ length: 500 }, (_, index) => `P${index},p${index}@example.com`)];
    const late = writeFile(dir, 'late-nul.csv', lines.join('\n'));
    const { info } = await inspectSource(late);
    appendFileSync(late, Buffer.from([0x0a, 0x41, 0x00, 0x42]));
    expect(await failureOf(allRows(late, { ...info, sizeBytes: info.sizeBytes + 4 }))).toMatchObject({
      message: stringMatching(/^Line 502 contains a zero byte/),
    });
  });

  it('refuses binary data and a ZIP archive renamed .csv, saying what they look like', async () => {
    const dir = tempDir();
    const binary = Buffer.alloc(4096);
    for (let index = 0; index < binary.length; index++) binary[index] = (index * 7919) % 256;
    expect(await failureOf(inspectSource(writeFile(dir, 'data.csv', binary)))).toMatchObject({
      code: 'FILE_REFUSED',
      message: 'This file is not a table Rolodesk can read: it looks like binary data.',
    });
    const { ZipFile } = await import('yazl');
    const zip = new ZipFile();
    zip.addBuffer(Buffer.from('Name,Email\nAnna,anna@example.com\n'), 'inside.csv');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    expect(await failureOf(inspectSource(writeFile(dir, 'archive.csv', Buffer.concat(chunks))))).toMatchObject({
      code: 'FILE_REFUSED',
      message: 'This file is not a table Rolodesk can read: it looks like a ZIP archive.',
    });
  });

  it('reports progress up to 1 and stops when cancelled, with CANCELLED', async () => {
    const lines = [
      'Name,Email',
      ...Array.from({ length: 20_000 }, (_, index) => `Person ${index},p${index}@example.com`),
    ];
    const file = writeFile(tempDir(), 'many.csv', lines.join('\n'));
    const { info } = await inspectSource(file);
    const fractions: number[] = [];
    expect(await allRows(file, info, { onProgress: (fraction) => fractions.push(fraction) })).toHaveLength(20_000);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));

    const controller = new AbortController();
    let read = 0;
    const failure = await failureOf(
      readThrough(readSource(file, info, { signal: controller.signal }), (count) => {
        read = count;
        if (count === 100) controller.abort();
      }),
    );
    expect(failure).toMatchObject({ code: 'CANCELLED' });
    expect(read).toBeLessThan(20_000);
  });

  it('notices a file removed or changed while it is read', async () => {
    const lines = [
      'Name,Email',
      ...Array.from({ length: 50_000 }, (_, index) => `Person ${index},p${index}@example.com`),
    ];
    const dir = tempDir();
    const message = 'The file changed while it was being read. Nothing was imported.';

    const removed = writeFile(dir, 'removed.csv', lines.join('\n'));
    const removedInfo = (await inspectSource(removed)).info;
    const removedFailure = await failureOf(
      readThrough(readSource(removed, removedInfo), (count) => {
        if (count === 10) rmSync(removed);
      }),
    );
    expect(removedFailure).toMatchObject({ code: 'FILE_REFUSED', message });

    const grown = writeFile(dir, 'grown.csv', lines.join('\n'));
    const grownInfo = (await inspectSource(grown)).info;
    const grownFailure = await failureOf(
      readThrough(readSource(grown, grownInfo), (count) => {
        if (count === 10) appendFileSync(grown, '\nLate,late@example.com');
      }),
    );
    expect(grownFailure).toMatchObject({ code: 'FILE_REFUSED', message });

    // Cut short inside a quoted value, the file would otherwise look like one with a broken quote.
    const quotedLines = lines.map((line, index) => (index === 40_000 ? `${line},"a long note` : line));
    const quoted = writeFile(dir, 'quoted.csv', `${quotedLines.join('\n')}"\n`);
    const insideTheQuote = Buffer.byteLength(quotedLines.slice(0, 40_002).join('\n'));
    const quotedInfo = (await inspectSource(quoted)).info;
    const quotedFailure = await failureOf(
      readThrough(readSource(quoted, quotedInfo), (count) => {
        if (count === 10) truncateSync(quoted, insideTheQuote);
      }),
    );
    expect(quotedFailure).toMatchObject({ code: 'FILE_REFUSED', message });

    const before = writeFile(dir, 'before.csv', lines.join('\n'));
    const beforeInfo = (await inspectSource(before)).info;
    appendFileSync(before, '\nLate,late@example.com');
    expect(await failureOf(allRows(before, beforeInfo))).toMatchObject({ message });
  });
});
