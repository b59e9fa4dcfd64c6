import type { CoreContext, Handlers } from '../context';
import { writer } from '../db/write';
import { CrmError } from '../errors';
import { purgeEntries } from './purge';
import { purgePlanner } from './purge-plan';
import { purgePreviewer } from './purge-preview';
import { trashRepo } from './repo';

const entryGone = () => new CrmError('NOT_FOUND', 'This is no longer in the trash: it was restored or deleted for good.');

export function trashHandlers({ db, clock, store, logger }: CoreContext) {
  const repo = trashRepo(db);
  const write = writer(db);
  const planner = purgePlanner(db);
  const previewer = purgePreviewer(db);
  return {
    'trash.list': ({ offset, limit, kind }) => repo.page(offset, limit, kind),
    'trash.restore': write(({ trashId }: { trashId: number }) => {
      const restored = repo.restore(trashId, clock.now().toISOString());
      if (!restored) throw entryGone();
      return { trashId, ...restored };
    }),
    'trash.preview': ({ trashId }) => {
      if (!repo.get(trashId)) throw entryGone();
      return previewer.preview(trashId, planner.plan([trashId]));
    },
    'trash.deleteForever': async ({ trashId, planKey }) => {
      if (!repo.get(trashId)) throw entryGone();
      return { purged: await purgeEntries(db, store, logger, [trashId], clock.now(), planKey) };
    },
  } satisfies Partial<Handlers>;
}
