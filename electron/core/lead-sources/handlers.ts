import type { CoreContext, Handlers } from '../context';

export function leadSourceHandlers(_context: CoreContext) {
  return {} satisfies Partial<Handlers>;
}
