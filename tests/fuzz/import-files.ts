import fc from 'fast-check';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

/**
 * Recipes for files a user might pick to import, as plain data so fast-check
 * can make, shrink and replay them: generated CSV and vCard text in several
 * encodings, an .xlsx rebuilt from a valid workbook's entries with some of
 * them broken, and byte mutations of any of these.
 */
export type FileRecipe =
  | { kind: 'csv'; text: string; encoding: Encoding; bom: boolean }
  | { kind: 'vcard'; text: string; encoding: Encoding; bom: boolean }
  | { kind: 'xlsx'; change: XlsxChange }
  | { kind: 'mutated'; base: 'csv' | 'vcard' | 'xlsx'; of: FileRecipe; mutations: ByteMutation[] };

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type XlsxChange =
  | { type: 'none' }
  | { type: 'drop entry'; entry: string }
  | { type: 'replace entry'; entry: string; content: string }
  | { type: 'bomb'; entry: string; megabytes: number };

export type ByteMutation =
  | { type: 'truncate'; at: number }
  | { type: 'flip'; at: number; bits: number }
  | { type: 'insert'; at: number; bytes: number[] }
  | { type: 'delete'; at: number; length: number }
  | { type: 'repeat'; at: number; length: number; times: number };

const megabyte = 1024 * 1024;

// ---------- CSV ----------

const cellText = fc.oneof(
  { weight: 60, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  {
    weight: 30,
    arbitrary: fc.constantFrom(
      'Anna Berg',
      'anna@example.com',
      '+46 8 123 45',
      '=SUM(A1)',
      'Zoë 🦊',
      'שלום',
      '\u202Eevil',
      '1,5',
      '2026-02-30',
      'TRUE',
      '',
    ),
  },
  {
    weight: 20,
    arbitrary: fc.string({ unit: fc.constantFrom('"', ',', ';', '\t', '|', '\n', '\r', ' ', 'a', "'"), maxLength: 12 }),
  },
  // Rare, since one in a file refuses the whole file.
  { weight: 1, arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '\uFFFD', '\uD800x') },
);

/** How big the big cases get: the long run goes past every limit; the short run in `npm test` stays quick. */
export interface FileSizes {
  /** Largest huge CSV field, vCard photo or shared string, in MB (past 8 the CSV row limit refuses it). */
  hugeMegabytes: number;
  /** How far zip bombs unpack, in MB (past 200 the workbook is refused). */
  bombMegabytes: number[];
}
export const longRunSizes: FileSizes = { hugeMegabytes: 9, bombMegabytes: [100, 600, 2000] };
export const shortRunSizes: FileSizes = { hugeMegabytes: 2, bombMegabytes: [250] };

