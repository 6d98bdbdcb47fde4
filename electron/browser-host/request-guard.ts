import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request the host cannot make sense of (bad encoding, bad target): answered 400, never thrown further. */
export class BadRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadRequest';
  }
}

/** The request target as a URL; a target `new URL` cannot read (`//[`) is a BadRequest. */
export function parseTarget(raw: string | undefined): URL {
  const target = raw ?? '/';
  if (!target.startsWith('/') || target.startsWith('//')) throw new BadRequest('Bad request target.');
  try {
    return new URL(target, 'http://127.0.0.1');
  } catch {
    throw new BadRequest('Bad request target.');
  }
}

/**
 * What a log line may say about a failure: its kind and code, never its message (file-system errors
 * name paths, and uploaded paths carry patient names).
 */
export function failureKind(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  const code = (e as NodeJS.ErrnoException).code;
  return code ? `${e.name} ${code}` : e.name;
}

type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * Wraps the host's request handler so that no exception, thrown or rejected, ends the process:
 * a BadRequest is answered 400, anything else 500 (or the socket is closed if headers went out).
 */
export function guarded(
  route: Route,
  reply: (res: ServerResponse, status: number, message: string) => void,
  log: (line: string) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  const fail = (req: IncomingMessage, res: ServerResponse, e: unknown): void => {
    if (!(e instanceof BadRequest)) log(`request failed (${req.method ?? '?'}): ${failureKind(e)}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    try {
      reply(
        res,
        e instanceof BadRequest ? 400 : 500,
        e instanceof BadRequest ? e.message : 'Internal error.',
      );
    } catch {
      res.destroy();
    }
  };
  return (req, res) => {
    // A client that disconnects mid-request makes these streams emit 'error': never unhandled.
    req.on('error', () => {});
    res.on('error', () => {});
    try {
      const pending = route(req, res);
      if (pending) pending.catch((e: unknown) => fail(req, res, e));
    } catch (e) {
      fail(req, res, e);
    }
  };
}
