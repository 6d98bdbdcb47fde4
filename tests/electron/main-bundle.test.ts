// The built Electron main bundle (scripts/build.mjs → electron/main.cjs), loaded under plain Node with
// a stand-in `electron` module: what it wires up is checked by driving it. The window's hardening,
// the app:// scheme serving the renderer with its CSP, IPC into the real backend and a real SQLite
// database (and a foreign sender refused), the menu, window-open and permission refusals.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/csp.ts';
import { METHOD_NAMES } from '../../shared/contract/methods.ts';
import { DESKTOP_CHANNELS } from '../../shared/contract/desktop.ts';
import type { FakeBrowserWindow } from '../support/electron-stand-in.ts';
import { app, loadWithStandIn, makeReady, recorded } from '../support/electron-stand-in.ts';
import { tempDir } from '../support/temp-backend.ts';

const work = tempDir('scr-main-bundle-');
// Built inside the repository so the bundle's external packages (better-sqlite3, pdfkit) resolve as from dist/.
const root = resolve('.cache', `main-bundle-${process.pid}`);
const dataDir = join(work.path, 'user-data');
const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/app-1a2b.js"></script></head></html>\n';
const APP_JS = 'console.log("renderer");\n';
let undo: () => void = () => undefined;
let window: FakeBrowserWindow;

async function until<T>(what: string, probe: () => T | null | undefined | false): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--node-only', '--quiet', '--out', root]);
  // The layout of dist/: electron/ beside renderer/ (a tiny stand-in page and one asset).
  mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(root, 'renderer', 'index.html'), INDEX_HTML);
  writeFileSync(join(root, 'renderer', 'assets', 'app-1a2b.js'), APP_JS);
  // Packaged, the main process loads better-sqlite3's binding from resources/native: the Node build here.
  mkdirSync(join(root, 'resources', 'native'), { recursive: true });
  copyFileSync(
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    join(root, 'resources', 'native', 'better_sqlite3.node'),
  );
  (process as { resourcesPath?: string }).resourcesPath = join(root, 'resources');
  undo = loadWithStandIn(join(root, 'electron', 'main.cjs'));
  makeReady(dataDir);
  window = await until('the main window', () => recorded.windows[0]);
}, 300_000);

afterAll(async () => {
  // Quitting closes the backend: the database checkpoints its WAL and removes it.
  app.emit('will-quit');
  await until('the database to close', () => !existsSync(join(dataDir, 'case-review.sqlite-wal')));
  undo();
  delete (process as { resourcesPath?: string }).resourcesPath;
  rmSync(root, { recursive: true, force: true });
  work.dispose();
});

