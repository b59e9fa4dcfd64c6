import type { EventName, EventPayload } from '../../shared/contract';

/** How the core tells the window something happened (main forwards it over IPC). */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export const ignoreEvents: EventSink = () => {};
