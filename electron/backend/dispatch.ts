import type { MethodName, MethodOutput } from '../../shared/contract/methods.ts';
import { isMethodName, methods } from '../../shared/contract/methods.ts';
import type { Result } from '../../shared/contract/result.ts';
import type { MethodSpec, ReadAudit } from '../../shared/contract/method-spec.ts';
import { AppError, err, ok } from '../../shared/contract/result.ts';
import { writeReadAudit } from '../../db/audit.ts';
import type { z } from 'zod';
import type { BackendContext } from './context.ts';
import { currentUser } from './context.ts';
import type { Handler, HandlerMap } from './handler.ts';
import { imagingHandlers } from './imaging-handlers.ts';
import { sessionHandlers } from './session-handlers.ts';

/**
 * Handlers loaded with the dispatcher: signing in and importing (what `cli import`/`reindex` run).
 * The others load on their first call: they pull in the PDF, DICOM-writing, DIMSE and zip libraries,
 * whose loading would otherwise dominate a short command's start-up.
 */
const eagerHandlers: Partial<HandlerMap> = { ...sessionHandlers, ...imagingHandlers };
let allHandlers: Promise<HandlerMap> | null = null;
const loadHandlers = (): Promise<HandlerMap> =>
  (allHandlers ??= import('./handler-map.ts').then((m) => m.handlers));

export type Logger = (message: string) => void;

/** Formats zod issues as one sentence per field, the way the UI shows them. */
function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** An internal failure for the log: its kind and code and where it happened, never its message (paths, values). */
function describeFailure(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  const code = (e as NodeJS.ErrnoException).code;
  const where = (e.stack ?? '').split('\n').slice(1, 6).join('\n');
  return `${e.name}${code ? ` ${code}` : ''}\n${where}`;
}

/** Writes the declared read's audit row (ids only; a repeat within minutes is one row). */
function recordRead(ctx: BackendContext, userId: number, audit: ReadAudit<unknown>, input: unknown): void {
  const fields = input as Record<string, unknown>;
  const caseId = audit.caseIdField ? Number(fields[audit.caseIdField]) : null;
  const detail = Object.fromEntries((audit.detailFields ?? []).map((f) => [f, fields[f]]));
  writeReadAudit(ctx.db, { at: ctx.now(), userId, action: audit.action, caseId, detail });
}

/**
 * The single entry into the backend for every transport: validates the method name and its input
 * against the contract, enforces the method's declarations (`needsUser`: someone is signed in;
 * `readAudit`: the read is recorded), runs the handler, and turns any failure into `{ ok: false, error }`.
 * Logged text never contains input values or error messages (they may carry patient data).
 */
export async function dispatch(
  ctx: BackendContext,
  method: string,
  rawInput: unknown,
  log: Logger = () => {},
): Promise<Result<unknown>> {
  if (!isMethodName(method)) return err('UNKNOWN_METHOD', `Unknown method "${method.slice(0, 60)}".`);
  const spec: MethodSpec<z.ZodType, unknown> = methods[method];
  const user = spec.needsUser ? currentUser(ctx) : null;
  if (spec.needsUser && !user) return err('NO_CURRENT_USER', 'Sign in with your name and discipline first.');
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) return err('INVALID_INPUT', describeIssues(parsed.error.issues));
  try {
    const handler = (eagerHandlers[method] ?? (await loadHandlers())[method]) as Handler<MethodName>;
    const value = await handler(ctx, parsed.data as never);
    if (spec.readAudit && user) recordRead(ctx, user.id, spec.readAudit, parsed.data);
    return ok(value);
  } catch (e) {
    if (e instanceof AppError) return err(e.code, e.message);
    log(`${method} failed: ${describeFailure(e)}`);
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
