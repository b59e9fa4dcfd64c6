import type { FieldedRef } from '../../../shared/schemas/record';
import type { CoreContext, Handlers } from '../context';
import { writer } from '../db/write';
import { confirmOrCancel, countOf, wordList } from '../confirm-destructive';
import { recordWords, savedViewsWords } from '../destructive-words';
import { CrmError } from '../errors';
import { liveRecords } from '../records/live-records';
import { viewsRepo } from '../views/repo';
import { tagsRepo } from './repo';

const tagGone = () => new CrmError('NOT_FOUND', 'This tag no longer exists. It may have been deleted.');

export function tagHandlers({ db, clock, desktop }: CoreContext) {
  const repo = tagsRepo(db);
  const views = viewsRepo(db);
  const write = writer(db);
  const now = () => clock.now().toISOString();
  const records = liveRecords(db);

  const onRecord = (on: boolean) =>
    write(({ record, tagId }: { record: FieldedRef; tagId: number }) => {
      records.mustExist(record);
      if (on) repo.link(record, tagId, now());
      else repo.unlink(record, tagId, now());
      return { record, tagIds: repo.idsOf(record) };
    });

  return {
    'tags.list': () => ({ tags: repo.list() }),
    'tags.create': ({ name, color }) => repo.create(name, color, now()),
    'tags.update': ({ id, ...changes }) => {
      const tag = repo.update(id, changes);
      if (!tag) throw tagGone();
      return tag;
    },
    // Asked in main's native dialog, whoever sent the request: the links cannot be put back.
    'tags.delete': async ({ id }) => {
      const tag = repo.get(id);
      if (!tag) throw tagGone();
      const carriedBy = repo.carriedBy(id);
      const records = wordList(
        (['contact', 'company', 'deal'] as const)
          .filter((kind) => carriedBy[kind] > 0)
          .map((kind) => countOf(carriedBy[kind], ...recordWords[kind])),
      );
      const total = carriedBy.contact + carriedBy.company + carriedBy.deal;
      await confirmOrCancel(
        desktop,
        {
          title: 'Delete tag',
          message: `Delete the tag “${tag.name}”?`,
          detail: [
            total === 0
              ? 'No record has this tag.'
              : `${records} ${total === 1 ? 'has' : 'have'} this tag. They keep everything else.`,
            savedViewsWords(views.usedBy({ kind: 'tag', id }).length),
            'This cannot be undone.',
          ]
            .filter(Boolean)
            .join(' '),
          confirmLabel: 'Delete Tag',
        },
        `The tag “${tag.name}” was not deleted.`,
      );
      if (!repo.delete(id, now())) throw tagGone();
      return { id };
    },
    'tags.link': onRecord(true),
    'tags.unlink': onRecord(false),
  } satisfies Partial<Handlers>;
}
