import type { CrashReporterStartOptions } from 'electron';
import { describeError, type Logger } from '../core/logger';

/**
 * Electron's native crash reports (minidumps) stay in the app's crashDumps
 * folder on this computer: uploadToServer is false and no address is given.
 */
export const crashReporterOptions = { uploadToServer: false } as const satisfies CrashReporterStartOptions;

export interface CrashReportingParts {
  crashReporter: { start: (options: CrashReporterStartOptions) => void };
  process: { on: (event: 'uncaughtException' | 'unhandledRejection', listener: (thrown: unknown) => void) => unknown };
  logger: Logger;
  /** Tells the window (app.problem), which says something went wrong and how to copy diagnostics. */
  tellWindow: () => void;
}

/**
 * Crash reporting that stays local (issue 14, point 7): an error nothing in
 * main handled is logged with its stack (the file logger hides the user's
 * values) and the window is told; native crashes are kept as local dumps.
 * Replaces electron-log's catcher, whose error box shows a raw stack and
 * whose issue helper would open a web page.
 */
export function startCrashReporting({ crashReporter, process, logger, tellWindow }: CrashReportingParts): void {
  crashReporter.start(crashReporterOptions);
  const logged = (what: string) => (thrown: unknown) => {
    logger.error(what, { error: describeError(thrown) });
    tellWindow();
  };
  process.on('uncaughtException', logged('an error in the main process that nothing handled'));
  process.on('unhandledRejection', logged('a promise in the main process failed and nothing handled it'));
}