const fromApp = () => ({ sender: window.webContents, senderFrame: { url: 'app://renderer/index.html' } });
const invoke = (channel: string, event: unknown, input: unknown) => {
  const handler = recorded.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no IPC handler for ${channel}`);
  return handler(event, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
};

describe('the built Electron main bundle', () => {
  it('opens one hardened window on the app:// page, with a preload that exists', () => {
    expect(recorded.windows).toHaveLength(1);
    const web = window.options.webPreferences!;
    expect(web).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(web.preload).toBe(join(root, 'electron', 'preload.cjs'));
    expect(existsSync(web.preload as string)).toBe(true);
    expect(window.loadedUrl).toBe('app://renderer/index.html');
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
    expect(recorded.exitCode).toBeNull();
  });

  it('registers app:// as privileged before ready, and serves the renderer with its CSP', async () => {
    expect(recorded.schemesRegisteredBeforeReady).toBe(true);
    expect(recorded.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    const handler = recorded.protocolHandlers.get('app')!;
    expect(handler).toBeTypeOf('function');
    const index = await handler(new Request('app://renderer/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toBe(INDEX_HTML);
    const asset = await handler(new Request('app://renderer/assets/app-1a2b.js'));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(
      Buffer.from(await asset.arrayBuffer()).equals(
        readFileSync(join(root, 'renderer', 'assets', 'app-1a2b.js')),
      ),
    ).toBe(true);
    // Nothing outside the renderer folder, and no other host.
    expect(
      (await handler(new Request('app://renderer/..%2F..%2Fresources%2Fnative%2Fbetter_sqlite3.node')))
        .status,
    ).toBe(404);
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });

  it('answers IPC from the app window with the real backend and database; a foreign sender is refused', async () => {
    for (const method of METHOD_NAMES) expect(recorded.ipcHandlers.has(`scr:${method}`), method).toBe(true);
    for (const channel of [
      DESKTOP_CHANNELS.chooseImportSources,
      DESKTOP_CHANNELS.grantDroppedFile,
      DESKTOP_CHANNELS.setFullScreen,
    ])
      expect(recorded.ipcHandlers.has(channel), channel).toBe(true);

    const signIn = await invoke('scr:session.signIn', fromApp(), {
      name: 'Dr. Main',
      discipline: 'spine-surgery',
    });
    expect(signIn).toMatchObject({ ok: true, value: { name: 'Dr. Main' } });
    const created = await invoke('scr:cases.create', fromApp(), { title: 'Wired through IPC' });
    expect(created).toMatchObject({ ok: true, value: { title: 'Wired through IPC', status: 'draft' } });
    const listed = await invoke('scr:cases.list', fromApp(), {});
    expect(listed).toMatchObject({ ok: true, value: [{ title: 'Wired through IPC' }] });

    // A page in another frame, another window's contents, or no frame: refused with their own code.
    const foreign = [
      { sender: window.webContents, senderFrame: { url: 'https://evil.example/' } },
      { sender: {}, senderFrame: { url: 'app://renderer/index.html' } },
      { sender: window.webContents, senderFrame: null },
    ];
    for (const event of foreign) {
      const refused = await invoke('scr:cases.create', event, { title: 'Injected case' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FOREIGN_SENDER' } });
    }
    expect(await invoke(DESKTOP_CHANNELS.setFullScreen, foreign[0], true)).toBe(false);

    // The rows are in the SQLite file in Electron's userData folder.
    const db = new Database(join(dataDir, 'case-review.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT title FROM cases').all()).toEqual([{ title: 'Wired through IPC' }]);
    } finally {
      db.close();
    }
  });

  it('builds the application menu, whose commands go to the window', () => {
    const menu = recorded.applicationMenu!;
    const file = menu.items.find((i) => i.label === 'File')!;
    expect(file.submenu!.map((i) => i.label).filter(Boolean)).toEqual([
      'Import Folder or CD…',
      'Import Files or Zip…',
      'Load Demo Case',
    ]);
    expect(menu.items.map((i) => i.label ?? i.role)).toEqual(
      expect.arrayContaining(['File', 'editMenu', 'View', 'windowMenu']),
    );
    file.submenu!.find((i) => i.label === 'Load Demo Case')!.click!();
    expect(window.webContents.sent).toEqual([{ channel: DESKTOP_CHANNELS.menuCommand, args: ['load-demo'] }]);
  });

  it('opens no windows, navigates nowhere else, and grants no permission', () => {
    const open = window.webContents.windowOpenHandler!;
    expect(open).toBeTypeOf('function');
    for (const url of ['https://www.ncbi.nlm.nih.gov/', 'app://renderer/index.html', 'file:///etc/passwd'])
      expect(open({ url })).toEqual({ action: 'deny' });
    const navigate = (url: string): boolean => {
      let prevented = false;
      window.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('app://renderer/index.html')).toBe(false);
    let attached = true;
    window.webContents.emit('will-attach-webview', { preventDefault: () => (attached = false) });
    expect(attached).toBe(false);

    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read'])
      recorded.permissionRequestHandler!({}, permission, (ok) => granted.push(ok));
    expect(granted).toEqual([false, false, false, false]);
    expect(recorded.permissionCheckHandler!({}, 'media')).toBe(false);
  });
});
