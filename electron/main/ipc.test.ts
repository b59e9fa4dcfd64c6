import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { registerIpcHandlers } from './ipc';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>> | Result<unknown>;

/** A stand-in for ipcMain and the event Electron passes: only the fields ipc.ts reads. */
function harness() {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) } as unknown as Pick<
    IpcMain,
    'handle'
  >;
  const dispatched: Array<[string, unknown]> = [];
  const refused: string[] = [];
  registerIpcHandlers(
    ipcMain,
    () => ({ webContentsId: 7, origin: 'app://rolodesk' }),
    (channel, input) => {
      dispatched.push([channel, input]);
      return Promise.resolve({ ok: true, data: 'from core' });
    },
    (channel) => refused.push(channel),
  );
  const mainFrame = { url: 'app://rolodesk/index.html' };
  const event = (overrides: { id?: number; frame?: { url: string } | null }) =>
    ({
      sender: { id: overrides.id ?? 7, mainFrame },
      senderFrame: overrides.frame === undefined ? mainFrame : overrides.frame,
    }) as unknown as IpcMainInvokeEvent;
  return { handlers, dispatched, refused, event, mainFrame };
}

describe('main IPC wiring', () => {
  it('registers exactly one handler per channel in the contract', () => {
    const { handlers } = harness();
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('passes a call from our window on our origin to the core', async () => {
    const { handlers, dispatched, event } = harness();
    const reply = await handlers.get('contacts.create')!(event({}), { name: 'Anna' });
    expect(reply).toEqual({ ok: true, data: 'from core' });
    expect(dispatched).toEqual([['contacts.create', { name: 'Anna' }]]);
  });

  it.each([
    ['another window', { id: 8 }],
    ['an iframe inside our window', { frame: { url: 'app://rolodesk/index.html' } }],
    ['our window after it navigated to another origin', { mainFrameUrl: 'https://evil.example/' }],
  ] as const)('refuses a call from %s without reaching the core', async (_label, sender) => {
    const { handlers, dispatched, refused, event, mainFrame } = harness();
    if ('mainFrameUrl' in sender) mainFrame.url = sender.mainFrameUrl;
    const reply = await handlers.get('contacts.delete')!(event('mainFrameUrl' in sender ? {} : sender), { id: 1 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatched).toEqual([]);
    expect(refused).toEqual(['contacts.delete']);
  });

  it('refuses everything before the window exists', async () => {
    const handlers = new Map<string, Handler>();
    registerIpcHandlers(
      { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) },
      () => undefined,
      () => Promise.resolve({ ok: true, data: null }),
      () => {},
    );
    const frame = { url: 'app://rolodesk/index.html' };
    const reply = await handlers.get('app.info')!(
      { sender: { id: 1, mainFrame: frame }, senderFrame: frame } as unknown as IpcMainInvokeEvent,
      {},
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
