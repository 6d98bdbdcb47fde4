import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { ipcMain } from 'electron';
import { METHOD_NAMES } from '../../shared/contract/methods.ts';
import { err } from '../../shared/contract/result.ts';
import type { Backend } from '../backend/create-backend.ts';
import { ipcChannel } from '../ipc/channels.ts';
import { isAppUrl } from './window-options.ts';

/** One handler per contract method; a message from anything but the app's own window is refused. */
export function registerApiHandlers(backend: Backend, mainWindow: () => BrowserWindow | null): void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const win = mainWindow();
    return !!win && event.sender === win.webContents && isAppUrl(event.senderFrame?.url ?? '');
  };
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), (event, input: unknown) =>
      trusted(event)
        ? backend.callRaw(method, input)
        : err('INVALID_INPUT', 'Refused: not from the app window.'),
    );
  }
}
