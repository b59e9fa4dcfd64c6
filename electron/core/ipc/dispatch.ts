import type { z } from 'zod';
import { channels, isChannelName } from '../../../shared/contract';
import type { ErrorPayload, FieldIssue } from '../../../shared/errors';
import type { Result } from '../../../shared/result';
import type { Handlers } from '../context';
import { CrmError, fromSqliteError, validationError } from '../errors';
import { describeError, type Logger } from '../logger';
import { findNonPlainValue } from './plain-data';

function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const field = issue.keys.map((key) => (path ? `${path}.${key}` : key)).join(', ');
      return { field, message: `Unknown field: ${field}.` };
    }
    return { field: path || 'input', message: issue.message };
  });
}

const internalError: ErrorPayload = {
  code: 'INTERNAL',
  message: 'Something went wrong inside Rolodesk. Nothing was changed. The details are in the log.',
};

/**
 * The one path every request takes: channel check, input parsing, the
 * handler, output check, and errors turned into data.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  input: unknown,
  logger: Logger,
): Promise<Result<unknown>> {
  if (!isChannelName(channel)) {
    logger.warn('request for an unknown channel refused', { channel: String(channel).slice(0, 100) });
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Rolodesk does not know that request.' } };
  }
  const notPlain = findNonPlainValue(input);
  if (notPlain) {
    logger.warn('request with a value that is not plain data refused', { channel, field: notPlain.field });
    return { ok: false, error: validationError([notPlain]) };
  }
  const spec = channels[channel];
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) return { ok: false, error: validationError(fieldIssues(parsed.error)) };
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const output = spec.output.safeParse(await handler(parsed.data));
    if (!output.success) {
      logger.error('handler returned data outside its contract', {
        channel,
        issues: output.error.issues.slice(0, 5).map((issue) => ({ path: issue.path.join('.'), code: issue.code })),
      });
      return { ok: false, error: internalError };
    }
    return { ok: true, data: output.data };
  } catch (thrown) {
    const error = fromSqliteError(thrown);
    logger[error instanceof CrmError ? 'warn' : 'error']('request failed', { channel, error: describeError(thrown) });
    return { ok: false, error: error instanceof CrmError ? error.toPayload() : internalError };
  }
}
