import type { CoreContext, Handlers } from '../context';
import { liveRecords } from '../records/live-records';
import { timelineRepo } from './repo';

export function timelineHandlers({ db }: CoreContext) {
  const repo = timelineRepo(db);
  const records = liveRecords(db);
  return {
    'timeline.list': ({ record, before, limit }) => {
      records.mustExist(record);
      return repo.page(record, before, limit);
    },
  } satisfies Partial<Handlers>;
}
