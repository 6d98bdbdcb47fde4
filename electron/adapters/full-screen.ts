import type { BrowserWindow } from 'electron';
import { ipcMain } from 'electron';
import { DESKTOP_CHANNELS } from '../../shared/contract/desktop.ts';
import { isAppUrl } from './window-options.ts';

/** Presenter mode puts the whole window full screen on the projector; only the app window may ask. */
export function registerFullScreenHandler(mainWindow: () => BrowserWindow | null): void {
  ipcMain.handle(DESKTOP_CHANNELS.setFullScreen, (event, on: unknown) => {
    const win = mainWindow();
    if (!win || event.sender !== win.webContents || !isAppUrl(event.senderFrame?.url ?? '')) return false;
    win.setFullScreen(on === true);
    return win.isFullScreen();
  });
}
