import { CrmError } from './errors';

/**
 * What the core needs from the desktop around it. Main hands in Electron's
 * shell and dialogs; tests hand in their own; the core never imports Electron.
 */
export interface DesktopServices {
  /** Opens a file in the system's default program for its type. */
  openWithSystem(path: string): Promise<void>;
  /** Asks the user where to save a copy; undefined when they cancel. */
  chooseSaveLocation(suggestedName: string): Promise<string | undefined>;
}

const unavailable = (): never => {
  throw new CrmError('INTERNAL', 'Opening and saving files needs the Rolodesk window.');
};

/** For the command line and the benchmark, which have no windows to show. */
export const noDesktop: DesktopServices = { openWithSystem: unavailable, chooseSaveLocation: unavailable };
