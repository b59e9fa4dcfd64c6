import type { LogMessage, NodeLogger } from 'electron-log';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { redactForLog, type LogPlaces } from './log-privacy';
import type { Logger } from './logger';

/** 5 MB per file; electron-log keeps one older file (main.old.log) beside it. */
export const logFileMaxBytes = 5 * 1024 * 1024;

type Hook = (message: LogMessage) => LogMessage;
// One redaction hook per electron-log instance: pointing it at another folder replaces it.
const redactionHooks = new WeakMap<NodeLogger, Hook>();

/**
 * Hides the user's values in everything this electron-log instance writes,
 * our lines and its own (uncaught errors from log.errorHandler) alike.
 */
function redactEverything(log: NodeLogger, places: LogPlaces, startLine: string): void {
  const previous = redactionHooks.get(log);
  // The start line is the one that names the data folder in full; every other line says <data>.
  const hook: Hook = (message) =>
    message.data.length === 1 && message.data[0] === startLine
      ? message
      : { ...message, data: message.data.map((item) => redactForLog(item, places)) };
  log.hooks = [...log.hooks.filter((existing) => existing !== previous), hook];
  redactionHooks.set(log, hook);
}

function accountName(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined; // no account entry (some containers): there is no name to hide
  }
}

/**
 * Points an electron-log instance (main's, or plain Node's for the command
 * line and tests) at <data dir>/logs/main.log and the console, and adapts it
 * to the core's Logger. Logs the data folder's path once, then writes it as
 * <data>, the home folder as ~, and names, addresses and file names as
 * fingerprints (log-privacy.ts).
 */
export function fileLogger(
  log: NodeLogger,
  dataDir: string,
  options: {
    fileName?: string;
    /** false: the file only (the command line prints its own lines, tests keep quiet) */ console?: boolean;
  } & Omit<LogPlaces, 'dataDir'> = {},
): Logger & { file: string } {
  const file = join(dataDir, 'logs', options.fileName ?? 'main.log');
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = logFileMaxBytes;
  log.transports.file.level = 'info';
  log.transports.console.level = options.console === false ? false : 'info';
  const startLine = `data folder: ${dataDir}`;
  redactEverything(
    log,
    { dataDir, homeDir: options.homeDir ?? homedir(), userName: options.userName ?? accountName() },
    startLine,
  );
  log.info(startLine);
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, context?: Record<string, unknown>) =>
    context === undefined ? log[level](message) : log[level](message, context);
  return { file, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
