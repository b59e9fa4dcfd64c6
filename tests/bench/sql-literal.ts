/** A value written into SQL text for the sqlite3 shell, which has no bound parameters. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`cannot write ${typeof value} as an SQL literal`);
}

/** One line of SQL: the shell times a line as one unit, so statements must not span lines. */
export function oneLine(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}
