import type { CoreContext, Handlers } from '../context';
import { CrmError } from '../errors';
import { viewsRepo } from './repo';

const viewGone = () => new CrmError('NOT_FOUND', 'This view no longer exists. It may have been deleted.');

export function viewHandlers({ db, clock }: CoreContext) {
  const repo = viewsRepo(db);
  const now = () => clock.now().toISOString();
  return {
    'views.list': ({ kind }) => ({ views: repo.list(kind) }),
    'views.create': ({ kind, name, query }) => repo.create(kind, name, query, now()),
    'views.update': ({ id, ...changes }) => {
      const view = repo.update(id, changes, now());
      if (!view) throw viewGone();
      return view;
    },
    'views.delete': ({ id }) => {
      if (!repo.delete(id)) throw viewGone();
      return { id };
    },
    'views.usedBy': ({ target }) => ({ views: repo.usedBy(target) }),
  } satisfies Partial<Handlers>;
}
