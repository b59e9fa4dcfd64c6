import type { ChannelName, Input, Output } from '../../shared/contract';
import type { Core } from '../../electron/core/core';

/** A request through the core's full dispatch path (validation, handler, output check); throws if it fails. */
export async function call<C extends ChannelName>(core: Core, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.data as Output<C>;
}
