import type { CoreContext, Handlers } from '../context';
import { dashboardFigures } from './figures';

export function dashboardHandlers({ db, clock }: CoreContext) {
  const figures = dashboardFigures(db);
  return {
    'dashboard.get': () => figures.at(clock.now()),
    'dashboard.start': () => ({ hasRecords: figures.hasRecords() }),
  } satisfies Partial<Handlers>;
}
