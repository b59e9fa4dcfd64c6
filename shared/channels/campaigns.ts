import type { ChannelTable } from './table';

/** Campaigns, their members and results. */
export const campaignChannels = {} as const satisfies ChannelTable;
