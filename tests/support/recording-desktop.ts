import type { DesktopServices } from '../../electron/core/desktop';

export interface RecordingDesktop extends DesktopServices {
  /** Every path handed to "open in the system's program". */
  opened: string[];
  /** What the next "Save a copy…" dialog answers; undefined means the user cancelled. */
  saveLocation: string | undefined;
}

/** Stands in for the desktop shell and save dialog: records what was opened, answers the dialog as told. */
export function recordingDesktop(): RecordingDesktop {
  const desktop: RecordingDesktop = {
    opened: [],
    saveLocation: undefined,
    async openWithSystem(path) {
      desktop.opened.push(path);
    },
    async chooseSaveLocation() {
      return desktop.saveLocation;
    },
  };
  return desktop;
}
