// main.ts lifecycle with `electron` stubbed: a second instance only hands over to the first (it must not
// open the host inventory, which the first instance owns, nor register IPC or open a window); the first
// instance starts the app and closes every session before quitting.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({
  lock: true,
  appOn: new Map<string, (...a: unknown[]) => void>(),
  quit: vi.fn(),
  createApp: vi.fn(),
  createMainWindow: vi.fn(),
  registerIpc: vi.fn(),
  shutdown: vi.fn(async () => undefined),
}));

vi.mock('electron', () => ({
  app: {
    isPackaged: true,
    enableSandbox: () => undefined,
    requestSingleInstanceLock: () => h.lock,
    quit: h.quit,
    on: (ev: string, fn: (...a: unknown[]) => void) => void h.appOn.set(ev, fn),
    whenReady: () => Promise.resolve(),
    getPath: () => '/tmp/bmcdesk-main-test',
    setPath: () => undefined,
    getVersion: () => '0.0.0-test',
  },
  BrowserWindow: { getAllWindows: () => [] },
  ipcMain: {},
  session: { defaultSession: {} },
}));
vi.mock('../ipmi/client/connect', () => ({ connect: vi.fn() }));
vi.mock('../ipc/app-services', () => ({ createApp: h.createApp }));
vi.mock('./windows', () => ({ createMainWindow: h.createMainWindow, installSecurity: vi.fn() }));
vi.mock('./ipc-bridge', () => ({ registerIpc: h.registerIpc, forwardEvents: vi.fn() }));

async function startMain(lock: boolean): Promise<void> {
  h.lock = lock;
  vi.resetModules();
  await import('./main');
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

beforeEach(() => {
  h.appOn.clear();
  for (const f of [h.quit, h.createApp, h.createMainWindow, h.registerIpc, h.shutdown]) f.mockClear();
  h.createApp.mockResolvedValue({
    services: { events: { subscribe: () => () => undefined } },
    dispatch: vi.fn(),
    shutdown: h.shutdown,
  });
});

describe('main process lifecycle', () => {
  it('a second instance quits without opening the inventory, IPC or a window', async () => {
    await startMain(false);
    expect(h.quit).toHaveBeenCalled();
    expect(h.createApp).not.toHaveBeenCalled();
    expect(h.registerIpc).not.toHaveBeenCalled();
    expect(h.createMainWindow).not.toHaveBeenCalled();
  });

  it('the first instance starts the app and closes its sessions before quitting', async () => {
    await startMain(true);
    expect(h.quit).not.toHaveBeenCalled();
    expect(h.createApp).toHaveBeenCalledTimes(1);
    expect(h.registerIpc).toHaveBeenCalledTimes(1);
    expect(h.createMainWindow).toHaveBeenCalledTimes(1);
    const preventDefault = vi.fn();
    h.appOn.get('before-quit')!({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    expect(h.shutdown).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(h.quit).toHaveBeenCalledTimes(1));
  });
});
