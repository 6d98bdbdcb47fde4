// Hostile files under 10 MB (a deflated DICOM that inflates to 1.5 GB, a zip declaring 3 × 512 MiB)
// uploaded and imported through the real browser host: the import fails cleanly with a reason, the
// host's peak RSS stays under 600 MB, and other requests are answered meanwhile.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PYTHON } from '../support/dicom-corpus.ts';
import type { SpawnedHost } from '../support/spawned-host.ts';
import { spawnHost } from '../support/spawned-host.ts';
import { tempDir } from '../support/temp-backend.ts';

const RSS_LIMIT_MB = 600;
const work = tempDir('scr-bombs-');
const bombs = join(work.path, 'bombs');
let host: SpawnedHost;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--node-only', '--quiet']);
  execFileSync(SYSTEM_PYTHON, ['tests/support/make_bombs.py', bombs]);
  const renderer = join(work.path, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>app</title>');
  host = await spawnHost(join(work.path, 'data'), renderer);
  await host.call('session.signIn', { name: 'Dr. Bomb', discipline: 'radiology' });
}, 300_000);

afterAll(() => {
  host?.stop();
  work.dispose();
});

async function uploadAndImport(
  file: string,
): Promise<{ failed: { path: string; reason: string }[]; answered: number }> {
  const begun = await host.call<{ uploadId: string }>('imports.beginUpload');
  const uploadId = begun.value!.uploadId;
  const put = await fetch(`${host.origin}/upload/${uploadId}/${file}`, {
    method: 'PUT',
    headers: { cookie: host.cookie },
    body: readFileSync(join(bombs, file)),
  });
  expect(put.status).toBe(204);
  const started = await host.call<{ importId: number }>('imports.start', { uploadId });
  const importId = started.value!.importId;
  // Other requests go on being answered while the bomb is read.
  let answered = 0;
  for (;;) {
    const status = await host.call<{ state: string; failed: { path: string; reason: string }[] }>(
      'imports.status',
      { importId },
    );
    const other = await host.call('cases.list', {});
    expect(other.ok).toBe(true);
    answered++;
    if (status.value!.state !== 'running') {
      expect(status.value!.state).toBe('done');
      return { failed: status.value!.failed, answered };
    }
  }
}

describe('files built to exhaust memory', () => {
  it('are under 10 MB each', () => {
    for (const f of ['deflate-bomb.dcm', 'zip-bomb.zip'])
      expect(statSync(join(bombs, f)).size).toBeLessThan(10e6);
  });

  it('a deflated DICOM that inflates to 1.5 GB is refused with a reason', async () => {
    const before = host.peakRssMb();
    const { failed, answered } = await uploadAndImport('deflate-bomb.dcm');
    expect(failed.map((f) => f.path)).toEqual(['deflate-bomb.dcm']);
    expect(failed[0]!.reason).toMatch(/more than the \d+ bytes its header justifies/);
    expect(answered).toBeGreaterThan(0);
    console.log(
      `deflate bomb: host peak RSS ${before.toFixed(0)} MB before, ${host.peakRssMb().toFixed(0)} MB after`,
    );
    expect(host.peakRssMb()).toBeLessThan(RSS_LIMIT_MB);
  }, 300_000);

  it('a zip declaring three 512 MiB entries is refused entry by entry with a reason', async () => {
    const before = host.peakRssMb();
    const { failed } = await uploadAndImport('zip-bomb.zip');
    expect(failed.map((f) => f.path).sort()).toEqual([
      'zip-bomb.zip/CD/IM0',
      'zip-bomb.zip/CD/IM1',
      'zip-bomb.zip/CD/IM2',
    ]);
    for (const f of failed) expect(f.reason).toMatch(/expands more than 100-fold/);
    console.log(
      `zip bomb: host peak RSS ${before.toFixed(0)} MB before, ${host.peakRssMb().toFixed(0)} MB after`,
    );
    expect(host.peakRssMb()).toBeLessThan(RSS_LIMIT_MB);
  }, 300_000);
});
