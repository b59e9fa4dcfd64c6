import type { CoreContext, Handlers } from '../context';
import { writer } from '../db/write';
import { CrmError } from '../errors';
import { viewsRepo } from '../views/repo';
import { customFieldsRepo } from './repo';

const fieldGone = () => new CrmError('NOT_FOUND', 'This custom field no longer exists. It may have been deleted.');

export function customFieldHandlers({ db, clock }: CoreContext) {
  const repo = customFieldsRepo(db);
  const views = viewsRepo(db);
  const write = writer(db);
  const now = () => clock.now().toISOString();

  return {
    'customFields.list': ({ kind }) => ({ fields: repo.list(kind) }),
    'customFields.create': ({ kind, label, type, choices }) => repo.create(kind, label, type, choices, now()),
    'customFields.update': ({ id, ...changes }) => {
      const field = repo.update(id, changes);
      if (!field) throw fieldGone();
      return field;
    },
    'customFields.reorder': ({ kind, ids }) => ({ fields: repo.reorder(kind, ids) }),
    // Its values go with it (cascade), and so do the view conditions that named it.
    'customFields.delete': write(({ id }: { id: number }) => {
      if (!repo.delete(id)) throw fieldGone();
      views.forgetCustomField(id);
      return { id };
    }),
  } satisfies Partial<Handlers>;
}
