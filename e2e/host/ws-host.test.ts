// The e2e WebSocket host's own guards, without a browser: bound to 127.0.0.1, static files only from the
// renderer folder, the socket only with the token and from its own origin, and no request or frame a
// client sends can take the host down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { MemoryCredentialStore } from '../../electron/services/credentials';
import { startWsHost, WS_PATH, type WsHost } from './ws-host';

let dir: string;
let host: WsHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bmcdesk-wshost-'));
  const rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer folder');
  host = await startWsHost({
    rendererDir,
    userDataDir: join(dir, 'data'),
    credentials: new MemoryCredentialStore('test'),
    connect: async () => Promise.reject(new Error('no BMC here')),
  });
});
afterAll(async () => {
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

/** GET with the raw path as given (fetch would normalise it). */
function get(path: string): Promise<{ status: number; body: string; csp: unknown }> {
  const u = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, timeout: 3000 }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body, csp: res.headers['content-security-policy'] }),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`no answer for ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

function socket(opts: { token?: string; origin?: string } = {}): Promise<WebSocket> {
  const u = new URL(host.url);
  const ws = new WebSocket(
    `ws://${u.host}${WS_PATH}?token=${encodeURIComponent(opts.token ?? host.token)}`,
    opts.origin !== undefined ? { origin: opts.origin } : {},
  );
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, name: string, args: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, call: name, args }));
  });
}

describe('e2e WebSocket host', () => {
  it('listens on 127.0.0.1 only and serves the renderer with the CSP', async () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>t</title>');
    expect(r.csp).toMatch(/script-src 'self'/);
  });

  it('serves nothing outside the renderer folder, and survives malformed paths', async () => {
    expect((await get('/../secret.txt')).body).not.toContain('outside');
    expect((await get('/..%2fsecret.txt')).status).toBe(403);
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  it('the socket needs the token and our own origin', async () => {
    await expect(socket({ token: 'x'.repeat(host.token.length) })).rejects.toThrow(/401/);
    await expect(socket({ token: '' })).rejects.toThrow(/401/);
    await expect(socket({ origin: 'http://evil.example' })).rejects.toThrow(/401/);
    const ownOrigin = new URL(host.url).origin;
    const ws = await socket({ origin: ownOrigin });
    expect(await call(ws, 1, 'hosts.list', {})).toEqual({ ok: true, value: { hosts: [] } });
    expect(await call(ws, 2, 'hosts.list', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    ws.close();
  });

  it('an oversized frame closes that socket only; the host keeps serving', async () => {
    const ws = await socket();
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send('x'.repeat(5 * 1024 * 1024));
    expect(await closed).toBe(1009); // message too big
    const again = await socket();
    expect(await call(again, 1, 'hosts.list', {})).toMatchObject({ ok: true });
    again.close();
  });
});
