import type { Worker } from 'node:worker_threads';
import { CrmError } from '../errors';
import { describeError, type Logger } from '../logger';
import { startWorker, workerEntry } from '../threads/start-worker';
import type { JobArgs, JobName, JobResult } from './job-list';
import { fromJobError, type JobReport, type JobRequest } from './messages';

export interface JobOptions {
  /** Aborting stops the job: a queued one never starts, a running one's worker is ended (jobs only read, so that is safe). */
  signal?: AbortSignal;
  onProgress?: (fraction: number, detail?: unknown) => void;
}

/**
 * Runs long reads (checks, verification, duplicate search, restore staging)
 * in job worker threads, each job on a connection of its own, so the thread
 * that answers requests never waits on them. Works the same whether that
 * thread is the process's main thread or a worker itself.
 */
export interface JobRunner {
  run: <N extends JobName>(name: N, args: JobArgs<N>, options?: JobOptions) => Promise<JobResult<N>>;
  /** Stops every job on this file, queued or running, and resolves once their connections are closed (before the file is closed, moved or swapped). */
  stopJobsOn: (file: string) => Promise<void>;
  /** Stops every job and ends the workers. */
  close: () => Promise<void>;
}

interface Job {
  id: number;
  name: JobName;
  args: JobArgs<JobName>;
  options: JobOptions;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  /** Set when the job was stopped on purpose: its worker's end is not a failure. */
  stopped?: boolean;
}

const outOfMemory = () =>
  new CrmError(
    'INTERNAL',
    'This needed more memory than Rolodesk gives one task, so it was stopped. Nothing was changed. A very large Excel file imports in far less memory saved as CSV (File › Save As › CSV in Excel).',
  );
const stoppedError = () => new CrmError('CANCELLED', 'The work was stopped before it finished. Nothing was changed.');

// Jobs read a lot: two at a time is what a small laptop's disk and cores give without starving the requests.
const defaultMaxWorkers = 2;

/**
 * A job worker's heap limit. Under V8's default (up to 4 GB) it lets garbage grow a heap to four times what
 * survived its last full collection; under about 2 GB, less than twice, so a long import's worker swings
 * between about 25 and 50 MB instead of 90. It must still hold the biggest job: an .xlsx file is read whole
 * (100,000 rows of 8 columns take 280 MB, so 20 columns about 700 MB), and the duplicate search over
 * 1,000,000 contacts about 600 MB. A job that ran past it fails on its own (its worker ends), not the app.
 */
const jobHeapMb = 1536;

export function jobRunner(logger: Logger, { maxWorkers = defaultMaxWorkers, heapMb = jobHeapMb } = {}): JobRunner {
  const queue: Job[] = [];
  /** Every live worker, with the job it runs (undefined while idle). */
  const workers = new Map<Worker, Job | undefined>();
  let nextId = 1;
  let closed = false;

  function settle(worker: Worker, outcome: { result: unknown } | { error: Error }): void {
    const job = workers.get(worker);
    if (!job) return;
    workers.set(worker, undefined);
    // An idle worker must not keep the process alive.
    worker.unref();
    if ('error' in outcome) job.reject(outcome.error);
    else job.resolve(outcome.result);
    pump();
  }

  function onReport(worker: Worker, report: JobReport): void {
    const job = workers.get(worker);
    if (!job || job.id !== report.id) return;
    switch (report.type) {
      case 'log':
        logger[report.level](report.message, { job: job.name, ...report.context });
        return;
      case 'progress':
        job.options.onProgress?.(report.fraction, report.detail);
        return;
      case 'done':
        settle(worker, { result: report.result });
        return;
      case 'failed':
        settle(worker, { error: fromJobError(report.error) });
        return;
    }
  }

  function spawn(): Worker {
    const worker = startWorker(workerEntry(__filename, __dirname, 'job-worker'), {
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    workers.set(worker, undefined);
    worker.on('message', (report: JobReport) => onReport(worker, report));
    // A worker that failed outside a job's own code (it could not start, say) is not used again.
    worker.on('error', (error) => {
      const job = workers.get(worker);
      workers.delete(worker);
      logger.error('a job worker failed', { job: job?.name, error: describeError(error) });
      job?.reject((error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory() : error);
      pump();
    });
    worker.on('exit', (code) => {
      const job = workers.get(worker);
      workers.delete(worker);
      if (job) {
        if (!job.stopped)
          logger.error('a job worker stopped in the middle of a job', { job: job.name, exitCode: code });
        job.reject(
          job.stopped
            ? stoppedError()
            : new CrmError(
                'INTERNAL',
                'Something went wrong inside Rolodesk. Nothing was changed. The details are in the log.',
              ),
        );
      }
      pump();
    });
    return worker;
  }

  function pump(): void {
    while (!closed && queue.length > 0) {
      const worker =
        [...workers].find(([, job]) => job === undefined)?.[0] ?? (workers.size < maxWorkers ? spawn() : undefined);
      if (!worker) return;
      const job = queue.shift()!;
      workers.set(worker, job);
      worker.ref();
      const request: JobRequest = { id: job.id, name: job.name, args: job.args };
      worker.postMessage(request);
    }
  }

  /** Ends a job: out of the queue, or its worker ended (resolves once the worker, and so its connection, is gone). */
  async function stop(job: Job): Promise<void> {
    job.stopped = true;
    const queued = queue.indexOf(job);
    if (queued >= 0) {
      queue.splice(queued, 1);
      job.reject(stoppedError());
      return;
    }
    const worker = [...workers].find(([, running]) => running === job)?.[0];
    // A worker ends only between two SQLite calls: a long check finishes its current statement first.
    if (worker) await worker.terminate();
  }

  return {
    run(name, args, options = {}) {
      if (closed) return Promise.reject(stoppedError());
      if (options.signal?.aborted) return Promise.reject(stoppedError());
      const { signal } = options;
      return new Promise((resolve, reject) => {
        const onAbort = () => void stop(job);
        const done = () => signal?.removeEventListener('abort', onAbort);
        const job: Job = {
          id: nextId++,
          name,
          args,
          options,
          resolve: (result) => {
            done();
            resolve(result as JobResult<typeof name>);
          },
          reject: (error) => {
            done();
            reject(error);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(job);
        pump();
      });
    },

    async stopJobsOn(file) {
      const onFile = (job: Job | undefined): job is Job => job !== undefined && job.args.file === file;
      await Promise.all([...queue.filter(onFile), ...[...workers.values()].filter(onFile)].map(stop));
    },

    async close() {
      closed = true;
      for (const job of queue.splice(0)) {
        job.stopped = true;
        job.reject(stoppedError());
      }
      await Promise.all(
        [...workers].map(([worker, job]) => {
          if (job) job.stopped = true;
          return worker.terminate();
        }),
      );
    },
  };
}
