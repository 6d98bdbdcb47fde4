import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBrowserHost } from '../../electron/browser-host/server.ts';
import { startBrowserHost } from '../../electron/browser-host/server.ts';
import type { TempBackend } from '../support/temp-backend.ts';
import { PYDICOM_TEST_FILES, hasPydicomCorpus, pydicomCorpusMissing } from '../support/dicom-corpus.ts';
import { titled } from '../support/reference-tools.ts';
import { importPaths, signedIn } from '../support/import.ts';
import { tempBackend, tempDir } from '../support/temp-backend.ts';

let b: TempBackend;
let host: RunningBrowserHost;
let site: ReturnType<typeof tempDir>;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('latin1')));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}

const cookie = () => `scr_token_${host.port}=${host.token}`;
const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { cookie: cookie(), 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  b = tempBackend();
  site = tempDir();
  mkdirSync(join(site.path, 'assets'));
  writeFileSync(join(site.path, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(site.path, 'assets', 'a.js'), 'console.log(1)');
  writeFileSync(join(site.path, '..', 'secret.txt'), 'outside');
  host = await startBrowserHost({ backend: b, rendererDir: site.path });
});
afterAll(async () => {
  await host.close();
  await b.dispose();
  site.dispose();
});

describe('browser host', () => {
  it('listens on loopback only and prints a tokenised URL', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers 401 without the token, for pages and the API', async () => {
    expect((await send('/')).status).toBe(401);
    expect((await send('/api/cases.list', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await send('/', { headers: { cookie: `scr_token_${host.port}=wrong` } })).status).toBe(401);
    expect((await send('/?token=wrong')).status).toBe(401);
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie and redirects to a clean URL', async () => {
    const r = await send(`/?token=${host.token}`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    expect(String(r.headers['set-cookie'])).toBe(
      `scr_token_${host.port}=${host.token}; HttpOnly; SameSite=Strict; Path=/`,
    );
  });

  it('refuses foreign Host headers (DNS rebinding) even with the token', async () => {
    const r = await send('/', { headers: { host: `evil.example:${host.port}`, cookie: cookie() } });
    expect(r.status).toBe(403);
    expect((await send('/', { headers: { host: `localhost:${host.port}`, cookie: cookie() } })).status).toBe(
      200,
    );
  });

  it('serves the renderer with a strict CSP and never files outside it', async () => {
    const page = await send('/', { headers: { cookie: cookie() } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>app</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await send('/assets/a.js', { headers: { cookie: cookie() } })).headers['content-type']).toContain(
      'javascript',
    );
    const escape = await send('/..%2fsecret.txt', { headers: { cookie: cookie() } });
    expect(escape.body).not.toContain('outside');
  });

  it('runs API methods and returns Results', async () => {
    const r = await api('session.signIn', { name: 'Dr. Web', discipline: 'radiology' });
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { name: 'Dr. Web' } });
    const bad = await api('cases.create', { title: '' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses cross-origin API calls, non-JSON bodies and malformed JSON', async () => {
    expect((await api('cases.list', {}, { origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await api('cases.list', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    const malformed = await send('/api/cases.list', {
      method: 'POST',
      headers: { cookie: cookie(), 'content-type': 'application/json' },
      body: '{',
    });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('accepts uploads only for a registered upload, inside its folder, from its own origin', async () => {
    const put = (path: string, headers: Record<string, string> = {}) =>
      send(path, {
        method: 'PUT',
        headers: { cookie: cookie(), 'content-length': '5', ...headers },
        body: 'hello',
      });
    expect((await put('/upload/not-registered/a.dcm')).status).toBe(404);
    const uploadId = b.ctx.uploads.begin();
    expect((await put(`/upload/${uploadId}/..%2F..%2Fescape.dcm`)).status).toBe(400);
    expect((await put(`/upload/${uploadId}/CD/DICOM/IM1`, { origin: 'http://127.0.0.1:1' })).status).toBe(
      403,
    );
    expect((await put(`/upload/${uploadId}/CD/DICOM/IM1`)).status).toBe(204);
    expect((await put(`/upload/${uploadId}/CD/DICOM/IM1`)).status).toBe(409);
    expect(readFileSync(join(b.dataDir, 'incoming', uploadId, 'CD', 'DICOM', 'IM1'), 'utf8')).toBe('hello');
    expect((await send(`/upload/${uploadId}/x`, { headers: { cookie: cookie() } })).status).toBe(405);
  });

  it('serves stored images behind the token, and 404 for unknown ones', async () => {
    expect((await send('/images/1')).status).toBe(401);
    expect((await send('/images/999', { headers: { cookie: cookie() } })).status).toBe(404);
    expect((await send('/thumbnails/999.png', { headers: { cookie: cookie() } })).status).toBe(404);
    expect((await send('/images/abc', { headers: { cookie: cookie() } })).status).toBe(404);
  });

  it.skipIf(!hasPydicomCorpus)(
    titled(
      'streams an imported image byte for byte, and a PNG thumbnail of its series',
      pydicomCorpusMissing,
    ),
    async () => {
      await signedIn(b);
      const source = join(PYDICOM_TEST_FILES, 'CT_small.dcm');
      await importPaths(b, [source]);
      const image = await send('/images/1', { headers: { cookie: cookie() } });
      expect(image.status).toBe(200);
      expect(image.headers['content-type']).toBe('application/dicom');
      expect(image.headers['cache-control']).toBe('private, no-store');
      expect(Buffer.from(image.body, 'latin1').equals(readFileSync(source))).toBe(true);
      const thumb = await send('/thumbnails/1.png', { headers: { cookie: cookie() } });
      expect(thumb.status).toBe(200);
      expect(thumb.body.slice(1, 4)).toBe('PNG');
    },
  );
});
