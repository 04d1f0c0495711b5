// The preload bridges exactly the contract, nothing else: one function per call name (channel
// `bmc:<name>`), plus `on(event, listener)` for the allow-listed events, returning an unsubscribe
// function. No generic invoke, no ipcRenderer, no Node. Built as one CommonJS file (sandboxed preload).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_NAMES, EVENT_NAMES, callChannel, eventChannel } from '../../shared/contract/channels';

const api: Record<string, unknown> = {};
for (const name of CALL_NAMES) {
  api[name] = (input: unknown) => ipcRenderer.invoke(callChannel(name), input);
}
api['on'] = (event: string, listener: (payload: unknown) => void): (() => void) => {
  if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`unknown event ${String(event)}`);
  if (typeof listener !== 'function') throw new Error('listener must be a function');
  const channel = eventChannel(event);
  const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
};

contextBridge.exposeInMainWorld('bmc', Object.freeze(api));
