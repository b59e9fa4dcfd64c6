import type { SampleCounts, SampleDataStatus } from '../../../shared/schemas/sample-data';
import type { Db } from '../db/open';

export type SampleKind = 'contact' | 'company' | 'deal' | 'activity' | 'tag';
const recordKinds = ['contact', 'company', 'deal', 'activity'] as const;

/** The marks that say which records are sample records (migration 27's table). */
export function sampleMarks(db: Db) {
  const insert = db.prepare<[SampleKind, number]>('INSERT INTO sample_records (kind, id) VALUES (?, ?)');
  const idsOf = db.prepare<[SampleKind], number>('SELECT id FROM sample_records WHERE kind = ? ORDER BY id').pluck();
  const any = db.prepare<[], number>("SELECT 1 FROM sample_records WHERE kind <> 'tag' LIMIT 1").pluck();
  return {
    mark: (kind: SampleKind, id: number): void => void insert.run(kind, id),
    ids: (kind: SampleKind): number[] => idsOf.all(kind),
    /** Sample tags alone are not sample data: a record must be there to see. */
    present: (): boolean => any.get() !== undefined,
    status(): SampleDataStatus {
      const ids = Object.fromEntries(recordKinds.map((kind) => [kind, idsOf.all(kind)])) as SampleDataStatus['ids'];
      const counts = Object.fromEntries(recordKinds.map((kind) => [kind, ids[kind].length])) as SampleCounts;
      return { present: recordKinds.some((kind) => counts[kind] > 0), counts, ids };
    },
  };
}

export type SampleMarks = ReturnType<typeof sampleMarks>;
