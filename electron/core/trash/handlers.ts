import type { CoreContext, Handlers } from '../context';
import { writer } from '../db/write';
import { confirmOrCancel } from '../confirm-destructive';
import { CrmError } from '../errors';
import { changedSincePreview, purgeEntries } from './purge';
import { purgePlanner } from './purge-plan';
import { purgePreviewer } from './purge-preview';
import { purgeQuestion } from './purge-question';
import { trashRepo } from './repo';

const entryGone = () =>
  new CrmError('NOT_FOUND', 'This is no longer in the trash: it was restored or deleted for good.');

export function trashHandlers({ db, clock, store, logger, desktop }: CoreContext) {
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
    // Asked in main's native dialog, whoever sent the request; the delete then removes exactly what the question named.
    'trash.deleteForever': async ({ trashId, planKey }) => {
      const entry = repo.get(trashId);
      if (!entry) throw entryGone();
      const plan = planner.plan([trashId]);
      if (planKey !== undefined && plan.key !== planKey) throw changedSincePreview();
      await confirmOrCancel(
        desktop,
        purgeQuestion(entry, previewer.preview(trashId, plan)),
        `Nothing was deleted: “${entry.label}” is still in the trash.`,
      );
      return { purged: await purgeEntries(db, store, logger, [trashId], clock.now(), plan.key) };
    },
  } satisfies Partial<Handlers>;
}
