import type { ChannelTable } from './table';

/** Mail-merge templates, previews and their output (CSV, mailto). */
export const templateChannels = {} as const satisfies ChannelTable;
