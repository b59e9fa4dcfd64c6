import { z } from 'zod';
import { Timestamp } from './common';

/** What Help › About shows, and what a diagnostics report starts with. */
export const AboutFacts = z.strictObject({
  version: z.string().max(100),
  /** Null where the core does not run inside Electron (the test harness, the command line). */
  electron: z.string().max(100).nullable(),
  chromium: z.string().max(100).nullable(),
  node: z.string().max(100),
  sqlite: z.string().max(100),
  /** The operating system and processor: "linux x64", "darwin arm64". */
  system: z.string().max(100),
  dataFolder: z.string().max(4096),
  /** When the newest verified backup was taken; null when there is none yet. */
  lastVerifiedBackupAt: Timestamp.nullable(),
});
export type AboutFacts = z.infer<typeof AboutFacts>;

/** Longest message and stack the window sends; the core keeps less of each (help/problem-report.ts). */
export const problemLimits = { message: 20_000, stack: 100_000 } as const;

/** An error the window met that nothing handled: logged in the core's log, never sent anywhere. */
export const ProblemReport = z.strictObject({
  message: z.string().max(problemLimits.message),
  stack: z.string().max(problemLimits.stack).optional(),
  /** Where it was caught: the error boundary around the screens, or the window's own listeners. */
  source: z.enum(['screen', 'window', 'promise']),
});
export type ProblemReport = z.infer<typeof ProblemReport>;
