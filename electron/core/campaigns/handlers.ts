import type { CoreContext, Handlers } from '../context';

export function campaignHandlers(_context: CoreContext) {
  return {} satisfies Partial<Handlers>;
}
