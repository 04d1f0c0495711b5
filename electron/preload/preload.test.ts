// The surface test: contract names == preload keys == handler keys == ipcMain channels, and a
// snapshot of the surface so every added or removed call shows up in review.
import { describe, expect, it, vi } from 'vitest';

const exposed = vi.hoisted(() => ({
  key: '',
  api: {} as Record<string, unknown>,
  invoked: [] as [string, unknown][],
  listeners: new Map<string, unknown>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => {
      exposed.key = key;
      exposed.api = api;
    },
  },
  ipcRenderer: {
    invoke: async (ch: string, input: unknown) => {
      exposed.invoked.push([ch, input]);
      return { ok: true, value: null };
    },
    on: (ch: string, fn: unknown) => exposed.listeners.set(ch, fn),
    removeListener: (ch: string) => exposed.listeners.delete(ch),
  },
}));

import './preload';
import { contract, EVENT_NAMES } from '../../shared/contract/index';
import { createHandlers } from '../ipc/table';
import { testApp } from '../ipc/test-app';

describe('preload', () => {
  it('exposes exactly the contract as window.bmc (plus on), frozen', async () => {
    expect(exposed.key).toBe('bmc');
    expect(Object.isFrozen(exposed.api)).toBe(true);
    const preloadKeys = Object.keys(exposed.api)
      .filter((k) => k !== 'on')
      .sort();
    const contractKeys = Object.keys(contract).sort();
    const app = await testApp({ connect: async () => Promise.reject(new Error('no')) });
    const handlerKeys = Object.keys(createHandlers(app.services)).sort();
    await app.shutdown();
    expect(preloadKeys).toEqual(contractKeys);
    expect(handlerKeys).toEqual(contractKeys);
    expect(Object.keys(exposed.api)).not.toContain('invoke');
    expect({ calls: contractKeys, events: [...EVENT_NAMES].sort() }).toMatchSnapshot();
  });

  it('each call invokes its bmc: channel with the argument unchanged', async () => {
    await (exposed.api['power.status'] as (i: unknown) => Promise<unknown>)({ hostId: 'h123456' });
    expect(exposed.invoked.at(-1)).toEqual(['bmc:power.status', { hostId: 'h123456' }]);
  });

  it('on() allows only contract events and returns an unsubscribe function', () => {
    const on = exposed.api['on'] as (e: string, l: unknown) => () => void;
    expect(() => on('sol.data', () => {})).toThrow(/unknown event/);
    expect(() => on('operation.progress', 'not a function')).toThrow();
    const off = on('operation.progress', () => {});
    expect(exposed.listeners.has('bmc:event:operation.progress')).toBe(true);
    off();
    expect(exposed.listeners.has('bmc:event:operation.progress')).toBe(false);
  });
});
