import { problemLimits, type ProblemReport } from '../../../../shared/schemas/help';
import { invoke } from '../../api';

/** Anything thrown, as a report the core's log can take (it shortens and filters it further). */
export function problemReport(thrown: unknown, source: ProblemReport['source']): ProblemReport {
  const error = thrown instanceof Error ? thrown : undefined;
  const message = (error ? `${error.name}: ${error.message}` : String(thrown)).slice(0, problemLimits.message);
  const stack = error?.stack?.slice(0, problemLimits.stack);
  return stack === undefined ? { message, source } : { message, stack, source };
}

/** Writes the problem to the log on this computer (help.reportProblem); nothing is sent anywhere. */
export function reportProblem(thrown: unknown, source: ProblemReport['source']): void {
  // If the log cannot take it either, there is nowhere else to put it: the window still says what happened.
  invoke('help.reportProblem', problemReport(thrown, source)).catch(() => undefined);
}
