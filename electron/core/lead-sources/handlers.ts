import type { CoreContext, Handlers } from '../context';
import { listSelections } from '../bulk/selection';
import { confirmOrCancel, countOf, wordList } from '../confirm-destructive';
import { optedOutAmong } from '../contacts/opted-out';
import { recordWords } from '../destructive-words';
import { CrmError } from '../errors';
import { leadSourcesRepo } from './repo';

const leadSourceGone = () => new CrmError('NOT_FOUND', 'This lead source no longer exists. It may have been deleted.');

function found<T>(value: T | undefined): T {
  if (value === undefined) throw leadSourceGone();
  return value;
}

export function leadSourceHandlers({ db, desktop }: CoreContext) {
  const repo = leadSourcesRepo(db);
  const selections = listSelections(db);
  const countOptedOut = optedOutAmong(db);
  return {
    'leadSources.list': () => ({ leadSources: repo.list() }),
    'leadSources.create': ({ name }) => repo.create(name),
    'leadSources.rename': ({ id, name }) => found(repo.rename(id, name)),
    'leadSources.reorder': ({ ids }) => ({ leadSources: repo.reorder(ids) }),
    // Asked in main's native dialog, whoever sent the request: records lose the source for good.
    'leadSources.delete': async ({ id, clearOnRecords }) => {
      const { name, clears } = found(repo.deletion(id, clearOnRecords ?? false));
      const held = wordList(
        (['contact', 'company'] as const)
          .filter((kind) => clears[kind] > 0)
          .map((kind) => countOf(clears[kind], ...recordWords[kind])),
      );
      const total = clears.contact + clears.company;
      await confirmOrCancel(
        desktop,
        {
          title: 'Delete lead source',
          message: `Delete the lead source “${name}”?`,
          detail: [
            total === 0
              ? 'No record has this lead source.'
              : `${held} ${total === 1 ? 'has' : 'have'} it; ${total === 1 ? 'it is' : 'they are'} left without a lead source. The records themselves stay.`,
            'This cannot be undone.',
          ].join(' '),
          confirmLabel: 'Delete Lead Source',
        },
        `The lead source “${name}” was not deleted.`,
      );
      return { id, ...found(repo.delete(id, clearOnRecords ?? false)) };
    },
    'consent.optedOut': ({ ids, matching }) => countOptedOut(selections.resolve({ kind: 'contact', ids, matching })),
  } satisfies Partial<Handlers>;
}
