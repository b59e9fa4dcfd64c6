import type { ContactPage } from '../../../shared/schemas/contact';
import { shellQuery } from '../sqlite-shell';

/**
 * Runs the captured statements once in the shell and checks they return the
 * page Rolodesk returned (row ids, then the total), so the shell times the
 * same work, not a cheaper look-alike.
 */
export function expectSameResult(dbFile: string, statements: readonly string[], page: ContactPage): void {
  // The page, its count, then the tags of the page's rows.
  const [pageSql, countSql] = statements;
  if (pageSql === undefined || countSql === undefined) {
    throw new Error(`expected a page query and a count from contacts.list, captured ${statements.length} statements`);
  }
  const ids = shellQuery(dbFile, pageSql).map((row) => Number(row[0]));
  const total = Number(shellQuery(dbFile, countSql)[0]?.[0]);
  const expectedIds = page.rows.map((row) => row.id);
  if (total !== page.total || ids.join() !== expectedIds.join()) {
    throw new Error(`the shell's result differs from Rolodesk's for: ${pageSql}`);
  }
}
