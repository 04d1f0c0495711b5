// Window creation and the app-wide security hooks, applying the policy from security.ts.
import { BrowserWindow, shell, type App, type Session } from 'electron';
import {
  CSP,
  allowNavigation,
  denyPermissionCheck,
  denyPermissionRequest,
  mainWindowOptions,
  windowOpenDecision,
  withCspHeader,
  type TrustedRenderer,
} from './security';

export function installSecurity(app: App, session: Session, trusted: TrustedRenderer): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
  app.on('web-contents-created', (_e, wc) => {
    wc.setWindowOpenHandler(({ url }) => {
      const d = windowOpenDecision(url);
      if (d.openExternal) void shell.openExternal(d.openExternal);
      return { action: 'deny' };
    });
    wc.on('will-navigate', (e, url) => {
      if (!allowNavigation(url, trusted)) e.preventDefault();
    });
    wc.on('will-redirect', (e, url) => {
      if (!allowNavigation(url, trusted)) e.preventDefault();
    });
    wc.on('will-attach-webview', (e) => e.preventDefault());
  });
}

export function createMainWindow(preloadPath: string, trusted: TrustedRenderer): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(trusted.devUrl ?? trusted.fileUrl);
  return win;
}

export { CSP };
