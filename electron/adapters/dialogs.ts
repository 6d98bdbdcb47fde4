import type { BrowserWindow } from 'electron';
import { dialog, ipcMain } from 'electron';
import { isAbsolute } from 'node:path';
import { DESKTOP_CHANNELS } from '../../shared/contract/desktop.ts';
import type { SourceGrants } from '../services/import/source-grants.ts';
import { fromAppWindow } from './ipc-guard.ts';

/**
 * Native "choose what to import" dialogs and dropped files; only the app window may ask. The renderer
 * gets opaque handles for what the user chose, never paths it could replace with its own.
 */
export function registerDialogHandlers(mainWindow: () => BrowserWindow | null, sources: SourceGrants): void {
  ipcMain.handle(DESKTOP_CHANNELS.chooseImportSources, async (event, kind: unknown) => {
    const win = mainWindow();
    if (!win || !fromAppWindow(event, win.webContents)) return [];
    const result = await dialog.showOpenDialog(win, {
      title: kind === 'folder' ? 'Import a folder or patient CD' : 'Import DICOM files or a zip archive',
      properties: kind === 'folder' ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
    });
    return result.canceled ? [] : result.filePaths.map((path) => sources.grant(path));
  });
  // The preload resolves a dropped DOM File (which page scripts cannot forge with a path) to its path.
  ipcMain.handle(DESKTOP_CHANNELS.grantDroppedFile, (event, path: unknown) => {
    const win = mainWindow();
    if (!win || !fromAppWindow(event, win.webContents)) return null;
    return typeof path === 'string' && isAbsolute(path) && path.length < 4096 ? sources.grant(path) : null;
  });
}
