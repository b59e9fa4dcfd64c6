// A job worker thread: runs the jobs of job-list.ts one at a time, each on a
// connection of its own, and reports logs, progress and the result as
// messages. Started by jobs/runner.ts; never imports 'electron'.
import { parentPort } from 'node:worker_threads';
import type { Logger, LogRecord } from '../logger';
import { jobList, type JobTools } from './job-list';
import { toJobError, type JobReport, type JobRequest } from './messages';

const port = parentPort;
if (!port) throw new Error('job-worker runs only as a worker thread');
const report = (message: JobReport) => port.postMessage(message);

function toolsFor(id: number): JobTools {
  const log = (level: LogRecord['level']) => (message: string, context?: Record<string, unknown>) => {
    try {
      report({ type: 'log', id, level, message, ...(context ? { context } : {}) });
    } catch {
      // A context that cannot cross to another thread (a function, say): its field names go instead, never its
      // values, which log-privacy.ts could no longer redact by name once turned into text.
      report({ type: 'log', id, level, message, context: { unsent: Object.keys(context ?? {}).join(', ') } });
    }
  };
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  return {
    logger,
    progress: (fraction, detail) =>
      report({ type: 'progress', id, fraction, ...(detail === undefined ? {} : { detail }) }),
  };
}

async function run({ id, name, args }: JobRequest): Promise<void> {
  try {
    const job = jobList[name] as (args: unknown, tools: JobTools) => unknown;
    report({ type: 'done', id, result: await job(args, toolsFor(id)) });
  } catch (error) {
    report({ type: 'failed', id, error: toJobError(error) });
  }
}

// run() answers every failure itself, as a 'failed' report.
port.on('message', (request: JobRequest) => void run(request));
