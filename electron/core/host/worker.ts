import { parentPort, workerData } from 'node:worker_threads';
import { openCore, type Core } from '../core';
import type { EventSink } from '../events';
import type { Logger } from '../logger';
import { startBackground } from './background';
import type { FromWorker, HostAnswers, HostAsk, ToWorker, WorkerStart } from './protocol';
import { remoteDesktop } from './remote-desktop';
import { toWire } from './wire-error';

// The core's thread: everything the core does runs here, off Electron's main thread (docs/ARCHITECTURE.md, "Processes and threads").
const port = parentPort!;
const start = workerData as WorkerStart;
const post = (message: FromWorker) => port.postMessage(message);

const logger: Logger = {
  debug: (message, context) =>
    post({ type: 'log', record: { level: 'debug', message, ...(context ? { context } : {}) } }),
  info: (message, context) =>
    post({ type: 'log', record: { level: 'info', message, ...(context ? { context } : {}) } }),
  warn: (message, context) =>
    post({ type: 'log', record: { level: 'warn', message, ...(context ? { context } : {}) } }),
  error: (message, context) =>
    post({ type: 'log', record: { level: 'error', message, ...(context ? { context } : {}) } }),
};
const remote = remoteDesktop(port);
let background: ReturnType<typeof startBackground> | undefined;
const emit: EventSink = (event, payload) => {
  if (event === 'data.restored') background?.dataReplaced();
  post({ type: 'event', event, payload });
};

async function answer(core: Core, ask: HostAsk): Promise<HostAnswers[HostAsk['method']]> {
  switch (ask.method) {
    case 'dispatch':
      return core.dispatch(ask.channel, ask.input);
    case 'file':
      return core.fileLocation(ask.pathname);
    case 'setting':
      return core.settings.get(ask.key);
    case 'saveSetting':
      core.settings.set(ask.key, ask.value);
      return null;
    case 'snapshot':
      return core.backups.verifiedSnapshot(ask.reason);
    case 'snapshots':
      return core.backups.list();
    case 'backupSettings':
      return core.backups.settings();
    case 'close':
      await background?.stop(ask.lastBackupWithinMs);
      await core.close();
      return null;
    case 'openBackupFile':
      core.openBackupFile(ask.path);
      return null;
  }
}

async function main(): Promise<void> {
  let core: Core;
  try {
    core = await openCore({
      dataDir: start.dataDir,
      appVersion: start.appVersion,
      logger,
      desktop: remote.desktop,
      emit,
    });
  } catch (error) {
    post({ type: 'failed', error: toWire(error) });
    return;
  }
  port.on('message', (message: ToWorker) => {
    if (message.type === 'desktopReply') {
      remote.settle(
        message.id,
        message.ok ? { ok: true, value: message.value } : { ok: false, message: message.message, code: message.code },
      );
      return;
    }
    answer(core, message.ask).then(
      (value) => post({ type: 'reply', id: message.id, ok: true, value }),
      (error: unknown) => post({ type: 'reply', id: message.id, ok: false, error: toWire(error) }),
    );
  });
  if (start.background) background = startBackground(core, remote.desktop, logger);
  post({ type: 'ready', paths: core.paths, damaged: core.damage !== undefined });
}

void main();
