import { net, protocol } from 'electron';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { Backend } from '../backend/create-backend.ts';
import { resolveAsset } from '../services/assets/asset-routes.ts';
import { CONTENT_SECURITY_POLICY } from '../services/csp.ts';
import { resolveInside } from '../services/safe-path.ts';
import { APP_SCHEME } from './window-options.ts';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serves the built renderer from disk (paths outside it are refused) and the image assets. */
export function serveRenderer(rendererDir: string, backend: Backend): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const asset = url.host === 'renderer' ? await resolveAsset(backend.ctx, url.pathname) : null;
    if (asset?.kind === 'error') return new Response(asset.message, { status: asset.status });
    // Patient images: never embedded by another origin.
    const corp = { 'cross-origin-resource-policy': 'same-origin' };
    if (asset?.kind === 'bytes')
      return new Response(asset.bytes, { headers: { 'content-type': asset.contentType, ...corp } });
    if (asset?.kind === 'file') {
      const stream = Readable.toWeb(createReadStream(asset.path)) as ReadableStream;
      return new Response(stream, {
        headers: { 'content-type': asset.contentType, 'content-length': String(asset.size), ...corp },
      });
    }
    const file = url.host === 'renderer' ? resolveInside(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
