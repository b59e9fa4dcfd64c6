import type { ChannelName, Output, ParsedInput } from '../../shared/contract';
import type { Clock } from './clock';
import type { Db } from './db/open';
import type { Logger } from './logger';

/** What every domain's handlers are built from. */
export interface CoreContext {
  db: Db;
  clock: Clock;
  logger: Logger;
  appVersion: string;
}

export type Handler<C extends ChannelName> = (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;

/** One handler per channel of the contract: a missing one is a compile error. */
export type Handlers = { [C in ChannelName]: Handler<C> };
