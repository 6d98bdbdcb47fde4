import type { BrowserWindowConstructorOptions } from 'electron';

/** The renderer is served from this privileged scheme, never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://renderer`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Options of the main window: the renderer is untrusted web content with no Node, isolated from the
 * preload, sandboxed, with web security on. Kept pure so a unit test pins every flag.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Spine Case Review',
    backgroundColor: '#0e1116',
    autoHideMenuBar: false,
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
      safeDialogs: true,
    },
  };
}

/** True only for the app's own pages; every other URL is refused for navigation and IPC. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'renderer';
  } catch {
    return false;
  }
}

/** Navigation away from the app (links, drag-and-drop, redirects) is always refused. */
export const allowNavigation = (url: string): boolean => isAppUrl(url);

/** The app needs no camera, microphone, geolocation, notifications or any other permission. */
export const allowPermission = (_permission: string): boolean => false;
