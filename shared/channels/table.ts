import type { z } from 'zod';

/** A part of the IPC contract: channels with the schema their input must pass and the schema their output keeps. */
export type ChannelTable = Record<string, { input: z.ZodType; output: z.ZodType }>;
