import type { ChannelTable } from './table';

/** Lead sources and consent. */
export const leadSourceChannels = {} as const satisfies ChannelTable;
