import { join } from 'node:path';
import { contactsRepo } from '../../../electron/core/contacts/repo';
import { call } from '../call';
import type { BenchContext } from '../context';
import { formatCount, formatMs } from '../format';
import type { SeedContact } from '../seed';
import { runTimedScript, shellQuery } from '../sqlite-shell';
import { sqlLiteral } from '../sql-literal';
import { timeOnce } from '../stopwatch';
import type { BenchStep } from './row';

const blankToNull = (text: string) => (text === '' ? null : text);

/** The row repo.create writes (blank fields stored as NULL), as a statement for the shell. */
function insertStatement(contact: SeedContact, now: string): string {
  const values = [
    contact.name,
    blankToNull(contact.email),
    blankToNull(contact.phone),
    blankToNull(contact.company),
    blankToNull(contact.notes),
    now,
    now,
  ];
  return `INSERT INTO contacts (name, email, phone, company, notes, created_at, updated_at) VALUES (${values.map(sqlLiteral).join(', ')});`;
}

/** Both databases must hold what was written, or the times compare different work. */
async function expectCounts(ctx: BenchContext, expected: number): Promise<void> {
  const rolodesk = ((await ctx.core()).db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
  const shell = Number(shellQuery(ctx.shellDb, 'SELECT count(*) FROM contacts;')[0]?.[0]);
  if (rolodesk !== expected || shell !== expected) {
    throw new Error(`expected ${expected} contacts on both sides, Rolodesk has ${rolodesk}, the shell ${shell}`);
  }
}

export const bulkInsert: BenchStep = {
  title: 'seeding: insert every contact in one transaction',
  async run(ctx) {
    const contacts = ctx.data.slice(0, ctx.contacts);
    const db = (await ctx.core()).db;
    const repo = contactsRepo(db);
    // As an import commits: the repository, every row in one transaction.
    const insertAll = db.transaction((rows: readonly SeedContact[]) => {
      for (const contact of rows) repo.create(contact, contact.createdAt);
    });
    const rolodeskTotal = await timeOnce(() => insertAll(contacts));

    const line = ['BEGIN;', ...contacts.map((contact) => insertStatement(contact, contact.createdAt)), 'COMMIT;'].join(
      ' ',
    );
    const [shellTotal = 0] = runTimedScript(ctx.shellDb, join(ctx.scriptDir, 'bulk-insert.sql'), ctx.shellSetup, [
      { line },
    ]);
    await expectCounts(ctx, ctx.contacts);
    return [
      {
        operation: `insert ${formatCount(ctx.contacts)} contacts, one transaction`,
        rolodeskMs: rolodeskTotal / contacts.length,
        referenceMs: shellTotal / contacts.length,
        display: { kind: 'rate', unit: 'rows/s' },
        note: `import path (repo.create) vs INSERTs in BEGIN…COMMIT, same empty schema; total ${formatMs(rolodeskTotal)} vs ${formatMs(shellTotal)}`,
      },
    ];
  },
};

export const singleCreates: BenchStep = {
  title: 'create contacts one at a time',
  async run(ctx) {
    const contacts = ctx.data.slice(ctx.contacts, ctx.contacts + ctx.extraContacts);
    const core = await ctx.core();
    const rolodeskTotal = await timeOnce(async () => {
      for (const { name, email, phone, company, notes } of contacts) {
        await call(core, 'contacts.create', { name, email, phone, company, notes });
      }
    });

    // Autocommit: each INSERT is its own transaction with its own WAL fsync, as each create is.
    const now = new Date().toISOString();
    const line = contacts.map((contact) => insertStatement(contact, now)).join(' ');
    const [shellTotal = 0] = runTimedScript(ctx.shellDb, join(ctx.scriptDir, 'single-creates.sql'), ctx.shellSetup, [
      { line },
    ]);
    await expectCounts(ctx, ctx.contacts + contacts.length);
    return [
      {
        operation: `create one contact (${formatCount(contacts.length)} in a row)`,
        rolodeskMs: rolodeskTotal / contacts.length,
        referenceMs: shellTotal / contacts.length,
        display: { kind: 'time' },
        note: 'contacts.create via dispatch (zod in/out), own transaction + fsync each; shell: autocommit INSERT',
      },
    ];
  },
};
