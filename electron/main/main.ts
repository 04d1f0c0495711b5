// Electron entry: lifecycle only. Policy lives in security.ts, the handlers in electron/ipc.
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { connect } from '../ipmi/client/connect';
import { createApp, type App as BmcApp } from '../ipc/app-services';
import { forwardEvents, registerIpc } from './ipc-bridge';
import { createMainWindow, installSecurity } from './windows';
import type { TrustedRenderer } from './security';

const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = join(here, '../renderer/index.html');
const preload = join(here, '../preload/preload.cjs');
const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const trusted: TrustedRenderer = devUrl
  ? { fileUrl: pathToFileURL(rendererIndex).href, devUrl }
  : { fileUrl: pathToFileURL(rendererIndex).href };

// tests and portable setups choose the data folder; never from the page
const dataDir = process.env['BMCDESK_USER_DATA_DIR'];
if (dataDir) app.setPath('userData', dataDir);

app.enableSandbox();
// A second instance only wakes the first (which owns hosts.json) and quits. quit() is asynchronous, so
// the start-up below checks this too rather than open the inventory, IPC and a window meanwhile.
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();

let bmc: BmcApp | undefined;
let quitting = false;
const log = (line: string) => process.stderr.write(`${line}\n`);

app.on('second-instance', () => {
  const w = BrowserWindow.getAllWindows()[0];
  if (w) {
    if (w.isMinimized()) w.restore();
    w.focus();
  }
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// close every BMC session cleanly before the process goes
app.on('before-quit', (e) => {
  if (quitting || !bmc) return;
  e.preventDefault();
  quitting = true;
  const done = () => app.quit();
  void Promise.race([bmc.shutdown(), new Promise((r) => setTimeout(r, 5000))]).finally(done);
});

void app.whenReady().then(async () => {
  if (!primary) return;
  installSecurity(app, session.defaultSession, trusted);
  bmc = await createApp({ userDataDir: app.getPath('userData'), version: app.getVersion(), connect, log });
  registerIpc(ipcMain, bmc.dispatch, trusted);
  forwardEvents(bmc.services.events, () => BrowserWindow.getAllWindows().map((w) => w.webContents), trusted);
  createMainWindow(preload, trusted);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preload, trusted);
  });
});
