import {
  channels,
  events,
  type ChannelName,
  type EventName,
  type EventPayload,
  type Input,
  type Output,
} from '../../shared/contract';
import type { ErrorCode, FieldIssue } from '../../shared/errors';

/** A failed request, as the UI handles it: a stable code, a message for people, and any field problems. */
export class CrmError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'CrmError';
  }
}

const unreachable = 'Rolodesk could not reach its data. Please try again; if this keeps happening, restart Rolodesk.';
const garbled = 'Rolodesk received a reply it did not understand. Nothing was changed. Please restart Rolodesk.';

/** Any thrown value as a CrmError, so every catch can show error.message without guessing. */
export function toCrmError(error: unknown): CrmError {
  return error instanceof CrmError ? error : new CrmError('INTERNAL', unreachable);
}

/**
 * Calls one channel of the contract. Replies travel as a Result envelope;
 * `ok: false` becomes a thrown CrmError, and the data is checked against the
 * channel's output schema so the UI never works with a shape it did not expect.
 */
export async function invoke<C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> {
  let result;
  try {
    result = await window.crm.invoke(channel, input);
  } catch {
    throw new CrmError('INTERNAL', unreachable);
  }
  if (!result.ok) throw new CrmError(result.error.code, result.error.message, result.error.details?.fields ?? []);
  const parsed = channels[channel].output.safeParse(result.data);
  if (!parsed.success) throw new CrmError('INTERNAL', garbled);
  return parsed.data as Output<C>;
}

/** Listens to one event from main; payloads that do not match the contract are dropped. Returns the unsubscribe. */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.crm.on(event, (payload) => {
    const parsed = events[event].safeParse(payload);
    if (parsed.success) listener(parsed.data as EventPayload<E>);
  });
}
