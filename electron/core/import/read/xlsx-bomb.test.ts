import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import writeExcelFile from 'write-excel-file/node';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { CrmError } from '../../errors';
import { inspectSource } from './source';
import { failureOf } from './test-files';
import { stringMatching } from '../../../../tests/support/matchers';

const megabyte = 1024 * 1024;

async function entriesOf(file: string): Promise<{ name: string; data: Buffer }[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const entries: { name: string; data: Buffer }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) =>
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
          zip.readEntry();
        });
      }),
    );
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** A real workbook whose `entry` is replaced by `content` (a stream, deflated as it goes, or bytes). */
async function workbookWith(dir: string, entry: string, content: Readable | Buffer): Promise<string> {
  const base = join(dir, 'base.xlsx');
  await writeExcelFile([
    ['Name', 'Email'],
    ['Anna Berg', 'anna@example.com'],
  ] as never).toFile(base);
  const zip = new ZipFile();
  for (const { name, data } of await entriesOf(base)) {
    if (name !== entry) zip.addBuffer(data, name);
    else if (Buffer.isBuffer(content)) zip.addBuffer(content, name);
    else zip.addReadStream(content, name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const file = join(dir, 'workbook.xlsx');
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

/** 600 MB of shared strings that deflate to well under 1 MB: a zip bomb in the shape of a workbook. */
function bombStrings(megabytes: number): Readable {
  const block = Buffer.from('<si><t>x</t></si>'.repeat(megabyte / 16));
  return Readable.from(
    (function* () {
      yield Buffer.from('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">');
      for (let index = 0; index < megabytes; index++) yield block;
      yield Buffer.from('</sst>');
    })(),
  );
}

// Found by tests/fuzz/import-readers.test.ts: read-excel-file unpacks a workbook whole, so a small .xlsx that unpacks
// to 600 MB took 2.6 GB of memory and a minute, then failed with "Cannot create a string longer than…".
describe('a workbook that unpacks to far more than it weighs (a zip bomb)', () => {
  const tempDir = useTempDirs();

  it('is refused before it is unpacked, quickly and in bounded memory, with a way forward', async () => {
    const file = await workbookWith(tempDir(), 'xl/sharedStrings.xml', bombStrings(600));
    expect(readFileSync(file).length).toBeLessThan(2 * megabyte);
    global.gc?.();
    const memoryBefore = process.memoryUsage().rss;
    let peak = memoryBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const started = performance.now();
    const failure = await failureOf(inspectSource(file)).finally(() => clearInterval(sampler));
    expect(failure).toBeInstanceOf(CrmError);
    expect(failure).toMatchObject({
      code: 'FILE_REFUSED',
      message: stringMatching(/unpacks to more than 200 MB.*Save it as CSV/),
    });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect((peak - memoryBefore) / megabyte).toBeLessThan(150);
  });

  it('a damaged workbook part (bytes that do not inflate) is refused as damaged, not as a program error', async () => {
    const dir = tempDir();
    const file = await workbookWith(
      dir,
      'xl/sharedStrings.xml',
      Buffer.from('<sst><si><t>Anna</t></si></sst>'.repeat(50)),
    );
    const bytes = readFileSync(file);
    // Break the deflated data inside the zip without touching its headers: what a bad download or disk does.
    const at = bytes.indexOf(Buffer.from('xl/sharedStrings.xml')) + 'xl/sharedStrings.xml'.length + 2;
    for (let index = at; index < at + 12; index++) bytes[index] = 0xff;
    writeFileSync(file, bytes);
    expect(await failureOf(inspectSource(file))).toMatchObject({
      code: 'FILE_REFUSED',
      message: 'This Excel file is damaged or not a real .xlsx workbook, so Rolodesk cannot read it.',
    });
  });

  it('a workbook part that is not the XML it should be is refused as damaged', async () => {
    const file = await workbookWith(
      tempDir(),
      'xl/_rels/workbook.xml.rels',
      Buffer.from('<?xml version="1.0"?><sst><si><t>not relationships</t></si></sst>'),
    );
    expect(await failureOf(inspectSource(file))).toMatchObject({
      code: 'FILE_REFUSED',
      message: 'This Excel file is damaged or not a real .xlsx workbook, so Rolodesk cannot read it.',
    });
  });
});
