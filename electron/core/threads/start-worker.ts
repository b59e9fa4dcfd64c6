import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Where a worker module of ours lives: beside the caller, as TypeScript when
 * the caller itself runs from source (tests, the bench, the command line),
 * as JavaScript when it runs from the build (out/main, where electron-vite
 * emits each worker as its own entry under the same name).
 */
export function workerEntry(callerFile: string, callerDir: string, name: string): string {
  return join(callerDir, callerFile.endsWith('.ts') ? `${name}.ts` : `${name}.js`);
}

/**
 * Starts a worker thread on one of our modules. A TypeScript entry first
 * registers tsx (a dev dependency, only ever present where sources run), so
 * tests and the bench run the same worker code the app runs built.
 */
export function startWorker(entry: string, options: WorkerOptions = {}): Worker {
  if (!entry.endsWith('.ts')) return new Worker(entry, options);
  const boot = `require('tsx/cjs/api').register();\nrequire(${JSON.stringify(entry)});`;
  return new Worker(boot, { ...options, eval: true });
}
