import type { ParsedInput } from '../../../shared/contract';
import type { CoreContext, Handlers } from '../context';
import { writer } from '../db/write';
import { CrmError } from '../errors';
import { versionCheck } from '../records/versions';
import { deleter } from '../trash/deleter';
import { dealsRepo } from './repo';

const dealGone = () => new CrmError('NOT_FOUND', 'This deal no longer exists. It may have been deleted.');
const stageGone = () => new CrmError('NOT_FOUND', 'This stage no longer exists. It may have been deleted.');

function found<T>(value: T | undefined, gone: () => CrmError = dealGone): T {
  if (value === undefined) throw gone();
  return value;
}

export function dealHandlers({ db, clock }: CoreContext) {
  const repo = dealsRepo(db);
  const { stages } = repo;
  const trash = deleter(db);
  const write = writer(db);
  const checkVersion = versionCheck(db);
  const now = () => clock.now().toISOString();

  return {
    'deals.list': (query) => repo.list(query),
    'deals.get': ({ id }) => found(repo.get(id)),
    'deals.create': (draft) => repo.create(draft, now()),
    'deals.update': write(({ id, version, ...changes }: ParsedInput<'deals.update'>) => {
      checkVersion('deal', id, version);
      return found(repo.update(id, changes, now()));
    }),
    'deals.delete': ({ id }) => {
      const trashed = found(trash.delete('deal', [id], now()));
      return { id, trashId: trashed.trashId };
    },
    'deals.move': ({ id, stageId, index }) => found(repo.move(id, stageId, index, now())),
    'deals.board': (query) => repo.board(query),
    'stages.list': () => ({ stages: stages.list() }),
    'stages.create': ({ name, kind }) => stages.create(name, kind),
    'stages.update': ({ id, ...changes }) => found(stages.update(id, changes, now()), stageGone),
    'stages.reorder': ({ ids }) => ({ stages: stages.reorder(ids) }),
    'stages.delete': ({ id, moveDealsTo }) => {
      if (!stages.delete(id, moveDealsTo, now())) throw stageGone();
      return { id };
    },
  } satisfies Partial<Handlers>;
}
