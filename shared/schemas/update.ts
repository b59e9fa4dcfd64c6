import { z } from 'zod';
import { SnapshotId } from './backup';

/** Settings › Updates. */
export const UpdateSettings = z.strictObject({
  /** Look for a new Rolodesk a minute after start and every 6 hours, and download it quietly. */
  checkAutomatically: z.boolean(),
});
export type UpdateSettings = z.infer<typeof UpdateSettings>;

/** What the first start of a new version did to the data, shown once (until the user closes it). */
export const UpdateNotice = z.strictObject({
  version: z.string().max(100),
  /** Each change the migrations made, in plain words. */
  changes: z.array(z.string().max(300)).max(200),
  /** The snapshot taken before the data was changed. */
  snapshotId: SnapshotId.nullable(),
});
export type UpdateNotice = z.infer<typeof UpdateNotice>;
