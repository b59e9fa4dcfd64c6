import { z } from 'zod';
import { SampleDataRemoved, SampleDataStatus, WelcomeStatus } from '../schemas/sample-data';
import type { ChannelTable } from './table';

/** The first run: the welcome on a new data folder, and the sample data one click removes. */
export const firstRunChannels = {
  /** Whether to show the welcome: never answered or closed, and no record in the folder yet. */
  'welcome.status': { input: z.strictObject({}), output: WelcomeStatus },
  /** The welcome was answered or closed: it is not shown again. */
  'welcome.dismiss': { input: z.strictObject({}), output: WelcomeStatus },
  'sampleData.status': { input: z.strictObject({}), output: SampleDataStatus },
  /** Adds the sample records in one transaction (nothing when they are already there). */
  'sampleData.add': { input: z.strictObject({}), output: SampleDataStatus },
  /** Deletes every sample record for good (not to the trash); real records stay, their links to sample ones dropped. */
  'sampleData.remove': { input: z.strictObject({}), output: SampleDataRemoved },
} as const satisfies ChannelTable;
