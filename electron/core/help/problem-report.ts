import type { ProblemReport } from '../../../shared/schemas/help';
import { redactUserValues } from '../log-privacy';
import type { Logger } from '../logger';

/** What the log keeps of a window's error: enough to find the fault, not a page of someone's data. */
export const keptOfProblem = { message: 1000, stack: 8000 } as const;

function shortened(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length - limit} more characters not kept)`;
}

/**
 * Logs an error the window did not handle, with its stack: shortened, and
 * with quoted values and addresses hidden before the file logger hides paths.
 * It goes to the log file on this computer and nowhere else.
 */
export function logProblem(logger: Logger, report: ProblemReport): void {
  logger.error('the window met an error it did not handle', {
    source: report.source,
    message: shortened(redactUserValues(report.message), keptOfProblem.message),
    stack: report.stack === undefined ? undefined : shortened(redactUserValues(report.stack), keptOfProblem.stack),
  });
}
