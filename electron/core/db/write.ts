import type { Db } from './open';

/**
 * Wraps a write so it runs inside an explicit transaction. With INSERT …
 * RETURNING in autocommit, SQLite commits while the statement is reset, and a
 * failed commit there (a full disk) would go unreported; COMMIT as its own
 * statement always reports. Inside a caller's transaction (an import, a bulk
 * edit) the body joins it and the caller's COMMIT reports.
 */
export function writer(db: Db) {
  return <A extends unknown[], R>(body: (...args: A) => R) => {
    const inTransaction = db.transaction(body);
    return (...args: A): R => (db.inTransaction ? body(...args) : inTransaction(...args));
  };
}
