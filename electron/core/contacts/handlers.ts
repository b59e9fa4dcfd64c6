import type { CoreContext, Handlers } from '../context';
import { CrmError } from '../errors';
import { contactsRepo } from './repo';

function found<T>(contact: T | undefined): T {
  if (contact === undefined) throw new CrmError('NOT_FOUND', 'This contact no longer exists. It may have been deleted.');
  return contact;
}

export function contactHandlers({ db, clock }: CoreContext) {
  const repo = contactsRepo(db);
  const now = () => clock.now().toISOString();
  return {
    'contacts.list': (query) => repo.list(query),
    'contacts.get': ({ id }) => found(repo.get(id)),
    'contacts.create': (draft) => repo.create(draft, now()),
    'contacts.update': ({ id, ...values }) => found(repo.update(id, values, now())),
    'contacts.delete': ({ id }) => found(repo.delete(id) ? { id } : undefined),
  } satisfies Partial<Handlers>;
}
