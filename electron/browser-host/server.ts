import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Backend } from '../backend/create-backend.ts';
import { CONTENT_SECURITY_POLICY } from '../services/csp.ts';
import { cookieName, isLoopbackHost, isOwnOrigin, readCookie, sameSecret } from './access.ts';
import { readBody } from './read-body.ts';
import { guarded, parseTarget } from './request-guard.ts';
import { serveStatic } from './static-files.ts';
import { handleUpload } from './upload.ts';
import { resolveAsset } from '../services/assets/asset-routes.ts';

const MAX_API_BODY = 1024 * 1024;

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

export interface BrowserHostOptions {
  backend: Backend;
  rendererDir: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
}

export interface RunningBrowserHost {
  server: Server;
  port: number;
  token: string;
  url: string;
  close: () => Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...SECURITY_HEADERS });
  res.end(body);
}

/** Answers, then closes the connection: the unread rest of the request must not be taken as a next request. */
function sendAndClose(req: IncomingMessage, res: ServerResponse, status: number, body: string): void {
  res.shouldKeepAlive = false;
  res.on('finish', () => req.destroy());
  send(res, status, body);
}

async function serveAsset(backend: Backend, pathname: string, res: ServerResponse): Promise<void> {
  const asset = await resolveAsset(backend.ctx, pathname);
  if (!asset) return send(res, 404, 'Not found.');
  if (asset.kind === 'error') return send(res, asset.status, asset.message);
  // Patient images: never cached by the browser beyond this session, never embedded by another origin.
  const headers = {
    'content-type': asset.contentType,
    'cache-control': 'private, no-store',
    'cross-origin-resource-policy': 'same-origin',
    ...SECURITY_HEADERS,
  };
  if (asset.kind === 'bytes') {
    res.writeHead(200, { ...headers, 'content-length': asset.bytes.length });
    res.end(asset.bytes);
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': asset.size });
  // Large reads: a 3 MB radiograph goes out in 3 writes, not 48 (each one a socket send here and
  // a data-pipe read in the page's decode worker).
  createReadStream(asset.path, { highWaterMark: 1 << 20 })
    .on('error', () => res.destroy())
    .pipe(res);
}

async function handleApi(
  backend: Backend,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, 'Use POST.');
  if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
    return send(res, 415, 'Send JSON (content-type: application/json).');
  const body = await readBody(req, MAX_API_BODY);
  if (body === null) return sendAndClose(req, res, 413, 'Request too large.');
  let input: unknown;
  try {
    input = body.length ? JSON.parse(body) : {};
  } catch {
    const bad = { ok: false, error: { code: 'INVALID_INPUT', message: 'The request was not valid JSON.' } };
    return send(res, 400, JSON.stringify(bad), 'application/json');
  }
  const result = await backend.callRaw(method, input, 'http');
  send(res, 200, JSON.stringify(result), 'application/json');
}

/**
 * The browser host: the renderer and the API over HTTP on 127.0.0.1 only, behind a per-run token.
 * The first visit with `?token=` trades it for an HttpOnly SameSite=Strict cookie; everything else
 * without that cookie is refused.
 */
export function startBrowserHost(options: BrowserHostOptions): Promise<RunningBrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = resolve(options.rendererDir);
  const log = options.log ?? (() => {});
  let port = 0;

  const route = (req: IncomingMessage, res: ServerResponse): Promise<void> | void => {
    const url = parseTarget(req.url);
    if (!isLoopbackHost(req.headers.host, port)) return send(res, 403, 'Forbidden: unknown host name.');
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null) {
      if (!sameSecret(queryToken, token)) return send(res, 401, 'Unauthorized: wrong token.');
      res.writeHead(303, {
        location: '/',
        'set-cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
        ...SECURITY_HEADERS,
      });
      return void res.end();
    }
    const cookie = readCookie(req, cookieName(port));
    if (cookie === null || !sameSecret(cookie, token))
      return send(res, 401, 'Unauthorized: open the address printed when Spine Case Review started.');
    if (url.pathname.startsWith('/api/')) {
      if (!isOwnOrigin(req.headers.origin, port)) return send(res, 403, 'Forbidden: cross-origin request.');
      return handleApi(options.backend, url.pathname.slice(5), req, res);
    }
    if (url.pathname.startsWith('/upload/')) {
      if (!isOwnOrigin(req.headers.origin, port)) return send(res, 403, 'Forbidden: cross-origin request.');
      return handleUpload(options.backend.ctx.uploads, url.pathname.slice(8), req, res, (status, message) =>
        status === 413 ? sendAndClose(req, res, status, message) : send(res, status, message),
      );
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
    if (/^\/(images|thumbnails|bundles)\//.test(url.pathname))
      return serveAsset(options.backend, url.pathname, res);
    serveStatic(rendererDir, url.pathname, res, SECURITY_HEADERS);
  };

  const server = createServer(guarded(route, (res, status, message) => send(res, status, message), log));
  // Requests Node's parser rejects (bad request line, oversized headers): 400 and close, never a crash.
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      done({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () => new Promise((closed) => server.close(() => closed())),
      });
    });
  });
}
