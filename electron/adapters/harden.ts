import type { Session } from 'electron';
import { app } from 'electron';
import { allowNavigation, allowPermission } from './window-options.ts';

/** Applies the app-wide refusals: no navigation away, no new windows, no permissions. */
export function hardenApp(session: Session): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => callback(allowPermission(permission)));
  session.setPermissionCheckHandler((_wc, permission) => allowPermission(permission));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // The app opens no windows and no links: a page that asks (an injected script) gets nothing.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
