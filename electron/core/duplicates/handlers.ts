import type { CoreContext, Handlers } from '../context';
import { merger } from './merge';

export function duplicateHandlers({ db, databaseFile, jobs, clock }: CoreContext) {
  const merging = merger(db);
  return {
    // Every group is worked out over the whole table: a job, on its own connection.
    'duplicates.find': ({ kind, offset, limit }) =>
      jobs.run('findDuplicates', { file: databaseFile, kind, offset, limit }),
    'duplicates.merge': ({ kind, keepId, mergeId }) => merging.merge(kind, keepId, mergeId, clock.now().toISOString()),
  } satisfies Partial<Handlers>;
}
