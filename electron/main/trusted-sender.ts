/**
 * Whether an IPC call comes from our own window showing our own page. Plain
 * data in, so main and the e2e harness share it and it is tested without Electron.
 */
export interface SenderFacts {
  /** webContents id of the caller. */
  webContentsId: number;
  /** URL of the frame that made the call ('' when Electron could not tell). */
  frameUrl: string;
  /** True when the caller is the top frame, not an iframe inside it. */
  isMainFrame: boolean;
}

export interface TrustedWindow {
  webContentsId: number;
  origin: string;
}

export function isTrustedSender(sender: SenderFacts, trusted: TrustedWindow | undefined): boolean {
  if (!trusted || sender.webContentsId !== trusted.webContentsId || !sender.isMainFrame) return false;
  try {
    // Compared by scheme and host: URL.origin is "null" for custom schemes such as app://.
    const url = new URL(sender.frameUrl);
    return `${url.protocol}//${url.host}` === trusted.origin;
  } catch {
    return false;
  }
}

export const forbiddenSenderError = {
  code: 'FORBIDDEN',
  message: 'This request did not come from the Rolodesk window, so it was refused.',
} as const;
