import { z } from 'zod';
import { Id } from './common';

/** How many records of each kind are sample records. */
export const SampleCounts = z.strictObject({
  contact: z.int().min(0),
  company: z.int().min(0),
  deal: z.int().min(0),
  activity: z.int().min(0),
});
export type SampleCounts = z.infer<typeof SampleCounts>;

const SampleIds = z.array(Id).max(1000);

/** Whether sample data is in this folder, and which records it is (lists badge them "Sample"). */
export const SampleDataStatus = z.strictObject({
  present: z.boolean(),
  counts: SampleCounts,
  ids: z.strictObject({ contact: SampleIds, company: SampleIds, deal: SampleIds, activity: SampleIds }),
});
export type SampleDataStatus = z.infer<typeof SampleDataStatus>;

/** What removing the sample data deleted for good. */
export const SampleDataRemoved = z.strictObject({ removed: SampleCounts });
export type SampleDataRemoved = z.infer<typeof SampleDataRemoved>;

/** show: a new data folder whose welcome was never answered or closed. */
export const WelcomeStatus = z.strictObject({ show: z.boolean() });
export type WelcomeStatus = z.infer<typeof WelcomeStatus>;
