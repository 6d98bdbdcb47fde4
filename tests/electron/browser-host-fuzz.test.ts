// A few thousand random and malformed requests against the real browser host process: it answers
// each (or closes the socket) and still serves the app afterwards. Seeded: SCR_FUZZ_SEED replays a run.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../shared/phantom/prng.ts';
import { rawRequest } from '../support/raw-http.ts';
import { tempDir } from '../support/temp-backend.ts';

const REQUESTS = 3000;
const CONCURRENCY = 8;
const SEED = Number(process.env.SCR_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`browser-host fuzz seed: ${SEED} (replay with SCR_FUZZ_SEED=${SEED})`);

const work = tempDir('scr-host-fuzz-');
let child: ChildProcess;
let port = 0;
let token = '';
let stderr = '';

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--node-only', '--quiet']);
  const renderer = join(work.path, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>app</title>');
  child = spawn(process.execPath, ['dist/node/browser-host.js'], {
    env: { ...process.env, SCR_DATA_DIR: join(work.path, 'data'), SCR_RENDERER_DIR: renderer },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /running at (\S+)/.exec(out);
      if (m) done(m[1]!);
    });
    child.on('exit', (code) => fail(new Error(`browser host exited (${code}): ${stderr}`)));
  });
  const parsed = new URL(url);
  port = Number(parsed.port);
  token = parsed.searchParams.get('token')!;
}, 120_000);

afterAll(() => {
  child?.kill('SIGTERM');
  work.dispose();
});

function requestMaker(random: () => number): () => Uint8Array {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const bytes = (n: number): string =>
    String.fromCharCode(...Array.from({ length: n }, () => Math.floor(random() * 256)));
  const methods = [
    'GET',
    'POST',
    'PUT',
    'HEAD',
    'DELETE',
    'OPTIONS',
    'PATCH',
    'TRACE',
    'CONNECT',
    'G\x00T',
    bytes(4),
    '',
  ];
  const targets = () => [
    '/',
    '/?token=' + pick([token, 'x', '%', '']),
    '//[',
    '/api/' + pick(['cases.list', 'cases.get', 'imports.start', 'session.signIn', 'nope', '%E0%A4%A', '']),
    '/upload/' + pick(['', 'x/y', '00000000-0000-0000-0000-000000000000/a', '%00/..', '../..']),
    '/images/' + pick(['1', '-1', '99999999999999999999', 'abc', '%2e%2e']),
    '/thumbnails/' + pick(['1.png', 'x.png', '.png']),
    '/assets/' + bytes(8),
    '/' + 'a'.repeat(Math.floor(random() * 20000)),
    bytes(12),
    '*',
    'http://127.0.0.1/',
  ];
  const cookies = () => [
    `scr_token_${port}=${token}`,
    `scr_token_${port}=%E0%A4%A`,
    `scr_token_${port}=${bytes(20)}`,
    `=${token}; ;;=`,
    bytes(40),
    `scr_token_${port}=${'%'.repeat(100)}`,
  ];
  const bodies = () => [
    '',
    '{}',
    '{"id":1}',
    '{"paths":["/etc/passwd"]}',
    '{',
    'null',
    '[]',
    '{"id":' + '['.repeat(5000) + '}',
    bytes(Math.floor(random() * 2000)),
  ];
  return () => {
    const method = random() < 0.7 ? pick(['GET', 'POST', 'PUT']) : pick(methods);
    const target = pick(targets());
    const headers: string[] = [];
    if (random() < 0.9)
      headers.push(
        `Host: ${pick([`127.0.0.1:${port}`, `localhost:${port}`, 'evil.example', '', bytes(10)])}`,
      );
    if (random() < 0.7)
      headers.push(`Cookie: ${random() < 0.6 ? `scr_token_${port}=${token}` : pick(cookies())}`);
    if (random() < 0.8)
      headers.push(`Content-Type: ${random() < 0.8 ? 'application/json' : pick(['text/plain', bytes(6)])}`);
    if (random() < 0.3)
      headers.push(`Origin: ${pick([`http://127.0.0.1:${port}`, 'http://evil.example', 'null', bytes(5)])}`);
    const body = pick(bodies());
    const length =
      random() < 0.75
        ? String(body.length)
        : pick([String(body.length + 10), '-1', '99999999999', 'abc', null]);
    if (length !== null) headers.push(`Content-Length: ${length}`);
    if (random() < 0.1) headers.push(`Transfer-Encoding: ${pick(['chunked', 'gzip', bytes(4)])}`);
    if (random() < 0.05) headers.push(`${bytes(6)}: ${bytes(12)}`);
    if (random() < 0.05) headers.push(`X-Big: ${'b'.repeat(20000)}`);
    const version = random() < 0.85 ? 'HTTP/1.1' : pick(['HTTP/1.0', 'HTTP/2.0', 'HTTP/9', bytes(8)]);
    const head = `${method} ${target} ${version}\r\n${headers.join('\r\n')}\r\n\r\n`;
    const text = random() < 0.05 ? bytes(Math.floor(random() * 500)) : head + body;
    return Buffer.from(text, 'latin1');
  };
}

describe('browser host under request fuzzing', () => {
  it(`answers or closes each of ${REQUESTS} random requests and still serves the app`, async () => {
    const next = requestMaker(mulberry32(SEED));
    const requests = Array.from({ length: REQUESTS }, next);
    const statuses = new Map<string, number>();
    for (let i = 0; i < requests.length; i += CONCURRENCY) {
      const replies = await Promise.all(requests.slice(i, i + CONCURRENCY).map((r) => rawRequest(port, r)));
      for (const reply of replies) {
        const key = String(reply.status ?? 'closed');
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        expect(reply.status === null || reply.status < 500, `a 5xx answer: ${reply.text.slice(0, 200)}`).toBe(
          true,
        );
      }
      expect(child.exitCode, `the host died: ${stderr}`).toBeNull();
    }
    console.log(`fuzz answers: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    const page = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { cookie: `scr_token_${port}=${token}` },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>app</title>');
    expect(child.exitCode).toBeNull();
  }, 600_000);
});
