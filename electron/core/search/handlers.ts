import type { CoreContext, Handlers } from '../context';
import { searchRepo } from './repo';

export function searchHandlers({ db }: CoreContext) {
  const repo = searchRepo(db);
  return {
    'search.all': ({ text, perKind, kinds }) => ({ groups: repo.search(text, perKind, kinds) }),
  } satisfies Partial<Handlers>;
}
