// The window/security glue with the `electron` module stubbed: window options, CSP, navigation,
// window-open and permission denial, and the sender check on every IPC channel.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const hoisted = vi.hoisted(() => {
  const appHandlers = new Map<string, (...a: unknown[]) => void>();
  const windows: { opts: unknown; loaded: string[] }[] = [];
  return { appHandlers, windows, openExternal: vi.fn(async () => undefined) };
});

vi.mock('electron', () => {
  class BrowserWindow {
    loaded: string[] = [];
    constructor(readonly opts: unknown) {
      hoisted.windows.push(this as never);
    }
    once() {}
    show() {}
    async loadURL(u: string) {
      this.loaded.push(u);
    }
  }
  return { BrowserWindow, shell: { openExternal: hoisted.openExternal } };
});

import {
  CSP,
  allowNavigation,
  denyPermissionCheck,
  denyPermissionRequest,
  externalUrl,
  isTrustedSender,
  mainWindowOptions,
  windowOpenDecision,
  withCspHeader,
} from './security';
import { createMainWindow, installSecurity } from './windows';
import { FORBIDDEN, registerIpc, senderFrameOf } from './ipc-bridge';
import { CALL_NAMES, callChannel } from '../../shared/contract/channels';

const trusted = { fileUrl: 'file:///opt/BMC%20Desk/resources/app.asar/out/renderer/index.html' };

describe('window options', () => {
  it('are exactly the hardened set', () => {
    expect(mainWindowOptions('/p/preload.cjs').webPreferences).toEqual({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });
  it('createMainWindow applies them and loads our page', () => {
    hoisted.windows.length = 0;
    createMainWindow('/p/preload.cjs', trusted);
    const w = hoisted.windows[0]!;
    expect(w.opts).toEqual(mainWindowOptions('/p/preload.cjs'));
    expect(w.loaded).toEqual([trusted.fileUrl]);
  });
});

describe('CSP', () => {
  it('forbids inline script and eval, remote everything', () => {
    const d = Object.fromEntries(CSP.split('; ').map((x) => [x.split(' ')[0], x.split(' ').slice(1)]));
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(d['connect-src']).toEqual(["'self'"]);
    expect(CSP).not.toMatch(/unsafe-eval|\*|http:|https:/);
    expect(d['script-src']).not.toContain("'unsafe-inline'");
  });
  it('the header replaces any other CSP', () => {
    const h = withCspHeader({ 'content-security-policy': ['default-src *'], 'X-Other': 'a' });
    expect(h).toEqual({ 'X-Other': ['a'], 'Content-Security-Policy': [CSP] });
  });
  it('index.html carries the same policy as a meta tag (minus frame-ancestors, ignored in meta)', async () => {
    const { readFile } = await import('node:fs/promises');
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CSP.replace("; frame-ancestors 'none'", ''));
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/); // no inline script
  });
});

describe('navigation, new windows, permissions', () => {
  it('navigation only to our own page', () => {
    expect(allowNavigation(trusted.fileUrl + '#/hosts', trusted)).toBe(true);
    expect(allowNavigation('file:///etc/passwd', trusted)).toBe(false);
    expect(allowNavigation('https://evil.example/', trusted)).toBe(false);
    expect(allowNavigation('http://localhost:5173/', { ...trusted, devUrl: 'http://localhost:5173/' })).toBe(
      true,
    );
    expect(allowNavigation('not a url', trusted)).toBe(false);
  });
  it('window.open is always denied; only https goes to the system browser', () => {
    expect(windowOpenDecision('https://example.com/doc')).toEqual({
      action: 'deny',
      openExternal: 'https://example.com/doc',
    });
    for (const u of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://x/y', ''])
      expect(windowOpenDecision(u)).toEqual({ action: 'deny', openExternal: null });
    expect(externalUrl('https://a.example/x?y')).toBe('https://a.example/x?y');
  });
  it('every permission request and check is denied', () => {
    const cb = vi.fn();
    denyPermissionRequest(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(denyPermissionCheck()).toBe(false);
  });

  describe('installSecurity wires the policy', () => {
    type WcHandler = (e: { preventDefault: () => void }, url: string) => void;
    let wcHandlers: Map<string, WcHandler>;
    let openHandler: ((d: { url: string }) => unknown) | undefined;
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    };
    beforeEach(() => {
      wcHandlers = new Map();
      const app = {
        on: (ev: string, fn: (e: unknown, wc: unknown) => void) =>
          ev === 'web-contents-created' && fn({}, wc),
      };
      const wc = {
        setWindowOpenHandler: (h: (d: { url: string }) => unknown) => (openHandler = h),
        on: (ev: string, h: WcHandler) => wcHandlers.set(ev, h),
      };
      installSecurity(app as never, session as never, trusted);
    });
    it('denies permissions, sets the CSP header, blocks navigation, webviews and popups', () => {
      expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(denyPermissionRequest);
      expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(denyPermissionCheck);
      const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (
        d: unknown,
        cb: (r: unknown) => void,
      ) => void;
      const cb = vi.fn();
      onHeaders({ responseHeaders: {} }, cb);
      expect(cb).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CSP] } });
      for (const ev of ['will-navigate', 'will-redirect']) {
        const prevent = vi.fn();
        wcHandlers.get(ev)!({ preventDefault: prevent }, 'https://evil.example');
        expect(prevent, ev).toHaveBeenCalled();
        const ok = vi.fn();
        wcHandlers.get(ev)!({ preventDefault: ok }, trusted.fileUrl);
        expect(ok, ev).not.toHaveBeenCalled();
      }
      const prevent = vi.fn();
      wcHandlers.get('will-attach-webview')!({ preventDefault: prevent }, '');
      expect(prevent).toHaveBeenCalled();
      expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
      expect(hoisted.openExternal).toHaveBeenCalledWith('https://example.com/');
      expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
      expect(hoisted.openExternal).toHaveBeenCalledTimes(1);
    });
  });
});

describe('IPC sender check', () => {
  it('trusts only our page in the top frame', () => {
    expect(isTrustedSender({ url: trusted.fileUrl, isTop: true }, trusted)).toBe(true);
    expect(isTrustedSender({ url: trusted.fileUrl, isTop: false }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', isTop: true }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isTop: true }, trusted)).toBe(false);
    expect(isTrustedSender(null, trusted)).toBe(false);
    expect(senderFrameOf({ senderFrame: null })).toBeNull();
  });

  it('registers one bmc: channel per call; untrusted senders never reach dispatch', async () => {
    const handlers = new Map<string, (e: unknown, raw: unknown) => Promise<unknown>>();
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'x' }));
    registerIpc({ handle: (ch: string, fn: never) => void handlers.set(ch, fn) } as never, dispatch, trusted);
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());
    expect([...handlers.keys()].every((c) => c.startsWith('bmc:'))).toBe(true);
    const h = handlers.get(callChannel('hosts.list'))!;
    const top = { url: trusted.fileUrl, parent: null };
    expect(await h({ senderFrame: { url: 'https://evil.example', parent: null } }, {})).toEqual(FORBIDDEN);
    expect(await h({ senderFrame: { url: trusted.fileUrl, parent: top } }, {})).toEqual(FORBIDDEN);
    expect(await h({ senderFrame: null }, {})).toEqual(FORBIDDEN);
    expect(dispatch).not.toHaveBeenCalled();
    expect(await h({ senderFrame: top }, {})).toEqual({ ok: true, value: 'x' });
    expect(dispatch).toHaveBeenCalledWith('hosts.list', {});
  });
});
