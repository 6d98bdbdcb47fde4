// Findings of the loopback attacker probe: each request here once crashed, stalled or over-shared.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBrowserHost } from '../../electron/browser-host/server.ts';
import { startBrowserHost } from '../../electron/browser-host/server.ts';
import { uploadNames } from '../../electron/browser-host/upload.ts';
import { UploadStaging } from '../../electron/services/import/upload-staging.ts';
import { PYDICOM_TEST_FILES, hasPydicomCorpus, pydicomCorpusMissing } from '../support/dicom-corpus.ts';
import { importPaths, signedIn } from '../support/import.ts';
import { rawRequest } from '../support/raw-http.ts';
import { titled } from '../support/reference-tools.ts';
import type { TempBackend } from '../support/temp-backend.ts';
import { tempBackend, tempDir } from '../support/temp-backend.ts';

let b: TempBackend;
let host: RunningBrowserHost;
let site: ReturnType<typeof tempDir>;

const cookie = (): string => `scr_token_${host.port}=${host.token}`;
const hostHeader = (): string => `127.0.0.1:${host.port}`;
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${host.port}${path}`, { headers: { cookie: cookie(), ...headers } });
const api = (method: string, body: unknown) =>
  fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
    method: 'POST',
    headers: { cookie: cookie(), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  b = tempBackend();
  site = tempDir();
  writeFileSync(join(site.path, 'index.html'), '<!doctype html><title>app</title>');
  host = await startBrowserHost({ backend: b, rendererDir: site.path });
});
afterAll(async () => {
  await host.close();
  await b.dispose();
  site.dispose();
});

describe('requests that used to end the process', () => {
  it('answers 400 to a malformed cookie, and goes on serving', async () => {
    const r = await rawRequest(
      host.port,
      `GET / HTTP/1.1\r\nHost: ${hostHeader()}\r\nCookie: scr_token_${host.port}=%E0%A4%A\r\n\r\n`,
    );
    expect(r.status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  it('answers 400 to the request target //[ , and goes on serving', async () => {
    const r = await rawRequest(host.port, `GET //[ HTTP/1.1\r\nHost: ${hostHeader()}\r\n\r\n`);
    expect(r.status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });
});

describe('bodies and uploads', () => {
  it('answers 413 to an API body over the limit before closing the connection', async () => {
    const body = `{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`;
    const declared = await rawRequest(
      host.port,
      `POST /api/cases.list HTTP/1.1\r\nHost: ${hostHeader()}\r\nCookie: ${cookie()}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    expect(declared.status).toBe(413);
    // Without a declared length (chunked): the limit is found while reading.
    const chunked = await rawRequest(
      host.port,
      `POST /api/cases.list HTTP/1.1\r\nHost: ${hostHeader()}\r\nCookie: ${cookie()}\r\n` +
        `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n` +
        `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
    );
    expect(chunked.status).toBe(413);
  });

  it('answers 400, not 500, to uploads with an empty or invalid name', async () => {
    await signedIn(b);
    const uploadId = b.ctx.uploads.begin();
    const put = (name: string) =>
      fetch(`http://127.0.0.1:${host.port}/upload/${uploadId}/${name}`, {
        method: 'PUT',
        headers: { cookie: cookie() },
        body: 'hello',
      }).then((r) => r.status);
    for (const name of ['', 'CD//IM1', '%00', 'a%ZZ', 'CD/%20', 'a%3Cb', 'x'.repeat(300), 'IM1/'])
      expect(await put(name), JSON.stringify(name)).toBe(400);
    expect(await put('CD/DICOM/IM1')).toBe(204);
    await b.ctx.uploads.remove(uploadId);
    expect(uploadNames('CD/DICOM/IM%201')).toEqual(['CD', 'DICOM', 'IM 1']);
  });

  it('caps open uploads and staged bytes, and expires idle uploads', async () => {
    const dir = tempDir();
    let now = 0;
    const staging = new UploadStaging(
      join(dir.path, 'incoming'),
      { maxOpen: 2, maxStagedBytes: 100, idleMs: 1000 },
      () => now,
    );
    const first = staging.begin();
    const second = staging.begin();
    expect(() => staging.begin()).toThrow(/Too many uploads/);
    expect(staging.reserve(first, 60)).toBe(true);
    expect(staging.reserve(second, 60)).toBe(false);
    staging.claim(first);
    now = 5000;
    expect(await staging.expireIdle()).toBe(1);
    expect(staging.dirOf(second)).toBeNull();
    expect(staging.claim(first)).toBeNull();
    staging.begin();
    staging.close();
    dir.dispose();
  });
});

describe('serving only what it must', () => {
  it('refuses imports of server paths over HTTP, without saying whether the path exists', async () => {
    await signedIn(b);
    for (const path of ['/etc/passwd', '/no/such/file']) {
      const r = (await (await api('imports.start', { paths: [path] })).json()) as {
        ok: boolean;
        error: { code: string; message: string };
      };
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(r.error.message).not.toContain(path);
    }
  });

  it.skipIf(!hasPydicomCorpus)(
    titled(
      'serves images and thumbnails same-origin only; 50 concurrent first thumbnail requests all succeed',
      pydicomCorpusMissing,
    ),
    async () => {
      await signedIn(b);
      const result = await importPaths(b, [join(PYDICOM_TEST_FILES, 'MR_small.dcm')]);
      expect(result.imported).toBe(1);
      const seriesId = (b.ctx.db.prepare('SELECT id FROM series').get() as { id: number }).id;
      const instanceId = (b.ctx.db.prepare('SELECT id FROM instances').get() as { id: number }).id;
      const image = await get(`/images/${instanceId}`);
      expect(image.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      const replies = await Promise.all(Array.from({ length: 50 }, () => get(`/thumbnails/${seriesId}.png`)));
      expect(replies.map((r) => r.status)).toEqual(Array(50).fill(200));
      for (const r of replies) expect(r.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      const bodies = await Promise.all(replies.map(async (r) => Buffer.from(await r.arrayBuffer())));
      for (const body of bodies) expect(body.equals(bodies[0]!)).toBe(true);
    },
  );

  it.skipIf(!hasPydicomCorpus)(
    titled('a thumbnail that cannot be made says why, naming no path', pydicomCorpusMissing),
    async () => {
      await signedIn(b);
      await importPaths(b, [join(PYDICOM_TEST_FILES, 'CT_small.dcm')]);
      const row = b.ctx.db
        .prepare(
          "SELECT s.id, i.file_path AS file FROM series s JOIN instances i ON i.series_id = s.id WHERE s.modality = 'CT'",
        )
        .get() as { id: number; file: string };
      // The stored object damaged behind the app's back (disk fault): the header stays, the pixels go.
      const stored = join(b.dataDir, 'store', row.file);
      mkdirSync(join(b.dataDir, 'store'), { recursive: true });
      writeFileSync(stored, Buffer.from('not DICOM any more'));
      const r = await get(`/thumbnails/${row.id}.png`);
      expect(r.status).toBe(422);
      const text = await r.text();
      expect(text).toMatch(/cannot be shown/);
      expect(text).not.toContain('/');
      expect(text).not.toContain(b.dataDir);
    },
  );
});
