import { BrowserWindow, Menu, app, session } from 'electron';
import { DESKTOP_CHANNELS } from '../shared/contract/desktop.ts';
import { join } from 'node:path';
import { createBackend } from './backend/create-backend.ts';
import type { Backend } from './backend/create-backend.ts';
import { registerAppScheme, serveRenderer } from './adapters/app-protocol.ts';
import { hardenApp } from './adapters/harden.ts';
import { registerDialogHandlers } from './adapters/dialogs.ts';
import { registerFullScreenHandler } from './adapters/full-screen.ts';
import { registerApiHandlers } from './adapters/ipc.ts';
import { safeStorageCodec } from './adapters/safe-storage-secrets.ts';
import { FileSecretStore } from './services/pacs/secret-store.ts';
import { buildMenu } from './adapters/menu.ts';
import { APP_START_URL, mainWindowOptions } from './adapters/window-options.ts';

/** The Electron-ABI build of better-sqlite3: packaged in resources, or made by `npm run native:electron`. */
function nativeBinding(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : join(__dirname, '..', '..', 'native', 'electron', 'better_sqlite3.node');
}

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

function createMainWindow(): void {
  mainWindow = new BrowserWindow(mainWindowOptions(join(__dirname, 'preload.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(APP_START_URL);
}

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app
  .whenReady()
  .then(() => {
    if (process.env.SCR_DATA_DIR) app.setPath('userData', process.env.SCR_DATA_DIR);
    backend = createBackend({
      dataDir: app.getPath('userData'),
      host: 'electron',
      nativeBinding: nativeBinding(),
      importWorker: join(__dirname, 'import-worker.cjs'),
      secrets: new FileSecretStore(app.getPath('userData'), safeStorageCodec()),
      log: (line) => console.error(`[main] ${line}`),
    });
    hardenApp(session.defaultSession);
    serveRenderer(join(__dirname, '..', 'renderer'), backend);
    registerApiHandlers(backend, () => mainWindow);
    registerDialogHandlers(() => mainWindow, backend.ctx.sources);
    registerFullScreenHandler(() => mainWindow);
    Menu.setApplicationMenu(
      buildMenu((command) => mainWindow?.webContents.send(DESKTOP_CHANNELS.menuCommand, command)),
    );
    createMainWindow();
    app.on('activate', () => {
      if (!mainWindow) createMainWindow();
    });
  })
  .catch((e: unknown) => {
    console.error(`Spine Case Review could not start: ${e instanceof Error ? e.message : String(e)}`);
    app.exit(1);
  });

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void backend?.close();
});