const encoding = fc.constantFrom<Encoding>('utf-8', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252');

/** The entries of the base workbook (tests/fuzz/import-readers-run.ts builds it with write-excel-file). */
export const workbookEntries = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/worksheets/sheet1.xml',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

const billionLaughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`;
const externalEntity = `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>`;
const sheetHead =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>';

// ---------- byte mutations ----------

const byteMutation = fc.oneof(
  fc.nat().map((at): ByteMutation => ({ type: 'truncate', at })),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([at, bits]): ByteMutation => ({ type: 'flip', at, bits })),
  fc
    .tuple(fc.nat(), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }))
    .map(([at, bytes]): ByteMutation => ({ type: 'insert', at, bytes })),
  fc
    .tuple(fc.nat(), fc.integer({ min: 1, max: 64 }))
    .map(([at, length]): ByteMutation => ({ type: 'delete', at, length })),
  fc
    .tuple(fc.nat(), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 2, max: 50 }))
    .map(([at, length, times]): ByteMutation => ({ type: 'repeat', at, length, times })),
);

export function mutated(bytes: Buffer, mutations: ByteMutation[]): Buffer {
  let result = Buffer.from(bytes);
  for (const mutation of mutations) {
    if (result.length === 0) break;
    const at = mutation.at % result.length;
    switch (mutation.type) {
      case 'truncate':
        result = result.subarray(0, at);
        break;
      case 'flip':
        result[at] = result[at]! ^ mutation.bits;
        break;
      case 'insert':
        result = Buffer.concat([result.subarray(0, at), Buffer.from(mutation.bytes), result.subarray(at)]);
        break;
      case 'delete':
        result = Buffer.concat([result.subarray(0, at), result.subarray(at + mutation.length)]);
        break;
      case 'repeat': {
        const piece = result.subarray(at, at + mutation.length);
        result = Buffer.concat([
          result.subarray(0, at),
          ...new Array<Buffer>(mutation.times).fill(piece),
          result.subarray(at),
        ]);
        break;
      }
    }
  }
  return result;
}

/** Every recipe, for the sizes given. */
export function fileRecipes(sizes: FileSizes): fc.Arbitrary<FileRecipe> {
  const hugeCell = fc.integer({ min: 1, max: sizes.hugeMegabytes }).map((size) => 'x'.repeat(size * megabyte));

  const csvText = fc
    .record({
      rows: fc.array(
        fc.array(fc.oneof({ weight: 60, arbitrary: cellText }, { weight: 1, arbitrary: hugeCell }), {
          minLength: 0,
          maxLength: 8,
        }),
        { minLength: 0, maxLength: 25 },
      ),
      delimiter: fc.constantFrom(',', ';', '\t', '|', ' '),
      quoting: fc.constantFrom('when needed', 'always', 'never', 'broken'),
      lineEnds: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 3 }),
      finalLineEnd: fc.boolean(),
    })
    .map(({ rows, delimiter, quoting, lineEnds, finalLineEnd }) => {
      const quote = (cell: string) => {
        if (quoting === 'never') return cell;
        if (quoting === 'broken') return `"${cell}`;
        const needs = quoting === 'always' || /["\r\n]/.test(cell) || cell.includes(delimiter);
        return needs ? `"${cell.replaceAll('"', '""')}"` : cell;
      };
      const lines = rows.map((row) => row.map(quote).join(delimiter));
      // Line ends mixed as files glued together from several programs have them.
      const text = lines
        .map(
          (line, index) => line + (index < lines.length - 1 || finalLineEnd ? lineEnds[index % lineEnds.length]! : ''),
        )
        .join('');
      return text;
    });

  // ---------- vCard ----------

  const vcardValue = fc.oneof(cellText, fc.constantFrom('Smith;John;;;', ';;;;', '\\n\\,\\;', 'tel:+44-20-7946-0000'));
  const vcardLine = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'FN',
            'N',
            'EMAIL',
            'TEL',
            'ORG',
            'TITLE',
            'NOTE',
            'ADR',
            'URL',
            'BDAY',
            'X-CUSTOM',
            'item1.EMAIL',
            'CATEGORIES',
          ),
          fc.constantFrom(
            '',
            ';TYPE=WORK',
            ';TYPE="voice,work"',
            ';PREF=1',
            ';CHARSET=UTF-8',
            ';CHARSET=x-unknown',
            ';CHARSET=ISO-8859-1',
            ';TYPE=',
            ';;',
          ),
          vcardValue,
        )
        .map(([name, params, value]) => `${name}${params}:${value}`),
    },
    // Quoted-printable, with soft line breaks, bad escapes and unknown charsets.
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom('UTF-8', 'ISO-8859-1', 'windows-1252', 'bogus-9', ''),
          fc.constantFrom('=C3=96zt=C3=BCrk', 'Premi=E8re=0D=0Aligne', 'soft =', '=ZZ=', '=', '=F0=9F=A6'),
        )
        .map(([charset, value]) => `NOTE;${charset ? `CHARSET=${charset};` : ''}ENCODING=QUOTED-PRINTABLE:${value}`),
    },
    // Folded lines: the next line starts with a space or a tab.
    {
      weight: 2,
      arbitrary: fc
        .tuple(vcardValue, vcardValue, fc.constantFrom(' ', '\t'))
        .map(([a, b, fold]) => `NOTE:${a}\r\n${fold}${b}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1, max: sizes.hugeMegabytes })
        .map((size) => `PHOTO;ENCODING=b;TYPE=JPEG:${'/9j/'.repeat((size * megabyte) / 4)}`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'BEGIN:VCARD',
        'END:VCARD',
        'VERSION:2.1',
        'VERSION:4.0',
        'VERSION:9',
        'BEGIN:VCALENDAR',
        ':',
        'NOCOLON',
        '',
        ' ',
        'AGENT:BEGIN:VCARD\\nFN:Inner\\nEND:VCARD',
      ),
    },
  );

  const vcardText = fc
    .array(
      fc.record({
        version: fc.constantFrom('2.1', '3.0', '4.0', ''),
        lines: fc.array(vcardLine, { maxLength: 10 }),
        ends: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    )
    .map((cards) =>
      cards
        .map(({ version, lines, ends }) =>
          ['BEGIN:VCARD', ...(version ? [`VERSION:${version}`] : []), ...lines, ...(ends ? ['END:VCARD'] : [])].join(
            '\r\n',
          ),
        )
        .join('\r\n'),
    );

  // ---------- xlsx ----------

  const hostileXml = fc.oneof(
    fc.constantFrom(
      billionLaughs,
      externalEntity,
      '',
      'not xml at all',
      '<?xml version="1.0"?><sst',
      '<sst><si><t>unclosed</sst>',
      '\u0000\u0001\u0002',
    ),
    // Huge shared strings: one 1–8 MB string, or 200,000 small ones.
    fc
      .integer({ min: 1, max: sizes.hugeMegabytes })
      .map(
        (size) =>
          `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>${'A'.repeat(size * megabyte)}</t></si></sst>`,
      ),
    fc.constant(
      `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>x</t></si>'.repeat(200_000)}</sst>`,
    ),
    // Sheets that point at shared strings that do not exist, odd cell references, types and deep nesting.
    fc.constantFrom(
      `${sheetHead}<row r="1"><c r="A1" t="s"><v>99999</v></c><c r="B1" t="s"><v>-1</v></c><c r="C1" t="s"><v>abc</v></c></row></sheetData></worksheet>`,
      `${sheetHead}<row r="1048577"><c r="XFE1048577" t="n"><v>1e400</v></c></row><row r="0"><c r="A0" t="b"><v>7</v></c></row></sheetData></worksheet>`,
      `${sheetHead}<row r="1"><c r="A1" t="d"><v>not a date</v></c><c r="B1" t="e"><v>#DIV/0!</v></c><c r="C1" t="inlineStr"><is><t>inline</t></is></c></row></sheetData></worksheet>`,
      `${sheetHead}${'<row>'.repeat(5000)}${'</row>'.repeat(5000)}</sheetData></worksheet>`,
      `${sheetHead}<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>`,
    ),
  );

  const xlsxChange = fc.oneof(
    { weight: 1, arbitrary: fc.constant<XlsxChange>({ type: 'none' }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(...workbookEntries).map((entry): XlsxChange => ({ type: 'drop entry', entry })),
    },
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...workbookEntries), hostileXml)
        .map(([entry, content]): XlsxChange => ({ type: 'replace entry', entry, content })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml'),
          fc.constantFrom(...sizes.bombMegabytes),
        )
        .map(([entry, megabytes]): XlsxChange => ({ type: 'bomb', entry, megabytes })),
    },
  );

  const generatedText = fc.oneof(
    fc.record({ kind: fc.constant('csv' as const), text: csvText, encoding, bom: fc.boolean() }),
    fc.record({ kind: fc.constant('vcard' as const), text: vcardText, encoding, bom: fc.boolean() }),
  );

  return fc.oneof(
    { weight: 4, arbitrary: generatedText },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('xlsx' as const), change: xlsxChange }) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.oneof(
            generatedText,
            fc.record({ kind: fc.constant('xlsx' as const), change: fc.constant<XlsxChange>({ type: 'none' }) }),
          ),
          fc.array(byteMutation, { minLength: 1, maxLength: 4 }),
        )
        .map(([of, mutations]): FileRecipe => ({ kind: 'mutated', base: of.kind, of, mutations })),
    },
  );
}

