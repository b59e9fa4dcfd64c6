import type { DueReminder } from '../../shared/schemas/activity';
import type { DesktopServices } from '../../electron/core/desktop';

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
    async openWithSystem(path) {
      desktop.opened.push(path);
    },
    async chooseSaveLocation() {
      return desktop.saveLocation;
    },
    async chooseFolder() {
      return desktop.folder;
    },
    async chooseBackupFile() {
      return desktop.backupFile;
    },
    async chooseImportFile() {
      return desktop.importFile;
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
  };
  return desktop;
}
