// Test-only: gives the page a `window.bmc` with the same shape as the preload's, forwarding every call
// over the e2e host's WebSocket. Passed to page.addInitScript(installBmcOverWebSocket, config), so it
// must be self-contained: no imports, no closure over module scope.

export interface InitScriptConfig {
  calls: readonly string[];
  events: readonly string[];
  path: string;
  token: string;
}

export function installBmcOverWebSocket(cfg: InitScriptConfig): void {
  type Pending = { resolve: (v: unknown) => void };
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let ready: Promise<WebSocket> | null = null;

  const open = (): Promise<WebSocket> => {
    if (ready) return ready;
    ready = new Promise<WebSocket>((resolve, reject) => {
      const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${cfg.path}?token=${encodeURIComponent(cfg.token)}`;
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('bmc socket failed'));
      ws.onclose = () => {
        ready = null;
        socket = null;
        for (const p of pending.values())
          p.resolve({ ok: false, error: { code: 'closed', message: 'connection to the app host closed' } });
        pending.clear();
      };
      ws.onmessage = (ev) => {
        const msg = JSON.parse(String(ev.data)) as {
          id?: number;
          result?: unknown;
          event?: string;
          payload?: unknown;
        };
        if (typeof msg.id === 'number') {
          pending.get(msg.id)?.resolve(msg.result);
          pending.delete(msg.id);
        } else if (typeof msg.event === 'string') {
          for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
        }
      };
    });
    return ready;
  };

  const api: Record<string, unknown> = {};
  for (const name of cfg.calls) {
    api[name] = async (input: unknown) => {
      const ws = socket ?? (await open());
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        ws.send(JSON.stringify({ id, call: name, args: input }));
      });
    };
  }
  api['on'] = (event: string, listener: (p: unknown) => void) => {
    if (!cfg.events.includes(event)) throw new Error(`unknown event ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    void open();
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };
  Object.defineProperty(window, 'bmc', { value: Object.freeze(api), writable: false, configurable: false });
}
