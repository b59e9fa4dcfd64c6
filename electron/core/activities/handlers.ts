import type { ParsedInput } from '../../../shared/contract';
import { startOfDay, startOfDayAfter } from '../../../shared/days';
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
const optionalTime = (text: string | null | undefined) =>
  text === null || text === undefined ? text : exactTime(text);

/** The day "Today" lists: the window's, else the calendar day of the computer's own (ending at `endOfDay` when given). */
function todayBounds(
  now: Date,
  startOfWindowDay: string | undefined,
  endOfDay: string | undefined,
): { start: string; end: string } {
  if (startOfWindowDay !== undefined && endOfDay !== undefined)
    return { start: exactTime(startOfWindowDay), end: exactTime(endOfDay) };
  if (endOfDay !== undefined)
    return { start: startOfDay(new Date(Date.parse(endOfDay) - 1)).toISOString(), end: exactTime(endOfDay) };
  return { start: startOfDay(now).toISOString(), end: startOfDayAfter(now, 1).toISOString() };
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
      return repo.create(
        {
          ...draft,
          occurredAt: occurredAt ? exactTime(occurredAt) : at,
          dueAt: optionalTime(dueAt) ?? null,
          doneAt: done ? at : null,
        },
        at,
      );
    },
    'activities.update': write(
      ({ id, version, occurredAt, dueAt, done, ...changes }: ParsedInput<'activities.update'>) => {
        checkVersion('activity', id, version);
        const at = now();
        const current = found(repo.values(id));
        const doneAt = done === undefined ? undefined : done ? (current.doneAt ?? at) : null;
        return found(
          repo.update(
            id,
            {
              ...changes,
              occurredAt: occurredAt === undefined ? undefined : exactTime(occurredAt),
              dueAt: optionalTime(dueAt),
              ...(doneAt === undefined ? {} : { doneAt }),
            },
            at,
          ),
        );
      },
    ),
    'activities.setDone': ({ id, done }) => {
      const at = now();
      const current = found(repo.values(id));
      if (current.kind !== 'task')
        throw new CrmError('VALIDATION', 'Only a task can be done.', {
          fields: [{ field: 'id', message: 'Only a task can be done.' }],
        });
      return found(repo.update(id, { doneAt: done ? (current.doneAt ?? at) : null }, at));
    },
    'activities.delete': ({ id }) => {
      const trashed = found(trash.delete('activity', [id], now()));
      return { id, trashId: trashed.trashId };
    },
    'activities.today': ({ startOfDay: windowDayStart, endOfDay, limit }) => {
      const day = todayBounds(clock.now(), windowDayStart, endOfDay);
      return repo.today(day.start, day.end, limit);
    },
  } satisfies Partial<Handlers>;
}
