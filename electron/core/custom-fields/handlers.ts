import type { ChoiceRename } from '../../../shared/schemas/custom-field';
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
    // A renamed choice is renamed in the saved views that filter by it, in the same transaction.
    'customFields.update': write(({ id, ...changes }: { id: number; label?: string | undefined; choices?: string[] | undefined; renames?: ChoiceRename[] | undefined }) => {
      const updated = repo.update(id, changes, now());
      if (!updated) throw fieldGone();
      for (const { from, to } of updated.renames) views.renameChoice(id, from, to);
      return updated.field;
    }),
    'customFields.reorder': ({ kind, ids }) => ({ fields: repo.reorder(kind, ids) }),
    'customFields.delete': ({ id }) => {
      if (!repo.delete(id, now())) throw fieldGone();
      return { id };
    },
  } satisfies Partial<Handlers>;
}
