import { dialog, shell, type BrowserWindow } from 'electron';
import { CrmError } from '../core/errors';
import type { DesktopServices } from '../core/desktop';

/** The core's desktop needs, met by Electron's shell and save dialog. */
export function electronDesktop(window: () => BrowserWindow | undefined): DesktopServices {
  return {
    async openWithSystem(path) {
      const problem = await shell.openPath(path);
      if (problem) throw new CrmError('STORAGE', `Your computer could not open the file: ${problem}`);
    },
    async chooseSaveLocation(suggestedName) {
      const owner = window();
      const options = { title: 'Save a copy', defaultPath: suggestedName };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return choice.canceled ? undefined : choice.filePath;
    },
  };
}
