import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { forbiddenSenderError, isTrustedSender, type TrustedWindow } from './trusted-sender';

type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

/**
 * One ipcMain handler per channel of the contract. Each checks the caller is
 * our window on our origin, then hands the raw input to the core's dispatch,
 * which parses it. Replies are always a Result envelope.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  trustedWindow: () => TrustedWindow | undefined,
  dispatch: Dispatch,
  onRefused: (channel: string, frameUrl: string) => void,
): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame;
      const sender = {
        webContentsId: event.sender.id,
        frameUrl: frame?.url ?? '',
        isMainFrame: frame !== null && frame === event.sender.mainFrame,
      };
      if (!isTrustedSender(sender, trustedWindow())) {
        onRefused(channel, sender.frameUrl);
        return { ok: false, error: forbiddenSenderError } satisfies Result<never>;
      }
      return dispatch(channel, input);
    });
  }
}
