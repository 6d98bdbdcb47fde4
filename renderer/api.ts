import type { CaseReviewApi, MethodName, MethodInput, MethodOutput } from '../shared/contract/methods.ts';
import { METHOD_NAMES } from '../shared/contract/methods.ts';
import type { Result } from '../shared/contract/result.ts';
import { err } from '../shared/contract/result.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser host. */
    caseReview?: CaseReviewApi;
  }
}

async function post(method: MethodName, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return err('INTERNAL', 'The Spine Case Review server is not answering. Is it still running?');
  }
  if (response.status === 401)
    return err(
      'INTERNAL',
      'This session has ended. Open the address printed when Spine Case Review started.',
    );
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return err('INTERNAL', `Unexpected answer from the server (HTTP ${response.status}).`);
  }
}

function httpApi(): CaseReviewApi {
  return Object.fromEntries(
    METHOD_NAMES.map((method) => [method, (input: unknown) => post(method, input)]),
  ) as unknown as CaseReviewApi;
}

/** The one client of the backend: Electron IPC when the preload provided it, else HTTP. */
export const api: CaseReviewApi = window.caseReview ?? httpApi();

/** Calls a method and throws its error message: for places that show errors through a boundary. */
export async function callOrThrow<K extends MethodName>(
  method: K,
  input: MethodInput<K>,
): Promise<MethodOutput<K>> {
  const result = await (api[method] as (i: MethodInput<K>) => Promise<Result<MethodOutput<K>>>)(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
