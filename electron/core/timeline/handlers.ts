import type { CoreContext, Handlers } from '../context';
import { CrmError } from '../errors';
import { timelineRepo } from './repo';

export function timelineHandlers({ db }: CoreContext) {
  const repo = timelineRepo(db);
  return {
    'timeline.list': ({ record, before, limit }) => {
      if (!repo.exists(record))
        throw new CrmError('NOT_FOUND', 'This record no longer exists. It may have been deleted.');
      return repo.page(record, before, limit);
    },
  } satisfies Partial<Handlers>;
}
