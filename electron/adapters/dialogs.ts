import type { BrowserWindow } from 'electron';
import { dialog, ipcMain } from 'electron';
import { DESKTOP_CHANNELS } from '../../shared/contract/desktop.ts';
import { isAppUrl } from './window-options.ts';

/** Native "choose what to import" dialogs; only the app window may ask. */
export function registerDialogHandlers(mainWindow: () => BrowserWindow | null): void {
  ipcMain.handle(DESKTOP_CHANNELS.chooseImportSources, async (event, kind: unknown) => {
    const win = mainWindow();
    if (!win || event.sender !== win.webContents || !isAppUrl(event.senderFrame?.url ?? '')) return [];
    const result = await dialog.showOpenDialog(win, {
      title: kind === 'folder' ? 'Import a folder or patient CD' : 'Import DICOM files or a zip archive',
      properties: kind === 'folder' ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
    });
    return result.canceled ? [] : result.filePaths;
  });
}
