import type { CoreContext, Handlers } from '../context';
import { listSelections } from '../bulk/selection';
import { optedOutAmong } from '../contacts/opted-out';
import { CrmError } from '../errors';
import { leadSourcesRepo } from './repo';

const leadSourceGone = () => new CrmError('NOT_FOUND', 'This lead source no longer exists. It may have been deleted.');

function found<T>(value: T | undefined): T {
  if (value === undefined) throw leadSourceGone();
  return value;
}

export function leadSourceHandlers({ db }: CoreContext) {
  const repo = leadSourcesRepo(db);
  const selections = listSelections(db);
  const countOptedOut = optedOutAmong(db);
  return {
    'leadSources.list': () => ({ leadSources: repo.list() }),
    'leadSources.create': ({ name }) => repo.create(name),
    'leadSources.rename': ({ id, name }) => found(repo.rename(id, name)),
    'leadSources.reorder': ({ ids }) => ({ leadSources: repo.reorder(ids) }),
    'leadSources.delete': ({ id, clearOnRecords }) => ({ id, ...found(repo.delete(id, clearOnRecords ?? false)) }),
    'consent.optedOut': ({ ids, matching }) => countOptedOut(selections.resolve({ kind: 'contact', ids, matching })),
  } satisfies Partial<Handlers>;
}
