import type { DueReminder } from '../../shared/schemas/activity';
import type { DesktopServices, DestructiveQuestion } from '../../electron/core/desktop';
import { checkedMailto } from '../../electron/core/templates/mailto';

export interface RecordingDesktop extends DesktopServices {
  /** Every path handed to "open in the system's program". */
  opened: string[];
  /** What the next save dialog answers; undefined means the user cancelled. */
  saveLocation: string | undefined;
  /** What the next folder dialog answers; undefined means the user cancelled. */
  folder: string | undefined;
  /** What the next "choose a backup file" dialog answers; undefined means the user cancelled. */
  backupFile: string | undefined;
  /** What the next "choose a file to import" dialog answers; undefined means the user cancelled. */
  importFile: string | undefined;
  /** Everything put on the clipboard. */
  copied: string[];
  /** The window's answers when closing waited for it (true: close). */
  closeAnswers: boolean[];
  /** Every task reminder shown as a notification. */
  reminders: DueReminder[];
  /** Every link handed to the mail app, after the same mailto:-only check main makes. */
  mailtos: string[];
  /** Secrets kept in memory, as safeStorage would keep them encrypted on disk. */
  secrets: Map<string, string>;
  /** Set false to act as a computer without safe storage. */
  secretStorage: boolean;
  /** Every native "cannot be undone" question main was asked to show. */
  confirmations: DestructiveQuestion[];
  /** The user's answer to the next native confirmation (true: go ahead). */
  confirmAnswer: boolean;
  /** How many times main was asked to quit and install an update. */
  restartsToUpdate: number;
}

/** Stands in for the desktop shell and its dialogs: records what was asked, answers as told. */
export function recordingDesktop(): RecordingDesktop {
  const desktop: RecordingDesktop = {
    opened: [],
    saveLocation: undefined,
    folder: undefined,
    backupFile: undefined,
    importFile: undefined,
    copied: [],
    closeAnswers: [],
    reminders: [],
    mailtos: [],
    secrets: new Map(),
    secretStorage: true,
    confirmations: [],
    confirmAnswer: true,
    restartsToUpdate: 0,
    openWithSystem(path) {
      desktop.opened.push(path);
      return Promise.resolve();
    },
    chooseSaveLocation: () => Promise.resolve(desktop.saveLocation),
    chooseFolder: () => Promise.resolve(desktop.folder),
    chooseBackupFile: () => Promise.resolve(desktop.backupFile),
    chooseImportFile: () => Promise.resolve(desktop.importFile),
    openMailto(url) {
      // A refused link is a rejected promise, never a throw at the caller.
      return new Promise((resolve) => {
        desktop.mailtos.push(checkedMailto(url));
        resolve();
      });
    },
    copyText(text) {
      desktop.copied.push(text);
    },
    answerClose(close) {
      desktop.closeAnswers.push(close);
    },
    showReminder(reminder) {
      desktop.reminders.push(reminder);
    },
    secretsAvailable: () => Promise.resolve(desktop.secretStorage),
    saveSecret(name, text) {
      if (!desktop.secretStorage) return Promise.reject(new Error('no safe storage on this computer'));
      desktop.secrets.set(name, text);
      return Promise.resolve();
    },
    readSecret: (name) => Promise.resolve(desktop.secrets.get(name)),
    removeSecret(name) {
      desktop.secrets.delete(name);
      return Promise.resolve();
    },
    confirmDestructive(question) {
      desktop.confirmations.push(question);
      return Promise.resolve(desktop.confirmAnswer);
    },
    restartToUpdate() {
      desktop.restartsToUpdate += 1;
      return Promise.resolve();
    },
  };
  return desktop;
}
