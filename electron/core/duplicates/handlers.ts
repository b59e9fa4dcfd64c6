import type { CoreContext, Handlers } from '../context';
import { duplicateFinder } from './find';
import { merger } from './merge';

export function duplicateHandlers({ db, clock }: CoreContext) {
  const finder = duplicateFinder(db);
  const merging = merger(db);
  return {
    'duplicates.find': ({ kind, offset, limit }) => finder.page(kind, offset, limit),
    'duplicates.merge': ({ kind, keepId, mergeId }) => merging.merge(kind, keepId, mergeId, clock.now().toISOString()),
  } satisfies Partial<Handlers>;
}
