import { contextBridge, ipcRenderer } from 'electron';
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

contextBridge.exposeInMainWorld('caseReview', api);
