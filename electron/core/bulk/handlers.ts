import type { CoreContext, Handlers } from '../context';
import { bulkEdits } from './service';

export function bulkHandlers({ db, clock }: CoreContext) {
  const bulk = bulkEdits(db, clock);
  const now = () => clock.now().toISOString();
  return {
    'bulk.apply': (request) => bulk.apply(request, now()),
    'bulk.undo': ({ undoId }) => bulk.undo(undoId, now()),
    'bulk.range': ({ list, from, to }) => ({ ids: bulk.range(list, from, to) }),
    'bulk.count': ({ list }) => ({ total: bulk.count(list) }),
  } satisfies Partial<Handlers>;
}
