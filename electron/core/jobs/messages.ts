import { errorCodes, type ErrorCode } from '../../../shared/errors';
import { CrmError } from '../errors';
import type { LogRecord } from '../logger';
import type { JobName } from './job-list';

/** Core → job worker: run one job. A worker runs one at a time. */
export interface JobRequest {
  id: number;
  name: JobName;
  args: unknown;
}

/** A thrown error as data: its message and its code, so the core maps it as it maps its own errors (a CrmError stays one). */
export interface JobError {
  message: string;
  code?: string;
  crmError: boolean;
}

/** Job worker → core. */
export type JobReport =
  | { type: 'log'; id: number; level: LogRecord['level']; message: string; context?: Record<string, unknown> }
  | { type: 'progress'; id: number; fraction: number; detail?: unknown }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'failed'; id: number; error: JobError };

export function toJobError(error: unknown): JobError {
  if (!(error instanceof Error)) return { message: String(error), crmError: false };
  const code = (error as { code?: unknown }).code;
  return { message: error.message, crmError: error instanceof CrmError, ...(typeof code === 'string' ? { code } : {}) };
}

const isErrorCode = (code: string | undefined): code is ErrorCode => errorCodes.includes(code as ErrorCode);

export function fromJobError({ message, code, crmError }: JobError): Error {
  if (crmError && isErrorCode(code)) return new CrmError(code, message);
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}
