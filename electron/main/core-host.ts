import type { Worker } from 'node:worker_threads';
import type { EventName, EventPayload } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { BackupSettings, SnapshotInfo } from '../../shared/schemas/backup';
import { fileResponseFor } from '../core/attachments/serve';
import type { DesktopServices } from '../core/desktop';
import { noDesktop } from '../core/desktop';
import { ignoreEvents, type EventSink } from '../core/events';
import type { HostAnswers, HostAsk, FromWorker, ToWorker, WorkerStart } from '../core/host/protocol';
import { fromWire, toWire } from '../core/host/wire-error';
import type { Logger } from '../core/logger';
import type { DataPaths } from '../core/paths';
import { startWorker, workerEntry } from '../core/threads/start-worker';

export interface CoreHostOptions {
  dataDir: string;
  logger: Logger;
  appVersion: string;
  /** Main's dialogs, shell, clipboard and notifications, which the core asks for. */
  desktop?: DesktopServices;
  /** Where the core's events go (main sends them on to the window). */
  emit?: EventSink;
  /** Runs the backup schedule and task reminders beside the requests, as the app does. */
  background?: boolean;
}

/** The core as main (and the e2e harness, the bench, the command line) hold it: in its own thread. */
export interface CoreHost {
  paths: DataPaths;
  /** The database was found damaged at start (the window shows the recovery screen). */
  damaged: boolean;
  dispatch: (channel: unknown, input: unknown) => Promise<Result<unknown>>;
  /** files/<sha256> for the window, streamed from the disk by this thread. */
  fileResponse: (pathname: string) => Promise<Response>;
  setting: (key: string) => Promise<unknown>;
  saveSetting: (key: string, value: unknown) => Promise<void>;
  backups: {
    /** A snapshot taken and verified before it answers (the command line, tests). */
    snapshot: (reason: string) => Promise<SnapshotInfo>;
    list: () => Promise<SnapshotInfo[]>;
    settings: () => Promise<BackupSettings>;
  };
  /** A backup file the user opened from outside Rolodesk (double-clicked): the window offers to restore it. */
  openBackupFile: (path: string) => Promise<void>;
  /** Stops the background work (a last backup within the time given), closes the data, ends the thread. */
  close: (options?: { lastBackupWithinMs?: number }) => Promise<void>;
  /** Ends the core's thread at once, as a crash would: the host restarts it (for fault tests). */
  crashForTest: () => Promise<void>;
}

const restartedMessage =
  'Rolodesk restarted its data engine after a problem. Everything saved before is safe; a change you were saving at that moment may not have been saved: please check it.';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * Starts the core the way the app runs it: in a worker thread, so a long
 * query or check never freezes the thread that answers the window. Requests
 * and their results, the core's events, its log lines and its calls for the
 * desktop cross as messages. If the thread dies, it is logged, the window is
 * told, and a new one opens the same data (every committed write is in the
 * database; an answer in flight is refused, never invented).
 */
export async function startCore(options: CoreHostOptions): Promise<CoreHost> {
  const { logger, desktop = noDesktop, emit = ignoreEvents } = options;
  const start: WorkerStart = {
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    background: options.background ?? false,
  };
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closing = false;
  let worker!: Worker;
  let ready!: Promise<{ paths: DataPaths; damaged: boolean }>;

  const send = (message: ToWorker) => worker.postMessage(message);

  async function runDesktop(id: number, method: keyof DesktopServices, args: unknown[]): Promise<void> {
    try {
      const value = await (desktop[method] as (...given: unknown[]) => unknown)(...args);
      if (id !== 0) send({ type: 'desktopReply', id, ok: true, value });
    } catch (error) {
      const wire = toWire(error);
      if (id !== 0) send({ type: 'desktopReply', id, ok: false, message: wire.message, code: wire.code });
      else logger.warn('the desktop could not do what the core asked', { method, error: wire });
    }
  }

  function spawn(): Promise<{ paths: DataPaths; damaged: boolean }> {
    worker = startWorker(workerEntry(__filename, __dirname, 'core-worker'), { workerData: start });
    const thread = worker;
    return new Promise((resolve, reject) => {
      let started = false;
      thread.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            started = true;
            resolve({ paths: message.paths, damaged: message.damaged });
            return;
          case 'failed':
            reject(fromWire(message.error));
            return;
          case 'reply': {
            const call = pending.get(message.id);
            pending.delete(message.id);
            if (message.ok) call?.resolve(message.value);
            else call?.reject(fromWire(message.error));
            return;
          }
          case 'event':
            emit(message.event, message.payload as EventPayload<EventName>);
            return;
          case 'desktop':
            void runDesktop(message.id, message.method, message.args);
            return;
          case 'log':
            logger[message.record.level](message.record.message, message.record.context);
            return;
        }
      });
      thread.on('error', (error) => logger.error('the core thread failed', { error: toWire(error) }));
      thread.on('exit', (code) => {
        if (!started) reject(new Error(`The core thread stopped before it was ready (exit code ${code}).`));
        // Only a thread that was running is restarted; one that could not start has already said why.
        if (!started || closing || thread !== worker) return;
        logger.error('the core thread stopped unexpectedly; starting it again', { exitCode: code });
        for (const call of pending.values()) call.reject(new Error(restartedMessage));
        pending.clear();
        ready = spawn();
        ready.then(
          () => emit('core.restarted', { message: restartedMessage }),
          (error: unknown) => logger.error('the core thread could not be started again', { error: toWire(error) }),
        );
      });
    });
  }

  async function ask<M extends HostAsk['method']>(request: Extract<HostAsk, { method: M }>): Promise<HostAnswers[M]> {
    await ready;
    return new Promise((resolve, reject) => {
      const id = nextId++;
      // The worker answers each ask with the answer type of the method asked.
      pending.set(id, { resolve: (value) => resolve(value as HostAnswers[M]), reject });
      send({ type: 'ask', id, ask: request });
    });
  }

  ready = spawn();
  const { paths, damaged } = await ready;

  return {
    paths,
    damaged,
    async dispatch(channel, input) {
      try {
        return await ask({ method: 'dispatch', channel, input });
      } catch (error) {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
        };
      }
    },
    async fileResponse(pathname) {
      return fileResponseFor(await ask({ method: 'file', pathname }).catch(() => ({ found: false as const })));
    },
    setting: (key) => ask({ method: 'setting', key }),
    saveSetting: async (key, value) => {
      await ask({ method: 'saveSetting', key, value });
    },
    backups: {
      snapshot: (reason) => ask({ method: 'snapshot', reason }),
      list: () => ask({ method: 'snapshots' }),
      settings: () => ask({ method: 'backupSettings' }),
    },
    openBackupFile: async (path) => {
      await ask({ method: 'openBackupFile', path });
    },
    async close({ lastBackupWithinMs = 0 } = {}) {
      if (closing) return;
      await ask({ method: 'close', lastBackupWithinMs });
      closing = true;
      await worker.terminate();
    },
    async crashForTest() {
      const restarted = new Promise<void>((resolve) => worker.once('exit', () => setImmediate(resolve)));
      await worker.terminate();
      await restarted;
    },
  };
}
