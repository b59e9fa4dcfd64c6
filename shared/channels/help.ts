import { z } from 'zod';
import { AboutFacts, ProblemReport } from '../schemas/help';
import type { ChannelTable } from './table';

/** Help menu: About, diagnostics for a support request, and problems the window met. */
export const helpChannels = {
  /** Versions, the data folder and the last verified backup (Help › About Rolodesk). */
  'help.about': { input: z.strictObject({}), output: AboutFacts },
  /** Puts a plain-text report on the clipboard: About, the settings that hold no secrets or records, the last 200 log lines. */
  'help.diagnostics': {
    input: z.strictObject({}),
    output: z.strictObject({ copied: z.literal(true), logLines: z.int().min(0) }),
  },
  /** An error the window did not handle: logged with its stack, shortened and with the user's values hidden. Nothing is sent anywhere. */
  'help.reportProblem': { input: ProblemReport, output: z.strictObject({ logged: z.literal(true) }) },
} as const satisfies ChannelTable;
