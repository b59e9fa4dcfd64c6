import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach } from 'vitest';

export interface TsChild {
  process: ChildProcessWithoutNullStreams;
  /** Resolves with the first line that matches, rejects if the child exits first. */
  waitForLine: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts TypeScript scripts as real child processes; any still running after a test are killed. */
export function useChildren() {
  const running: ChildProcessWithoutNullStreams[] = [];
  afterEach(() => {
    for (const child of running.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return (script: string, args: string[]): TsChild => {
    // One process (no tsx wrapper), so SIGKILL reaches the process that holds the files.
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, script), ...args], { stdio: 'pipe' });
    running.push(child);
    let output = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.on('exit', (code, signal) => done({ code, signal })),
    );
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return {
      process: child,
      exited,
      waitForLine(pattern, timeoutMs = 20_000) {
        return new Promise((resolvePromise, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`child said no ${pattern} within ${timeoutMs} ms:\n${output}`)),
            timeoutMs,
          );
          const check = () => {
            const line = output.split('\n').find((candidate) => pattern.test(candidate));
            if (line !== undefined) {
              clearTimeout(timer);
              resolvePromise(line);
            }
          };
          child.stdout.on('data', check);
          check();
          void exited.then(() => {
            check();
            clearTimeout(timer);
            reject(new Error(`child exited before ${pattern}:\n${output}`));
          });
        });
      },
    };
  };
}
