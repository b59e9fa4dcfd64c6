import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannelName, isEventName } from '../../shared/contract';
import type { CrmBridge } from '../../shared/crm-api';

// Exactly two functions, and only for channels and events in the contract.
const crm: CrmBridge = {
  invoke(channel, input) {
    if (!isChannelName(channel)) return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
    return ipcRenderer.invoke(channel, input);
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload as Parameters<typeof listener>[0]);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('crm', crm);
