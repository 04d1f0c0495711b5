// The e2e host: the very same handler table as the Electron main process, on a WebSocket bound to
// 127.0.0.1 (random port, random token), plus the built renderer over http on the same origin, so the
// production CSP (connect-src 'self') also covers the socket. Test-only: never shipped.
//
// In-process: startWsHost({...}). As a program (out/e2e-host/ws-host.js): prints one JSON line
// {"url","token"} and serves until SIGTERM; options --user-data DIR, --renderer DIR, --memory-keychain.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  connect as ipmiConnect,
  type ConnectOptions,
  type IpmiSession,
} from '../../electron/ipmi/client/connect';
import { createApp, type App } from '../../electron/ipc/app-services';
import { openCredentialStore, type CredentialStore } from '../../electron/services/credentials';
import { CSP } from '../../electron/main/security';

export const WS_PATH = '/__bmc';

export interface WsHostOptions {
  rendererDir: string;
  userDataDir: string;
  /** default: the OS keychain if it works, else memory */
  credentials?: CredentialStore;
  keychainService?: string;
  connect?: (o: ConnectOptions) => Promise<IpmiSession>;
  connectDefaults?: Partial<ConnectOptions>;
  log?: (line: string) => void;
}

export interface WsHost {
  readonly url: string;
  readonly token: string;
  readonly app: App;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export async function startWsHost(o: WsHostOptions): Promise<WsHost> {
  const credentials =
    o.credentials ?? (await openCredentialStore(o.keychainService ? { service: o.keychainService } : {}));
  const app = await createApp({
    userDataDir: o.userDataDir,
    version: 'e2e',
    credentials,
    connect: o.connect ?? ipmiConnect,
    ...(o.connectDefaults ? { connectDefaults: o.connectDefaults } : {}),
    ...(o.log ? { log: o.log } : {}),
  });
  const token = randomBytes(24).toString('hex');
  const root = resolve(o.rendererDir);

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let rel: string;
    try {
      rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    } catch {
      res.writeHead(400).end(); // malformed %-escape: an unhandled rejection here would end the host
      return;
    }
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  };
  const server = createServer((req, res) => void serve(req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
  const clients = new Set<WebSocket>();

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const given = Buffer.from(url.searchParams.get('token') ?? '');
    const want = Buffer.from(token);
    const origin = req.headers.origin;
    const ownOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const ok =
      url.pathname === WS_PATH &&
      given.length === want.length &&
      timingSafeEqual(given, want) &&
      (origin === undefined || origin === ownOrigin);
    if (!ok) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      // a bad frame (oversized, invalid UTF-8) closes this socket; without a listener it would throw
      ws.on('error', () => ws.terminate());
      ws.on('message', (data) => void onMessage(ws, data.toString()));
    });
  });

  const onMessage = async (ws: WebSocket, text: string) => {
    let msg: { id?: unknown; call?: unknown; args?: unknown };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      return;
    }
    if (typeof msg.id !== 'number' || typeof msg.call !== 'string') return;
    const result = await app.dispatch(msg.call, msg.args);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: msg.id, result }));
  };

  const unsubscribe = app.services.events.subscribe((event, payload) => {
    const text = JSON.stringify({ event, payload });
    for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    token,
    app,
    close: async () => {
      unsubscribe();
      for (const ws of clients) ws.terminate();
      wss.close();
      await new Promise((r) => server.close(r));
      await app.shutdown();
    },
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const userDataDir = arg('--user-data');
  if (!userDataDir) {
    process.stderr.write('usage: ws-host --user-data DIR [--renderer DIR] [--memory-keychain]\n');
    process.exit(2);
  }
  const host = await startWsHost({
    userDataDir,
    rendererDir: arg('--renderer') ?? join(here, '../renderer'),
    ...(process.argv.includes('--memory-keychain')
      ? { credentials: await openCredentialStore({ forceMemory: 'requested by --memory-keychain' }) }
      : {}),
    log: (l) => process.stderr.write(`${l}\n`),
  });
  process.stdout.write(JSON.stringify({ url: host.url, token: host.token }) + '\n');
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
