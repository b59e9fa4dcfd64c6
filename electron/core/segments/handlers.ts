import type { CoreContext, Handlers } from '../context';

export function segmentHandlers(_context: CoreContext) {
  return {} satisfies Partial<Handlers>;
}
