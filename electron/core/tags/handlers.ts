import type { FieldedRef } from '../../../shared/schemas/record';
import type { CoreContext, Handlers } from '../context';
import { writer } from '../db/write';
import { CrmError } from '../errors';
import { tableOf } from '../records/kinds';
import { tagsRepo } from './repo';

const tagGone = () => new CrmError('NOT_FOUND', 'This tag no longer exists. It may have been deleted.');

export function tagHandlers({ db, clock }: CoreContext) {
  const repo = tagsRepo(db);
  const write = writer(db);
  const now = () => clock.now().toISOString();
  const live = Object.fromEntries(
    (['contact', 'company', 'deal'] as const).map((kind) => [kind, db.prepare<[number], number>(`SELECT 1 FROM ${tableOf[kind]} WHERE id = ? AND deleted_at IS NULL`).pluck()]),
  ) as Record<FieldedRef['kind'], ReturnType<typeof db.prepare<[number], number>>>;

  const onRecord = (change: (record: FieldedRef, tagId: number, at: string) => boolean) =>
    write(({ record, tagId }: { record: FieldedRef; tagId: number }) => {
      if (live[record.kind].get(record.id) === undefined) throw new CrmError('NOT_FOUND', 'This record no longer exists. It may have been deleted.');
      change(record, tagId, now());
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
    'tags.delete': ({ id }) => {
      if (!repo.delete(id, now())) throw tagGone();
      return { id };
    },
    'tags.link': onRecord(repo.link),
    'tags.unlink': onRecord(repo.unlink),
  } satisfies Partial<Handlers>;
}
