import {
  clipboard,
  dialog,
  safeStorage,
  shell,
  type BrowserWindow,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { CrmError } from '../core/errors';
import { checkedMailto } from '../core/templates/mailto';
import type { DesktopServices } from '../core/desktop';
import { secretFiles } from './secret-files';

/** The core's desktop needs, met by Electron's shell, dialogs and clipboard. */
/** What only main's own lifecycle can do: answer a held close, show a notification, install an update. */
export type WindowServices = Pick<DesktopServices, 'answerClose' | 'showReminder' | 'restartToUpdate'>;

/** `secretsFolder`: the data directory's `secrets/`, where safeStorage's encrypted secrets are kept. */
export function electronDesktop(
  window: () => BrowserWindow | undefined,
  own: WindowServices,
  secretsFolder: string,
): DesktopServices {
  const save = (options: SaveDialogOptions) => {
    const owner = window();
    return owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options);
  };
  const pick = (options: OpenDialogOptions) => {
    const owner = window();
    return owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options);
  };
  return {
    async openWithSystem(path) {
      const problem = await shell.openPath(path);
      if (problem) throw new CrmError('STORAGE', `Your computer could not open it: ${problem}`);
    },
    async chooseSaveLocation(suggestedName) {
      const choice = await save({ title: 'Save', defaultPath: suggestedName });
      return choice.canceled ? undefined : choice.filePath;
    },
    async chooseFolder(title) {
      const choice = await pick({ title, properties: ['openDirectory', 'createDirectory'] });
      return choice.canceled ? undefined : choice.filePaths[0];
    },
    async chooseBackupFile() {
      const choice = await pick({
        title: 'Restore from a backup file',
        properties: ['openFile'],
        filters: [{ name: 'Rolodesk backup', extensions: ['rolodesk-backup', 'zip'] }],
      });
      return choice.canceled ? undefined : choice.filePaths[0];
    },
    async chooseImportFile() {
      const choice = await pick({
        title: 'Import from a file',
        properties: ['openFile'],
        filters: [
          { name: 'Contacts and companies (CSV, Excel, vCard)', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'vcf'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      return choice.canceled ? undefined : choice.filePaths[0];
    },
    async openMailto(url) {
      // electronegativity: OPEN_EXTERNAL_JS_CHECK — checkedMailto refuses every link that is not a well-formed mailto:, so no file, http or custom-scheme URL reaches the shell
      await shell.openExternal(checkedMailto(url));
    },
    copyText(text) {
      // Nothing on the page waits for this; a failure still reaches main's unhandled-rejection log (crash-reporting.ts).
      void clipboard.writeText(text);
    },
    async confirmDestructive({ title, message, detail, confirmLabel }) {
      const options = {
        type: 'warning' as const,
        title,
        message,
        detail,
        buttons: ['Cancel', confirmLabel],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      const owner = window();
      const answer = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
      return answer.response === 1;
    },
    ...secretFiles(secretsFolder, {
      available: () => safeStorage.isEncryptionAvailable(),
      encrypt: (text) => safeStorage.encryptString(text),
      decrypt: (bytes) => safeStorage.decryptString(bytes),
    }),
    ...own,
  };
}
