import type { CoreContext, Handlers } from '../context';
import { writer } from '../db/write';
import { CrmError } from '../errors';
import { purgeEntries } from './purge';
import { trashRepo } from './repo';

const entryGone = () => new CrmError('NOT_FOUND', 'This is no longer in the trash: it was restored or deleted for good.');

export function trashHandlers({ db, clock, store, logger }: CoreContext) {
  const repo = trashRepo(db);
  const write = writer(db);
  return {
    'trash.list': ({ offset, limit, kind }) => repo.page(offset, limit, kind),
    'trash.restore': write(({ trashId }: { trashId: number }) => {
      const restored = repo.restore(trashId, clock.now().toISOString());
      if (!restored) throw entryGone();
      return { trashId, ...restored };
    }),
    'trash.deleteForever': async ({ trashId }) => {
      if (!repo.get(trashId)) throw entryGone();
      return { purged: await purgeEntries(db, store, logger, [trashId], clock.now()) };
    },
  } satisfies Partial<Handlers>;
}
