import type { ChoiceRename } from '../../../shared/schemas/custom-field';
import type { CoreContext, Handlers } from '../context';
import { writer } from '../db/write';
import { confirmOrCancel, countOf } from '../confirm-destructive';
import { recordWords, savedViewsWords } from '../destructive-words';
import { CrmError } from '../errors';
import { viewsRepo } from '../views/repo';
import { customFieldsRepo } from './repo';

const fieldGone = () => new CrmError('NOT_FOUND', 'This custom field no longer exists. It may have been deleted.');

export function customFieldHandlers({ db, clock, desktop }: CoreContext) {
  const repo = customFieldsRepo(db);
  const views = viewsRepo(db);
  const write = writer(db);
  const now = () => clock.now().toISOString();

  return {
    'customFields.list': ({ kind }) => ({ fields: repo.list(kind) }),
    'customFields.create': ({ kind, label, type, choices }) => repo.create(kind, label, type, choices, now()),
    // A renamed choice is renamed in the saved views that filter by it, in the same transaction.
    'customFields.update': write(
      ({
        id,
        ...changes
      }: {
        id: number;
        label?: string | undefined;
        choices?: string[] | undefined;
        renames?: ChoiceRename[] | undefined;
      }) => {
        const updated = repo.update(id, changes, now());
        if (!updated) throw fieldGone();
        for (const { from, to } of updated.renames) views.renameChoice(id, from, to);
        return updated.field;
      },
    ),
    'customFields.reorder': ({ kind, ids }) => ({ fields: repo.reorder(kind, ids) }),
    // Asked in main's native dialog, whoever sent the request: the values go with the field for good.
    'customFields.delete': async ({ id }) => {
      const field = repo.get(id);
      if (!field) throw fieldGone();
      const held = repo.valuesHeld(field);
      const [one, many] = recordWords[field.kind];
      await confirmOrCancel(
        desktop,
        {
          title: 'Delete field',
          message: `Delete the field “${field.label}”?`,
          detail: [
            held === 0
              ? `No ${one} has a value in this field.`
              : `${countOf(held, one, many)} ${held === 1 ? 'has a value' : 'have values'} in this field; ${held === 1 ? 'it goes' : 'they go'} with it. ${held === 1 ? 'The record keeps' : 'The records keep'} everything else.`,
            savedViewsWords(views.usedBy({ kind: 'customField', id }).length),
            'This cannot be undone.',
          ]
            .filter(Boolean)
            .join(' '),
          confirmLabel: 'Delete Field',
        },
        `The field “${field.label}” was not deleted.`,
      );
      if (!repo.delete(id, now())) throw fieldGone();
      return { id };
    },
  } satisfies Partial<Handlers>;
}
