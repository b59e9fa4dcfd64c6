import type { ParsedInput } from '../../../shared/contract';
import type { CoreContext, Handlers } from '../context';
import { writer } from '../db/write';
import { CrmError } from '../errors';
import { versionCheck } from '../records/versions';
import { deleter } from '../trash/deleter';
import { activitiesRepo } from './repo';

const activityGone = () => new CrmError('NOT_FOUND', 'This activity no longer exists. It may have been deleted.');

function found<T>(value: T | undefined): T {
  if (value === undefined) throw activityGone();
  return value;
}

/** Time stamps as the core writes them (milliseconds, UTC), so text order is time order. */
export const exactTime = (text: string): string => new Date(text).toISOString();
const optionalTime = (text: string | null | undefined) => (text === null || text === undefined ? text : exactTime(text));

/** The computer's own day around `now`, for a "Today" asked without the window's day. */
function localDay(now: Date): { start: string; end: string } {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { start: start.toISOString(), end: end.toISOString() };
}

export function activityHandlers({ db, clock }: CoreContext) {
  const repo = activitiesRepo(db);
  const trash = deleter(db);
  const write = writer(db);
  const checkVersion = versionCheck(db);
  const now = () => clock.now().toISOString();

  return {
    'activities.list': (query) => repo.list(query),
    'activities.get': ({ id }) => found(repo.get(id)),
    'activities.create': ({ occurredAt, dueAt, done, ...draft }) => {
      const at = now();
      return repo.create({ ...draft, occurredAt: occurredAt ? exactTime(occurredAt) : at, dueAt: optionalTime(dueAt) ?? null, doneAt: done ? at : null }, at);
    },
    'activities.update': write(({ id, version, occurredAt, dueAt, done, ...changes }: ParsedInput<'activities.update'>) => {
      checkVersion('activity', id, version);
      const at = now();
      const current = found(repo.values(id));
      const doneAt = done === undefined ? undefined : done ? (current.doneAt ?? at) : null;
      return found(
        repo.update(id, { ...changes, occurredAt: occurredAt === undefined ? undefined : exactTime(occurredAt), dueAt: optionalTime(dueAt), ...(doneAt === undefined ? {} : { doneAt }) }, at),
      );
    }),
    'activities.setDone': ({ id, done }) => {
      const at = now();
      const current = found(repo.values(id));
      if (current.kind !== 'task') throw new CrmError('VALIDATION', 'Only a task can be done.', { fields: [{ field: 'id', message: 'Only a task can be done.' }] });
      return found(repo.update(id, { doneAt: done ? (current.doneAt ?? at) : null }, at));
    },
    'activities.delete': ({ id }) => {
      const trashed = found(trash.delete('activity', [id], now()));
      return { id, trashId: trashed.trashId };
    },
    'activities.today': ({ endOfDay, limit }) => {
      const day = localDay(clock.now());
      const end = endOfDay ? exactTime(endOfDay) : day.end;
      const start = endOfDay ? new Date(Date.parse(end) - 24 * 60 * 60 * 1000).toISOString() : day.start;
      return repo.today(start, end, limit);
    },
  } satisfies Partial<Handlers>;
}
