import { errorFields, redactDeep, redactUserValues } from './log-privacy';

/** The logger the core is handed; main passes electron-log, tests pass their own. */
export interface Logger {
  debug: (message: string, context?: Record<string, unknown>) => void;
  info: (message: string, context?: Record<string, unknown>) => void;
  warn: (message: string, context?: Record<string, unknown>) => void;
  error: (message: string, context?: Record<string, unknown>) => void;
}

export interface LogRecord {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  context?: Record<string, unknown>;
}

/** Keeps every record in memory: for tests and for the command line's --verbose. */
export function memoryLogger(records: LogRecord[] = []): Logger & { records: LogRecord[] } {
  const push = (level: LogRecord['level']) => (message: string, context?: Record<string, unknown>) => {
    records.push({ level, message, context });
  };
  return { records, debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') };
}

/**
 * Turns anything thrown into something a log line can hold: its message,
 * code, stack and causes, with the user's values in it (“quoted” names,
 * email addresses) as fingerprints. The file logger also hides paths.
 */
export function describeError(error: unknown): Record<string, unknown> {
  const fields = error instanceof Error ? errorFields(error) : { thrown: String(error) };
  return redactDeep(fields, redactUserValues) as Record<string, unknown>;
}
