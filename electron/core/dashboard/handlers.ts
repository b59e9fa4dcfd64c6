import type { CoreContext, Handlers } from '../context';

export function dashboardHandlers(_context: CoreContext) {
  return {} satisfies Partial<Handlers>;
}
