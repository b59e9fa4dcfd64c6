import type { Db } from '../db/open';

/** Small JSON settings by key. Callers parse what they read with their own schema. */
export function settingsRepo(db: Db) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const readAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings ORDER BY key');
  const write = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    /** Every stored setting by key (Help › Copy Diagnostics shows the allow-listed ones). */
    entries(): Map<string, unknown> {
      return new Map(readAll.all().map((row) => [row.key, JSON.parse(row.value) as unknown]));
    },
    get(key: string): unknown {
      const row = read.get(key);
      return row === undefined ? undefined : JSON.parse(row.value);
    },
    // In a transaction so a failed commit (a full disk) throws instead of passing unnoticed.
    set: db.transaction((key: string, value: unknown): void => {
      write.run(key, JSON.stringify(value));
    }),
  };
}

export type SettingsRepo = ReturnType<typeof settingsRepo>;
