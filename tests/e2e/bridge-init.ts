/**
 * Runs in the page before any app script, as the preload does in Electron:
 * defines window.crm with exactly invoke and on, for channels in the table.
 * It is serialised into the page, so it may use nothing from outside itself.
 */
export function installBridge({ channelNames, eventNames }: { channelNames: string[]; eventNames: string[] }): void {
  type Listener = (payload: unknown) => void;
  const host = window as unknown as {
    __crmInvoke: (channel: string, input: unknown) => Promise<unknown>;
    __crmEmit?: (event: string, payload: unknown) => void;
    crm?: unknown;
  };
  const listeners = new Map<string, Set<Listener>>();
  const channels = new Set(channelNames);
  const events = new Set(eventNames);
  host.__crmEmit = (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload));
  const crm = {
    invoke(channel: string, input: unknown) {
      if (!channels.has(channel)) return Promise.reject(new Error(`Unknown channel: ${channel}`));
      return host.__crmInvoke(channel, input);
    },
    on(event: string, listener: Listener) {
      if (!events.has(event)) throw new Error(`Unknown event: ${event}`);
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  Object.defineProperty(window, 'crm', { value: Object.freeze(crm), writable: false, configurable: false });
}
