import { z } from 'zod';
import { UpdateNotice, UpdateSettings } from '../schemas/update';
import type { ChannelTable } from './table';

/** Automatic updates: the setting, installing a downloaded update, and what an update did to the data. */
export const updateChannels = {
  'updates.settings': { input: z.strictObject({}), output: UpdateSettings },
  'updates.updateSettings': { input: UpdateSettings, output: UpdateSettings },
  /**
   * Installs the downloaded update: waits while a backup, restore, import or sending runs, takes a verified
   * snapshot ("before update"), then main quits and installs. A failed snapshot: nothing is installed.
   */
  'updates.restart': { input: z.strictObject({}), output: z.strictObject({ restarting: z.literal(true) }) },
  /** What the last update did to the data, until dismissed; null when there is nothing to tell. */
  'updates.notice': { input: z.strictObject({}), output: z.strictObject({ notice: UpdateNotice.nullable() }) },
  'updates.dismissNotice': { input: z.strictObject({}), output: z.strictObject({ dismissed: z.boolean() }) },
} as const satisfies ChannelTable;
