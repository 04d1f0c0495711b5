// The app's security policy as pure values and functions; main.ts and windows.ts only apply them.
// Each item refers to the Electron security checklist (electronjs.org/docs/latest/tutorial/security).
import type { BrowserWindowConstructorOptions } from 'electron';

/** Item 7. Styles allow 'unsafe-inline' because xterm.js injects <style> elements; scripts never do. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Items 2, 3, 4, 6, 8, 9, 11: stated explicitly even where they are Electron's defaults. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'BMC Desk',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
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
    },
  };
}

/** Where our renderer may legitimately be loaded from. */
export interface TrustedRenderer {
  /** file:// URL of the built index.html */
  fileUrl: string;
  /** dev server URL (ELECTRON_RENDERER_URL), unpackaged builds only */
  devUrl?: string;
}

function sameDocument(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    if (x.protocol !== y.protocol) return false;
    if (x.protocol === 'file:') return x.pathname === y.pathname && x.host === y.host;
    return x.origin === y.origin;
  } catch {
    return false;
  }
}

export function isOurRendererUrl(url: string, trusted: TrustedRenderer): boolean {
  return (
    sameDocument(url, trusted.fileUrl) || (trusted.devUrl !== undefined && sameDocument(url, trusted.devUrl))
  );
}

/** Item 17: only our own page, and only its top frame, may call the IPC handlers. */
export function isTrustedSender(
  frame: { url: string; isTop: boolean } | null | undefined,
  trusted: TrustedRenderer,
): boolean {
  if (!frame || !frame.isTop || typeof frame.url !== 'string') return false;
  return isOurRendererUrl(frame.url, trusted);
}

/** Item 13: the app never navigates away from its page; in-app routing uses the hash. */
export function allowNavigation(url: string, trusted: TrustedRenderer): boolean {
  return isOurRendererUrl(url, trusted);
}

/** Item 15: the only URLs ever handed to the OS browser. */
export function externalUrl(raw: string): string | null {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Item 14: no new windows from the page; an https link opens in the system browser instead. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternal: string | null } {
  return { action: 'deny', openExternal: externalUrl(url) };
}

/** Item 5: Electron grants every permission by default; we need none. */
export const denyPermissionRequest = (
  _wc: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void => callback(false);
export const denyPermissionCheck = (): boolean => false;

/** Adds the CSP header to every response (dev server, and anything http-served). */
export function withCspHeader(
  headers: Record<string, string[] | string> | undefined,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() === 'content-security-policy') continue; // ours replaces any other
    out[k] = Array.isArray(v) ? v : [v];
  }
  out['Content-Security-Policy'] = [CSP];
  return out;
}
