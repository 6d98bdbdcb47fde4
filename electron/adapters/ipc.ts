import type { BrowserWindow } from 'electron';
import { ipcMain } from 'electron';
import { METHOD_NAMES } from '../../shared/contract/methods.ts';
import type { Backend } from '../backend/create-backend.ts';
import { ipcChannel } from '../ipc/channels.ts';
import { answerIpc } from './ipc-guard.ts';

/** One handler per contract method; a message from anything but the app's own window is refused. */
export function registerApiHandlers(backend: Backend, mainWindow: () => BrowserWindow | null): void {
  for (const method of METHOD_NAMES)
    ipcMain.handle(ipcChannel(method), (event, input: unknown) =>
      answerIpc(backend, method, event, input, mainWindow()?.webContents),
    );
}
