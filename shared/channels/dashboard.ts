import type { ChannelTable } from './table';

/** The dashboard's figures. */
export const dashboardChannels = {} as const satisfies ChannelTable;