function encoded(text: string, encoding: Encoding, bom: boolean): Buffer {
  return iconv.encode(text, encoding, { addBOM: bom && encoding !== 'windows-1252' });
}

/**
 * A workbook whose `entry` inflates to `megabytes` MB of XML rows: a zip bomb
 * in the shape of a workbook part. Deflated as a stream from one repeated
 * megabyte, so building it never holds the inflated size; kept once made.
 */
const bombs = new Map<string, Promise<Buffer>>();
function bombWorkbook(workbook: { name: string; data: Buffer }[], entry: string, megabytes: number): Promise<Buffer> {
  const key = `${entry} ${megabytes}`;
  let made = bombs.get(key);
  if (!made) {
    const rows = Buffer.from('<row><c><v>1</v></c></row>'.repeat(Math.floor(megabyte / 26)));
    const body = Readable.from(
      (function* () {
        yield Buffer.from(sheetHead);
        for (let index = 0; index < megabytes; index++) yield rows;
        yield Buffer.from('</sheetData></worksheet>');
      })(),
    );
    const zip = new ZipFile();
    for (const { name, data } of workbook) {
      if (name === entry) zip.addReadStream(body, name);
      else zip.addBuffer(data, name);
    }
    zip.end();
    made = collect(zip.outputStream);
    bombs.set(key, made);
  }
  return made;
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function zipOf(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const { name, data } of entries) zip.addBuffer(data, name);
  zip.end();
  return collect(zip.outputStream);
}

/** The bytes of a recipe; `workbook` holds the entries of a valid .xlsx to start from. */
export async function bytesOf(recipe: FileRecipe, workbook: { name: string; data: Buffer }[]): Promise<Buffer> {
  switch (recipe.kind) {
    case 'csv':
    case 'vcard':
      return encoded(recipe.text, recipe.encoding, recipe.bom);
    case 'xlsx': {
      const { change } = recipe;
      if (change.type === 'bomb') return bombWorkbook(workbook, change.entry, change.megabytes);
      const entries = workbook
        .filter((entry) => !(change.type === 'drop entry' && entry.name === change.entry))
        .map((entry) =>
          change.type === 'replace entry' && entry.name === change.entry
            ? { name: entry.name, data: Buffer.from(change.content) }
            : entry,
        );
      return zipOf(entries);
    }
    case 'mutated':
      return mutated(await bytesOf(recipe.of, workbook), recipe.mutations);
  }
}
