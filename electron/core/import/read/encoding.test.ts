import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { inspectSource } from './source';
import { allRows, failureOf, writeFile } from './test-files';
import { stringMatching } from '../../../../tests/support/matchers';

const table = 'Name;City;Note\nJosé Müller;Zürich;5 € fee\nAnaïs Çelik;Besançon;naïve café\n';
const names = ['José Müller', 'Anaïs Çelik'];
const withBom = (bom: number[], body: Buffer) => Buffer.concat([Buffer.from(bom), body]);

describe('text encodings', () => {
  const tempDir = useTempDirs();

  it.each([
    ['UTF-8 without a BOM', iconv.encode(table, 'utf-8'), 'utf-8', false],
    ['UTF-8 with a BOM', withBom([0xef, 0xbb, 0xbf], iconv.encode(table, 'utf-8')), 'utf-8', true],
    ['UTF-16 LE with a BOM', withBom([0xff, 0xfe], iconv.encode(table, 'utf-16le')), 'utf-16le', true],
    ['UTF-16 BE with a BOM', withBom([0xfe, 0xff], iconv.encode(table, 'utf-16be')), 'utf-16be', true],
    ['Windows-1252 (Excel, with €)', iconv.encode(table, 'windows-1252'), 'windows-1252', false],
    ['Latin-1 (no 0x80–0x9F bytes)', iconv.encode(table.replace('€', 'EUR'), 'iso-8859-1'), 'iso-8859-1', false],
  ] as const)('reads %s, says which it found, and keeps every accent', async (_, bytes, expected, bom) => {
    const file = writeFile(tempDir(), 'people.csv', bytes);
    const { info, sample } = await inspectSource(file);
    expect(info.encoding).toEqual({ name: expected, detected: expected, bom });
    // The BOM is not part of the first title.
    expect(info.headers).toEqual(['Name', 'City', 'Note']);
    expect(sample.map((row) => row.cells[0])).toEqual(names);
    const rows = await allRows(file, info);
    expect(rows.map((row) => row.cells[0])).toEqual(names);
    expect(rows[0]?.cells[2]).toBe(expected === 'iso-8859-1' ? '5 EUR fee' : '5 € fee');
  });

  it.each(['utf-16le', 'utf-16be'] as const)(
    'reads %s without a byte-order mark by where its zero bytes fall',
    async (encoding) => {
      const file = writeFile(tempDir(), 'wide.csv', iconv.encode(table, encoding));
      const { info } = await inspectSource(file);
      expect(info.encoding).toEqual({ name: encoding, detected: encoding, bom: false });
      expect((await allRows(file, info)).map((row) => row.cells[0])).toEqual(names);
    },
  );

  it('lets the user choose another encoding, and the preview changes with it', async () => {
    const file = writeFile(tempDir(), 'excel.csv', iconv.encode(table, 'windows-1252'));
    const detected = await inspectSource(file);
    expect(detected.sample[0]?.cells[0]).toBe('José Müller');
    const chosen = await inspectSource(file, { encoding: 'iso-8859-1' });
    expect(chosen.info.encoding).toEqual({ name: 'iso-8859-1', detected: 'windows-1252', bom: false });
    // Latin-1 has no €: byte 0x80 is a control code there, so the preview shows what that choice means.
    expect(chosen.sample[0]?.cells[2]).toBe('5 \u0080 fee');
    expect((await allRows(file, chosen.info))[0]?.cells[2]).toBe('5 \u0080 fee');
  });

  it('keeps emoji and accents through UTF-8 and UTF-16', async () => {
    const text = 'Name,Email\nZoë 🦊 Öztürk,zoe@example.com\n李小龍,lee@example.com\n';
    const dir = tempDir();
    for (const [name, bytes] of [
      ['utf8.csv', Buffer.from(text)],
      ['utf16.csv', withBom([0xff, 0xfe], iconv.encode(text, 'utf-16le'))],
    ] as const) {
      const file = writeFile(dir, name, bytes);
      const { info } = await inspectSource(file);
      expect((await allRows(file, info)).map((row) => row.cells[0])).toEqual(['Zoë 🦊 Öztürk', '李小龍']);
    }
  });

  it('picks a Western single-byte encoding, never UTF-8, for a file without a BOM that is not valid UTF-8', async () => {
    const lines = [
      'Name,City',
      ...Array.from({ length: 7 }, (_, index) => `Person ${index},Berlin`),
      'Ren\xe9e,K\xf6ln',
    ];
    const file = writeFile(tempDir(), 'mixed.csv', Buffer.from(lines.join('\n'), 'latin1'));
    const { info, sample } = await inspectSource(file);
    // chardet calls it ISO-8859-1 and it has no 0x80–0x9F bytes, so Latin-1; both read it alike.
    expect(['windows-1252', 'iso-8859-1']).toContain(info.encoding?.name);
    expect(sample.at(-1)?.cells).toEqual(['Renée', 'Köln']);
  });

  it('refuses invalid UTF-8 in a file read as UTF-8, naming the line and saying what to do', async () => {
    const lines = [
      'Name,City',
      ...Array.from({ length: 7 }, (_, index) => `Person ${index},Berlin`),
      'Ren\xe9e,K\xf6ln',
    ];
    const body = Buffer.from(lines.join('\n'), 'latin1');
    const dir = tempDir();
    const expected = {
      code: 'FILE_REFUSED',
      message: stringMatching(/^Line 9 is not valid UTF-8.*Choose another encoding/),
    };
    // A BOM says UTF-8…
    const marked = writeFile(dir, 'marked.csv', withBom([0xef, 0xbb, 0xbf], body));
    expect(await failureOf(inspectSource(marked))).toMatchObject(expected);
    // …or the user chose it.
    const chosen = writeFile(dir, 'chosen.csv', body);
    expect(await failureOf(inspectSource(chosen, { encoding: 'utf-8' }))).toMatchObject(expected);
    // Past the first megabyte detection looks at, only reading finds it, and names its line.
    const big = [
      'Name,City',
      ...Array.from({ length: 100_000 }, (_, index) => `Person ${index},Zürich`),
      'Ren\xe9e,K\xf6ln',
    ];
    const late = writeFile(
      dir,
      'late.csv',
      Buffer.concat([Buffer.from(big.slice(0, -1).join('\n') + '\n'), Buffer.from(big.at(-1)!, 'latin1')]),
    );
    const { info } = await inspectSource(late);
    expect(info.encoding?.name).toBe('utf-8');
    expect(await failureOf(allRows(late, info))).toMatchObject({
      message: stringMatching(/^Line 100002 is not valid UTF-8/),
    });
  });
});
