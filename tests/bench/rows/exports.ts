import { spawnSync } from 'node:child_process';
import { closeSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { memoryLogger, type LogRecord } from '../../../electron/core/logger';
import { startCore } from '../../../electron/main/core-host';
import { recordingDesktop } from '../../support/recording-desktop';
import type { BenchContext } from '../context';
import { formatCount } from '../format';
import { logged } from '../logged';
import { shellPath, shellStartupMs } from '../sqlite-shell';
import type { BenchStep, Measurement } from './row';

// The export's columns, in its order: the built-in fields, then tags joined as the export joins them; names in the list's order.
const shellQuery = `SELECT c.name AS "Name", c.email AS "Email", c.phone AS "Phone", c.company AS "Company", c.notes AS "Notes",
  c.created_at AS "Created", c.updated_at AS "Updated",
  (SELECT group_concat(t.name, '; ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id) AS "Tags"
  FROM contacts c WHERE c.deleted_at IS NULL ORDER BY c.name_sort, c.name COLLATE BINARY;`;

/** `sqlite3 -csv -header` of the same rows into a file, start-up subtracted. */
function shellCsvMs(ctx: BenchContext, to: string): number {
  const out = openSync(to, 'w');
  try {
    const start = performance.now();
    const run = spawnSync(
      shellPath,
      ['-batch', '-bail', '-csv', '-header', ctx.rolodeskDb, ...ctx.shellSetup, shellQuery],
      { stdio: ['ignore', out, 'pipe'], encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`sqlite3 -csv: ${run.stderr}`);
    return performance.now() - start - shellStartupMs();
  } finally {
    closeSync(out);
  }
}

/**
 * Every contact to CSV through export.list, as the Export button runs it (a
 * job on its own connection, streamed to a file renamed into place), beside
 * the sqlite3 shell's CSV output of the same columns in the same order.
 *
 * Timed once the checks a start runs in the background are done, as an
 * export the user asks for after start finds them: the quick check, and the
 * job worker it started (the export reuses it; the app starts it from
 * built JavaScript, the bench from TypeScript through tsx). Timed at once,
 * the export shared the two cores with a quick check of the whole file
 * and with two workers loading every job's TypeScript.
 */
export const exportRows: BenchStep = {
  title: 'export every contact to CSV',
  async run(ctx): Promise<Measurement[]> {
    await ctx.closeCore();
    const reference = join(ctx.root, 'shell-contacts.csv');
    const referenceMs = shellCsvMs(ctx, reference);
    const desktop = recordingDesktop();
    const logs: LogRecord[] = [];
    const host = await startCore({
      dataDir: ctx.rolodeskDir,
      logger: memoryLogger(logs),
      appVersion: 'bench',
      desktop,
    });
    try {
      await logged(logs, 'background database checks finished');
      const to = join(ctx.root, 'contacts.csv');
      desktop.saveLocation = to;
      const start = performance.now();
      const result = await host.dispatch('export.list', { list: { kind: 'contact', query: {} }, format: 'csv' });
      const exportMs = performance.now() - start;
      if (!result.ok) throw new Error(`export.list: ${result.error.message}`);
      const { rows } = result.data as { rows: number };
      const megabytes = (file: string) => (statSync(file).size / 1024 / 1024).toFixed(1);
      return [
        {
          operation: `export ${formatCount(rows)} contacts to CSV (goal ≤ 1.5×)`,
          rolodeskMs: exportMs,
          referenceMs,
          display: { kind: 'time' },
          note:
            `${megabytes(to)} MB with a BOM, formula text neutralised, written to a temporary name and renamed, after the start's background checks; ` +
            `reference: sqlite3 -csv of the same columns and order (${megabytes(reference)} MB, start-up subtracted)`,
        },
      ];
    } finally {
      await host.close();
    }
  },
};
