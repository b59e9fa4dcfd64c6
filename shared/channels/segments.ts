import type { ChannelTable } from './table';

/** Segments. */
export const segmentChannels = {} as const satisfies ChannelTable;
