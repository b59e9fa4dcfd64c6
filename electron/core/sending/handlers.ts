import type { CoreContext, Handlers } from '../context';

export function sendingHandlers(_context: CoreContext) {
  return {} satisfies Partial<Handlers>;
}
