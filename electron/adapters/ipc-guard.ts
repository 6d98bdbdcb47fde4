import type { Result } from '../../shared/contract/result.ts';
import { err } from '../../shared/contract/result.ts';
import type { Backend } from '../backend/create-backend.ts';
import { isAppUrl } from './window-options.ts';

/** The parts of an IPC event the check reads (Electron's IpcMainInvokeEvent has them). */
export interface IpcSender {
  sender: unknown;
  senderFrame?: { url: string } | null;
}

/** True when the message comes from the app's own window showing the app's own page. */
export function fromAppWindow(event: IpcSender, windowContents: unknown): boolean {
  return !!windowContents && event.sender === windowContents && isAppUrl(event.senderFrame?.url ?? '');
}

/** One API call arriving over IPC: refused with FOREIGN_SENDER unless it comes from the app window. */
export function answerIpc(
  backend: Backend,
  method: string,
  event: IpcSender,
  input: unknown,
  windowContents: unknown,
): Promise<Result<unknown>> {
  if (!fromAppWindow(event, windowContents))
    return Promise.resolve(err('FOREIGN_SENDER', 'Refused: this message did not come from the app window.'));
  return backend.callRaw(method, input, 'ipc');
}
