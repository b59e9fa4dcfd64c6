import type { ChannelTable } from './table';

/** Sending through the user's SMTP server: settings and the outbox. */
export const sendingChannels = {} as const satisfies ChannelTable;
