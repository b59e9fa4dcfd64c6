import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useChildren } from '../../../tests/support/child';
import { call, count } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { importTempFolder } from './handlers';
import { peopleCsv, writeFile } from '../../../tests/support/import-files';

describe('SIGKILL while an import writes', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();
  const startChild = useChildren();

  it(
    'the data reopens exactly as it was: no row, tag, company or import record of it',
    { timeout: 180_000 },
    async () => {
      const dataDir = tempDir();
      const seed = await openCore(dataDir);
      await call(seed, 'contacts.create', { name: 'Already Here', email: 'here@example.com' });
      await seed.close();
      const file = writeFile(tempDir(), 'people.csv', peopleCsv(20_000));

      const child = startChild('../../electron/core/import/crash-child.ts', [dataDir, file]);
      // Well inside the write transaction: thousands of rows written, none committed.
      await child.waitForLine(/^writing ([2-9]\d{3}|\d{5,})$/, 120_000);
      child.process.kill('SIGKILL');
      expect((await child.exited).signal).toBe('SIGKILL');

      const core = await openCore(dataDir);
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(core.db.prepare('SELECT name FROM contacts').pluck().all()).toEqual(['Already Here']);
      for (const table of ['companies', 'tags', 'imports', 'import_records', 'record_history'])
        expect({ table, rows: count(core, `SELECT count(*) FROM ${table}`) }).toEqual({ table, rows: 0 });
      // The staging file the killed worker left is gone once the data is opened again.
      expect(readdirSync(importTempFolder(join(dataDir, 'crm.db')))).toEqual([]);
      expect((await call(core, 'search.all', { text: 'Person' })).groups).toEqual([]);
    },
  );
});
