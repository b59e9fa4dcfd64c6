import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CrashReporterStartOptions } from 'electron';
import { memoryLogger } from '../core/logger';
import { startCrashReporting } from './crash-reporting';

const root = resolve(__dirname, '../..');

/** Every file an error passes through on its way to the log, in main, the core and the window. */
const crashPath = [
  'electron/main/crash-reporting.ts',
  'electron/core/help/problem-report.ts',
  'renderer/src/features/help/problemReport.ts',
  'renderer/src/features/help/ProblemBoundary.tsx',
  'renderer/src/features/help/WindowProblems.tsx',
  'renderer/src/features/help/SomethingWentWrong.tsx',
  'renderer/src/features/help/useCopyDiagnostics.ts',
];

function started() {
  const starts: CrashReporterStartOptions[] = [];
  const processEvents = new EventEmitter();
  const logger = memoryLogger();
  let told = 0;
  startCrashReporting({
    crashReporter: { start: (options) => starts.push(options) },
    process: { on: (event, listener) => processEvents.on(event, listener) },
    logger,
    tellWindow: () => told++,
  });
  return { starts, processEvents, logger, told: () => told };
}

describe('crash reporting stays on this computer', () => {
  it('starts Electron’s crash reporter with uploadToServer false and no address to send to', () => {
    const { starts } = started();
    expect(starts).toEqual([{ uploadToServer: false }]);
    expect(starts[0]).not.toHaveProperty('submitURL');
  });

  it('logs an uncaught error in main with its stack, and tells the window', () => {
    const { processEvents, logger, told } = started();
    const error = new TypeError('cannot read the placement');
    processEvents.emit('uncaughtException', error);
    processEvents.emit('unhandledRejection', new Error('the menu could not be built'));
    expect(logger.records.map((record) => record.level)).toEqual(['error', 'error']);
    const logged = logger.records[0]!.context?.error as { message: string; stack: string };
    expect(logged.message).toBe('cannot read the placement');
    expect(logged.stack).toContain('crash-reporting.test.ts');
    expect(told()).toBe(2);
  });

  it('no file on the crash path imports a network module or names a web address', () => {
    const network =
      /from\s+['"](node:)?(http|https|http2|net|dgram|tls|dns)['"]|\bnet\.request\b|\bfetch\s*\(|XMLHttpRequest|sendBeacon|WebSocket|https?:\/\/|submitURL|openExternal|createIssue/;
    const offenders = crashPath.filter((file) => network.test(readFileSync(resolve(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
