import type { Db } from '../db/open';

/** The record of erasures: only the day each happened, never who was erased. */
export function erasureLog(db: Db) {
  const recent = db
    .prepare<[], string>('SELECT erased_on FROM erasures ORDER BY erased_on DESC, id DESC LIMIT 1000')
    .pluck();
  return {
    /** The latest 1,000 erasures, newest first, each in a sentence. */
    recent: () => recent.all().map((erasedOn) => ({ erasedOn, text: `A contact was erased on ${erasedOn}.` })),
  };
}
