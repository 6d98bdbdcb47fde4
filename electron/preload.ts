import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { DesktopBridge, MenuCommand } from '../shared/contract/desktop.ts';
import { DESKTOP_CHANNELS, MENU_COMMANDS } from '../shared/contract/desktop.ts';
import type { CaseReviewApi, MethodName } from '../shared/contract/methods.ts';
import { METHOD_NAMES } from '../shared/contract/methods.ts';
import { ipcChannel } from './ipc/channels.ts';

/** Named functions only, one per contract method; the renderer never sees ipcRenderer. */
const api = Object.fromEntries(
  METHOD_NAMES.map((method: MethodName) => [
    method,
    (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input) as Promise<unknown>,
  ]),
) as unknown as CaseReviewApi satisfies CaseReviewApi;

const desktop = {
  chooseImportSources: (kind) =>
    ipcRenderer.invoke(
      DESKTOP_CHANNELS.chooseImportSources,
      kind === 'folder' ? 'folder' : 'files',
    ) as Promise<string[]>,
  sourceForFile: (file) => {
    // Only a real DOM File has a path here; the renderer never handles the path itself.
    const path = webUtils.getPathForFile(file as File);
    return path
      ? (ipcRenderer.invoke(DESKTOP_CHANNELS.grantDroppedFile, path) as Promise<string | null>)
      : Promise.resolve(null);
  },
  onMenuCommand: (listener) => {
    const handler = (_event: unknown, command: unknown): void => {
      if (MENU_COMMANDS.includes(command as MenuCommand)) listener(command as MenuCommand);
    };
    ipcRenderer.on(DESKTOP_CHANNELS.menuCommand, handler);
    return () => ipcRenderer.removeListener(DESKTOP_CHANNELS.menuCommand, handler);
  },
  setFullScreen: (on) => ipcRenderer.invoke(DESKTOP_CHANNELS.setFullScreen, on === true) as Promise<boolean>,
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('caseReview', api);
contextBridge.exposeInMainWorld('caseReviewDesktop', desktop);
