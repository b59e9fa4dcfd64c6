import type { NodeLogger } from 'electron-log';
import { join } from 'node:path';
import type { Logger } from './logger';

/** 5 MB per file; electron-log keeps one older file (main.old.log) beside it. */
export const logFileMaxBytes = 5 * 1024 * 1024;

/**
 * Points an electron-log instance (main's, or plain Node's for the command
 * line and tests) at <data dir>/logs/main.log and the console, and adapts it
 * to the core's Logger.
 */
export function fileLogger(log: NodeLogger, logsDir: string, fileName = 'main.log'): Logger & { file: string } {
  const file = join(logsDir, fileName);
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = logFileMaxBytes;
  log.transports.file.level = 'info';
  log.transports.console.level = 'info';
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, context?: Record<string, unknown>) =>
    context === undefined ? log[level](message) : log[level](message, context);
  return { file, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
