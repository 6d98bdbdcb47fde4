// A stand-in for the `electron` module, faithful in the parts the main process uses (app lifecycle,
// BrowserWindow and its webContents, protocol, net.fetch of file URLs, ipcMain, Menu, session,
// dialog, safeStorage) and recording every registration, so a test can load the built main bundle
// under plain Node (the Electron binary cannot run here) and drive what it wired up.
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PrivilegedScheme {
  scheme: string;
  privileges: Record<string, boolean>;
}

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export interface Recorded {
  /** Whether the app was ready when the privileged schemes were registered (Electron requires before). */
  schemesRegisteredBeforeReady: boolean | null;
  privilegedSchemes: PrivilegedScheme[];
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  ipcHandlers: Map<string, (event: unknown, ...args: unknown[]) => unknown>;
  windows: FakeBrowserWindow[];
  applicationMenu: { items: MenuItemTemplate[] } | null;
  permissionRequestHandler:
    ((wc: unknown, permission: string, callback: (ok: boolean) => void) => void) | null;
  permissionCheckHandler: ((wc: unknown, permission: string) => boolean) | null;
  quitRequested: boolean;
  exitCode: number | null;
}

export const recorded: Recorded = {
  schemesRegisteredBeforeReady: null,
  privilegedSchemes: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  windows: [],
  applicationMenu: null,
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  quitRequested: false,
  exitCode: null,
};

let ready = false;
let markReady: () => void = () => undefined;
const readyPromise = new Promise<void>((resolve) => {
  markReady = () => {
    ready = true;
    resolve();
  };
});

class FakeApp extends EventEmitter {
  isPackaged = true;
  private readonly paths = new Map<string, string>();
  requestSingleInstanceLock(): boolean {
    return true;
  }
  whenReady(): Promise<void> {
    return readyPromise;
  }
  isReady(): boolean {
    return ready;
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  quit(): void {
    recorded.quitRequested = true;
  }
  exit(code = 0): void {
    recorded.exitCode = code;
  }
}
export const app = new FakeApp();

/** Makes the stand-in app ready, as Electron does once it has initialised (emits 'ready' too). */
export function makeReady(userData: string): void {
  app.setPath('userData', userData);
  markReady();
  app.emit('ready');
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  shown = false;
  fullScreen = false;
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    if (!ready) throw new Error('Cannot create BrowserWindow before app is ready');
    recorded.windows.push(this);
    app.emit('web-contents-created', { preventDefault: () => undefined }, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  setFullScreen(on: boolean): void {
    this.fullScreen = on;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
}

export const protocol = {
  registerSchemesAsPrivileged(schemes: PrivilegedScheme[]): void {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    recorded.schemesRegisteredBeforeReady = !ready;
    recorded.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    if (!ready) throw new Error('protocol.handle must be called after app is ready');
    if (recorded.protocolHandlers.has(scheme)) throw new Error(`The scheme ${scheme} has been registered`);
    recorded.protocolHandlers.set(scheme, handler);
  },
};

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Electron's net.fetch for file: URLs reads the file and types it by extension; a missing file fails. */
export const net = {
  async fetch(url: string): Promise<Response> {
    if (!url.startsWith('file:')) throw new Error('the stand-in fetches file: URLs only');
    const path = fileURLToPath(url);
    const bytes = await readFile(path).catch(() => {
      throw new TypeError('net::ERR_FILE_NOT_FOUND');
    });
    return new Response(bytes, {
      headers: { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' },
    });
  },
};

export const ipcMain = {
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    if (recorded.ipcHandlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    recorded.ipcHandlers.set(channel, handler);
  },
  on(): void {},
};

export const Menu = {
  buildFromTemplate(template: MenuItemTemplate[]): { items: MenuItemTemplate[] } {
    return { items: template };
  },
  setApplicationMenu(menu: { items: MenuItemTemplate[] } | null): void {
    recorded.applicationMenu = menu;
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: Recorded['permissionRequestHandler']): void {
      recorded.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Recorded['permissionCheckHandler']): void {
      recorded.permissionCheckHandler = handler;
    },
  },
};

export const dialog = {
  showOpenDialog: (): Promise<{ canceled: boolean; filePaths: string[] }> =>
    Promise.resolve({ canceled: true, filePaths: [] }),
};

/** As on a Linux desktop without a keyring: no OS encryption (the app falls back to its own file). */
export const safeStorage = {
  isEncryptionAvailable: (): boolean => false,
  encryptString: (): never => {
    throw new Error('Encryption is not available.');
  },
  decryptString: (): never => {
    throw new Error('Encryption is not available.');
  },
};

const electron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  protocol,
  net,
  ipcMain,
  Menu,
  session,
  dialog,
  safeStorage,
};

const VIRTUAL_PATH = '/electron-stand-in/index.js';

/**
 * Loads the CommonJS bundle at `bundlePath` with `require('electron')` answered by this stand-in (module
 * resolution intercepted for that one name); returns a function that undoes the interception.
 */
export function loadWithStandIn(bundlePath: string): () => void {
  const require = createRequire(import.meta.url);
  const Module = require('node:module') as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
    _cache: Record<string, unknown>;
  };
  const original = Module._resolveFilename;
  Module._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'electron' ? VIRTUAL_PATH : original.call(this, request, ...rest);
  };
  Module._cache[VIRTUAL_PATH] = { id: VIRTUAL_PATH, filename: VIRTUAL_PATH, loaded: true, exports: electron };
  require(bundlePath);
  return () => {
    Module._resolveFilename = original;
    delete Module._cache[VIRTUAL_PATH];
  };
}
