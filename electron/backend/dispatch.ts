import type { MethodName, MethodOutput } from '../../shared/contract/methods.ts';
import { isMethodName, methods } from '../../shared/contract/methods.ts';
import type { Result } from '../../shared/contract/result.ts';
import { AppError, err, ok } from '../../shared/contract/result.ts';
import { caseHandlers } from './case-handlers.ts';
import { demoHandlers } from './demo-handlers.ts';
import { evaluationHandlers } from './evaluation-handlers.ts';
import { imagingHandlers } from './imaging-handlers.ts';
import { pacsHandlers } from './pacs-handlers.ts';
import type { BackendContext } from './context.ts';
import type { Handler, HandlerMap } from './handler.ts';
import { sessionHandlers } from './session-handlers.ts';
import { viewerHandlers } from './viewer-handlers.ts';

const handlers: HandlerMap = {
  ...sessionHandlers,
  ...caseHandlers,
  ...imagingHandlers,
  ...demoHandlers,
  ...evaluationHandlers,
  ...viewerHandlers,
  ...pacsHandlers,
};

export type Logger = (message: string) => void;

/** Formats zod issues as one sentence per field, the way the UI shows them. */
function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * The single entry into the backend for every transport: validates the method name and its input
 * against the contract, runs the handler, and turns any failure into `{ ok: false, error }`.
 * Logged text never contains input values (they may carry patient data).
 */
export async function dispatch(
  ctx: BackendContext,
  method: string,
  rawInput: unknown,
  log: Logger = () => {},
): Promise<Result<unknown>> {
  if (!isMethodName(method)) return err('UNKNOWN_METHOD', `Unknown method "${method.slice(0, 60)}".`);
  const parsed = methods[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) return err('INVALID_INPUT', describeIssues(parsed.error.issues));
  try {
    const handler = handlers[method] as Handler<MethodName>;
    return ok(await handler(ctx, parsed.data as never));
  } catch (e) {
    if (e instanceof AppError) return err(e.code, e.message);
    log(`${method} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return err(
      'INTERNAL',
      'Something went wrong on our side; the change was not saved. Details are in the log.',
    );
  }
}

export type TypedDispatch = <K extends MethodName>(
  method: K,
  input: unknown,
) => Promise<Result<MethodOutput<K>>>;
