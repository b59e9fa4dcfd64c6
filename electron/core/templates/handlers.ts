import type { CoreContext, Handlers } from '../context';

export function templateHandlers(_context: CoreContext) {
  return {} satisfies Partial<Handlers>;
}
