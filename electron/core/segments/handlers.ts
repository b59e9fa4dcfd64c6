import type { CoreContext, Handlers } from '../context';
import { contactsRepo } from '../contacts/repo';
import { CrmError } from '../errors';
import { segmentsRepo } from './repo';

const segmentGone = () => new CrmError('NOT_FOUND', 'This segment no longer exists. It may have been deleted.');

function found<T>(segment: T | undefined): T {
  if (segment === undefined) throw segmentGone();
  return segment;
}

export function segmentHandlers({ db, clock }: CoreContext) {
  const repo = segmentsRepo(db);
  const contacts = contactsRepo(db, clock);

  return {
    'segments.list': () => ({ segments: repo.list(clock.now()) }),
    'segments.get': ({ id }) => found(repo.get(id, clock.now())),
    'segments.create': ({ name, definition }) => repo.create(name, definition, clock.now()),
    'segments.update': ({ id, ...changes }) => found(repo.update(id, changes, clock.now())),
    'segments.delete': ({ id }) => {
      if (!repo.delete(id)) throw segmentGone();
      return { id };
    },
    'segments.count': ({ definition }) => repo.count(definition, clock.now()),
    'segments.members': ({ definition, offset, limit }) => {
      const compiled = repo.compile(definition, clock.now());
      if (compiled.where === null)
        return { page: { total: 0, more: false, offset, rows: [] }, problems: compiled.problems };
      return {
        page: contacts.list({ offset, limit, sort: 'name', direction: 'asc', search: '', segment: compiled }),
        problems: [],
      };
    },
  } satisfies Partial<Handlers>;
}
