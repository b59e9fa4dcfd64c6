import { z } from 'zod';
import { Dashboard, DashboardStart } from '../schemas/dashboard';
import type { ChannelTable } from './table';

/** The dashboard's figures. */
export const dashboardChannels = {
  /** Every figure of the Dashboard screen at once, added up in SQL. */
  'dashboard.get': { input: z.strictObject({}), output: Dashboard },
  /** Whether there is anything to chart: the window opens on the Dashboard when there is, else on Contacts. */
  'dashboard.start': { input: z.strictObject({}), output: DashboardStart },
} as const satisfies ChannelTable;
