import Database from 'better-sqlite3';
import type { Dashboard } from '../../shared/schemas/dashboard';
import { dashboardFigures } from '../../electron/core/dashboard/figures';

/**
 * The dashboard's figures over a database file at a moment, for callsInZone:
 * the same SQL and periods the core runs, in the time zone of the process.
 */
export function figuresAt(databaseFile: string, now: Date): Dashboard {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return dashboardFigures(db).at(now);
  } finally {
    db.close();
  }
}
