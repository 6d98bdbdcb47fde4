import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { DesktopBridge } from '../shared/contract/desktop.ts';
import { DESKTOP_CHANNELS } from '../shared/contract/desktop.ts';
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
  pathForFile: (file) => webUtils.getPathForFile(file as File),
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('caseReview', api);
contextBridge.exposeInMainWorld('caseReviewDesktop', desktop);
