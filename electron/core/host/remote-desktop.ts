import type { MessagePort } from 'node:worker_threads';
import type { DesktopServices } from '../desktop';
import { CrmError } from '../errors';
import type { DesktopMethod, FromWorker } from './protocol';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * The desktop as the core sees it from its worker: each call goes to the
 * host (main's dialogs, shell, clipboard, notifications) and its answer comes
 * back. Calls that return nothing do not wait.
 */
export function remoteDesktop(port: MessagePort | { postMessage: (message: FromWorker) => void }) {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const ask = (method: DesktopMethod, args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      port.postMessage({ type: 'desktop', id, method, args } satisfies FromWorker);
    });
  const tell = (method: DesktopMethod, args: unknown[]) => {
    port.postMessage({ type: 'desktop', id: 0, method, args } satisfies FromWorker);
  };

  const desktop: DesktopServices = {
    openWithSystem: (path) => ask('openWithSystem', [path]).then(() => undefined),
    chooseSaveLocation: (name) => ask('chooseSaveLocation', [name]) as Promise<string | undefined>,
    chooseFolder: (title) => ask('chooseFolder', [title]) as Promise<string | undefined>,
    chooseBackupFile: () => ask('chooseBackupFile', []) as Promise<string | undefined>,
    chooseImportFile: () => ask('chooseImportFile', []) as Promise<string | undefined>,
    openMailto: (url) => ask('openMailto', [url]).then(() => undefined),
    copyText: (text) => tell('copyText', [text]),
    answerClose: (close) => tell('answerClose', [close]),
    showReminder: (reminder) => tell('showReminder', [reminder]),
    secretsAvailable: () => ask('secretsAvailable', []) as Promise<boolean>,
    saveSecret: (name, text) => ask('saveSecret', [name, text]).then(() => undefined),
    readSecret: (name) => ask('readSecret', [name]) as Promise<string | undefined>,
    removeSecret: (name) => ask('removeSecret', [name]).then(() => undefined),
    confirmDestructive: (question) => ask('confirmDestructive', [question]) as Promise<boolean>,
    restartToUpdate: () => ask('restartToUpdate', []).then(() => undefined),
  };

  return {
    desktop,
    /** The host's answer to call `id`; a refusal keeps the CrmError code main gave it. */
    settle(
      id: number,
      outcome: { ok: true; value: unknown } | { ok: false; message: string; code?: string | undefined },
    ): void {
      const call = pending.get(id);
      if (!call) return;
      pending.delete(id);
      if (outcome.ok) call.resolve(outcome.value);
      else
        call.reject(
          outcome.code ? new CrmError(outcome.code as CrmError['code'], outcome.message) : new Error(outcome.message),
        );
    },
  };
}
