import { describe, expect, it } from 'vitest';
import { useCores } from '../../../tests/support/core';
import { call } from '../../../tests/support/crm';
import { importFile, writeFile } from '../../../tests/support/import-files';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { withDecimalPoint } from './decimal-comma';

describe('numbers in a semicolon-separated file have a decimal comma', () => {
  it('reads the comma as the decimal point and points as thousands, and leaves anything else as typed', () => {
    expect(['1,234', '-5,25', '+0,5', '12', '1.234.567,5', '1.000', ' 3,75 '].map(withDecimalPoint)).toEqual([
      '1.234',
      '-5.25',
      '+0.5',
      '12',
      '1234567.5',
      '1000',
      '3.75',
    ]);
    // Not a decimal-comma number: the number rules judge it as it stands (and say what is wrong).
    for (const typed of ['1.5', '1,2,3', '12,5 kg', '1e3', '', 'n/a']) expect(withDecimalPoint(typed)).toBe(typed);
  });

  const tempDir = useTempDirs();
  const openCore = useCores();

  it('imports 1,234 from a semicolon file as 1.234 and from a comma-quoted file as 1234', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    const score = await call(core, 'customFields.create', { kind: 'contact', label: 'Score', type: 'number' });
    const dir = tempDir();
    await importFile(core, desktop, writeFile(dir, 'europe.csv', 'Name;Score\r\nAnna;1,234\r\nBerit;1.234.567,5\r\n'));
    await importFile(core, desktop, writeFile(dir, 'us.csv', 'Name,Score\r\nCarl,"1,234"\r\n'));
    const { rows } = await call(core, 'contacts.list', { limit: 10 });
    const scores = await Promise.all(
      rows.map(async ({ id, name }) => [name, (await call(core, 'contacts.get', { id })).custom[String(score.id)]]),
    );
    expect(scores).toEqual([
      ['Anna', 1.234],
      ['Berit', 1_234_567.5],
      ['Carl', 1234],
    ]);
  });
});
