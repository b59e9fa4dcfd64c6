import type { ChannelName, EventName, EventPayload, Input } from './contract';
import type { Result } from './result';

/** Exactly what the preload exposes as window.crm. */
export interface CrmBridge {
  invoke: <C extends ChannelName>(channel: C, input: Input<C>) => Promise<Result<unknown>>;
  /** Returns a function that removes the listener. */
  on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
}
