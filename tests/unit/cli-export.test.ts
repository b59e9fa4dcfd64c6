import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/logger';
import { call } from '../support/crm';
import { useChildren } from '../support/child';
import { useTempDirs } from '../support/temp-dir';
import { objectContaining, stringMatching } from '../support/matchers';

const cliPath = resolve(__dirname, '../../electron/cli/index.ts');

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', cliPath, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('the command line exports lists', () => {
  const tempDir = useTempDirs();
  const startChild = useChildren();

  async function dataWithRecords(): Promise<string> {
    const dataDir = tempDir();
    const core = await openCore({ dataDir, logger: memoryLogger(), appVersion: 'test' });
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    const acme = await call(core, 'companies.create', { name: 'Acme Ltd', industry: 'Engineering' });
    await call(core, 'contacts.create', {
      name: 'Anna Berg',
      email: 'anna@acme.example',
      companyId: acme.id,
      tagIds: [vip.id],
    });
    await call(core, 'contacts.create', { name: 'Zoë Škoda', phone: '+420 601 123 456', notes: '=cmd|calc' });
    await call(core, 'deals.create', {
      title: 'Acme renewal',
      companyId: acme.id,
      valueMinor: 250_075,
      currency: 'EUR',
    });
    await core.close();
    return dataDir;
  }

  it('writes contacts to CSV (comma or semicolon), Excel and vCard, and companies and deals too', async () => {
    const dataDir = await dataWithRecords();
    const out = tempDir();

    const csv = join(out, 'out.csv');
    expect(cli('export', '--data-dir', dataDir, '--kind', 'contacts', '--to', csv)).toMatchObject({
      code: 0,
      out: `Exported 2 contacts to ${csv}\n`,
    });
    const records = parse<Record<string, string>>(readFileSync(csv), { bom: true, columns: true });
    expect(records.map((record) => [record.Name, record.Phone, record.Notes, record.Tags])).toEqual([
      ['Anna Berg', '', '', 'VIP'],
      ['Zoë Škoda', "'+420 601 123 456", "'=cmd|calc", ''],
    ]);

    const semicolon = join(out, 'semicolon.csv');
    expect(
      cli('export', '--data-dir', dataDir, '--kind', 'deals', '--to', semicolon, '--delimiter', 'semicolon'),
    ).toMatchObject({ code: 0, out: `Exported 1 deal to ${semicolon}\n` });
    expect(parse(readFileSync(semicolon), { bom: true, columns: true, delimiter: ';' })).toEqual([
      objectContaining({ Title: 'Acme renewal', Value: '2500,75', Company: 'Acme Ltd' }),
    ]);

    const xlsx = join(out, 'out.xlsx');
    expect(cli('export', '--data-dir', dataDir, '--kind', 'companies', '--to', xlsx)).toMatchObject({
      code: 0,
      out: `Exported 1 company to ${xlsx}\n`,
    });
    expect((await readSheet(xlsx)).map((row) => row.slice(0, 5))).toEqual([
      ['Name', 'Website', 'Phone', 'Address', 'Industry'],
      ['Acme Ltd', null, null, null, 'Engineering'],
    ]);

    const vcf = join(out, 'out.vcf');
    expect(cli('export', '--data-dir', dataDir, '--kind', 'contacts', '--to', vcf)).toMatchObject({
      code: 0,
      out: `Exported 2 contacts to ${vcf}\n`,
    });
    const cards = readFileSync(vcf, 'utf8');
    expect(cards.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(cards).toContain('FN:Zoë Škoda\r\nN:Škoda;Zoë;;;\r\nTEL;VALUE=text:+420 601 123 456\r\nNOTE:=cmd|calc\r\n');
    expect(cards).toContain('ORG:Acme Ltd\r\nCATEGORIES:VIP\r\n');
  });

  it('refuses while Rolodesk has the data open, with the same message as other commands, and writes nothing', async () => {
    const dataDir = await dataWithRecords();
    const app = startChild('hold-data-dir.ts', [dataDir]);
    await app.waitForLine(/^ready$/);
    const csv = join(tempDir(), 'out.csv');
    expect(cli('export', '--data-dir', dataDir, '--kind', 'contacts', '--to', csv)).toMatchObject({
      code: 2,
      err: stringMatching(/Rolodesk is already open on this data/),
    });
    expect(existsSync(csv)).toBe(false);
  });

  it('explains wrong options with exit code 1 before opening the data', () => {
    const dataDir = tempDir();
    const to = join(dataDir, 'out');
    expect(cli('export', '--data-dir', dataDir, '--kind', 'companies', '--to', `${to}.vcf`)).toMatchObject({
      code: 1,
      err: stringMatching(/only contacts can be exported as vCard/),
    });
    expect(cli('export', '--data-dir', dataDir, '--kind', 'people', '--to', `${to}.csv`)).toMatchObject({
      code: 1,
      err: stringMatching(/--kind must be contacts, companies or deals/),
    });
    expect(cli('export', '--data-dir', dataDir, '--kind', 'contacts', '--to', `${to}.txt`)).toMatchObject({
      code: 1,
      err: stringMatching(/--to must name a \.csv, \.xlsx or \.vcf file/),
    });
    expect(
      cli('export', '--data-dir', dataDir, '--kind', 'contacts', '--to', `${to}.csv`, '--delimiter', '|'),
    ).toMatchObject({ code: 1, err: stringMatching(/--delimiter must be "," or ";"/) });
    expect(existsSync(join(dataDir, 'crm.db'))).toBe(false);
  });
});
