import { join } from 'node:path';
import { call } from '../call';
import type { BenchContext } from '../context';
import { formatCount, formatMs } from '../format';
import { seedCrm, type SeedCrm } from '../seed-crm';
import { runTimedScript, shellQuery } from '../sqlite-shell';
import { sqlLiteral } from '../sql-literal';
import { timeOnce } from '../stopwatch';
import type { BenchStep } from './row';

type Params = Array<string | number | null>;
interface Statement {
  sql: string;
  rows: Params[];
}

const fixedNow = Date.parse('2026-01-15T12:00:00.000Z');
const id = (index: number) => (index < 0 ? null : index + 1);

/** Every row of the CRM seed as parameter lists, in insert order: the app and the shell run the same. */
function statementsFor(crm: SeedCrm): Statement[] {
  const positions = new Map<number, number>();
  return [
    {
      sql: 'INSERT INTO companies (name, website, phone, address, industry, notes, name_key, phone_key, name_sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      rows: crm.companies.map((c) => [
        c.name,
        c.website,
        c.phone,
        c.address,
        c.industry,
        c.notes,
        c.nameKey,
        c.phoneKey,
        c.nameSort,
        c.createdAt,
        c.createdAt,
      ]),
    },
    {
      sql: 'UPDATE contacts SET company_id = ? WHERE id = ?',
      rows: crm.contactCompany.flatMap((company, contact) => (company < 0 ? [] : [[company + 1, contact + 1]])),
    },
    {
      sql: `INSERT INTO deals (title, company_id, contact_id, value_minor, currency, stage_id, position, expected_close, owner, probability, notes, closed_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      rows: crm.deals.map((d) => {
        const position = positions.get(d.stageId) ?? 0;
        positions.set(d.stageId, position + 1);
        return [
          d.title,
          id(d.company),
          id(d.contact),
          d.valueMinor,
          d.currency,
          d.stageId,
          position,
          d.expectedClose,
          d.owner,
          d.probability,
          d.notes,
          d.stageId >= 5 ? d.createdAt : null,
          d.createdAt,
          d.createdAt,
        ];
      }),
    },
    {
      sql: `INSERT INTO activities (kind, subject, body, occurred_at, due_at, done_at, contact_id, company_id, deal_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      rows: crm.activities.map((a) => [
        a.kind,
        a.subject,
        a.body,
        a.occurredAt,
        a.dueAt,
        a.doneAt,
        id(a.contact),
        id(a.company),
        id(a.deal),
        a.createdAt,
        a.createdAt,
      ]),
    },
    {
      sql: "INSERT INTO tags (name, color, created_at) VALUES (?, 'gray', '2025-01-01T00:00:00.000Z')",
      rows: crm.tags.map((name) => [name]),
    },
    ...(['contact', 'company', 'deal'] as const).map((kind) => ({
      sql: `INSERT INTO ${kind}_tags (${kind}_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
      rows: crm.tagLinks.filter(([linkKind]) => linkKind === kind).map(([, index, tag]) => [index + 1, tag + 1]),
    })),
  ];
}

const inline = (sql: string, params: Params) => {
  let next = 0;
  return `${sql.replace(/\s+/g, ' ').replace(/\?/g, () => sqlLiteral(params[next++]))};`;
};

/**
 * Seeds companies, deals, activities and tags around the contacts, as an
 * import would: prepared statements, one transaction (the search index and
 * its triggers included). The shell runs the same rows in BEGIN…COMMIT.
 */
const shellRowsPerLine = 50_000;

export const seedCrmStep: BenchStep = {
  title: 'seeding: companies, deals, activities and tags in one transaction',
  async run(ctx: BenchContext) {
    const core = await ctx.core();
    const contacts = ctx.data.slice(0, ctx.contacts);
    const crm = seedCrm(contacts, ctx.seed, fixedNow);
    ctx.crm = crm;
    const statements = statementsFor(crm);
    const totalRows = statements.reduce((sum, statement) => sum + statement.rows.length, 0);

    const db = core.db;
    const prepared = statements.map((statement) => ({ statement: db.prepare(statement.sql), rows: statement.rows }));
    const rolodeskTotal = await timeOnce(() =>
      db.transaction(() => {
        for (const { statement, rows } of prepared) for (const row of rows) statement.run(...row);
      })(),
    );
    if ((await call(core, 'companies.list', { limit: 1 })).total !== crm.companies.length)
      throw new Error('the companies did not all arrive');

    // One transaction over several timed lines (a single line would outgrow a JavaScript string at ×10); their times add up.
    const inserts = statements.flatMap((statement) => statement.rows.map((row) => inline(statement.sql, row)));
    const batches = [{ line: 'BEGIN;' }];
    for (let start = 0; start < inserts.length; start += shellRowsPerLine)
      batches.push({ line: inserts.slice(start, start + shellRowsPerLine).join(' ') });
    batches.push({ line: 'COMMIT;' });
    const shellTotal = runTimedScript(ctx.shellDb, join(ctx.scriptDir, 'seed-crm.sql'), ctx.shellSetup, batches).reduce(
      (sum, ms) => sum + ms,
      0,
    );
    const shellActivities = Number(shellQuery(ctx.shellDb, 'SELECT count(*) FROM activities;')[0]?.[0]);
    if (shellActivities !== crm.activities.length)
      throw new Error(`the shell holds ${shellActivities} activities, expected ${crm.activities.length}`);
    return [
      {
        operation: `seed ${formatCount(crm.companies.length)} companies, ${formatCount(crm.deals.length)} deals, ${formatCount(crm.activities.length)} activities`,
        rolodeskMs: rolodeskTotal / totalRows,
        referenceMs: shellTotal / totalRows,
        display: { kind: 'rate', unit: 'rows/s' },
        note: `${formatCount(totalRows)} rows (with contact links, ${formatCount(crm.tagLinks.length)} tag links), prepared statements, one transaction; total ${formatMs(rolodeskTotal)} vs ${formatMs(shellTotal)}`,
      },
    ];
  },
};
