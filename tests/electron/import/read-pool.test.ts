import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadPool } from '../../../electron/services/import/read-pool.ts';
import { storeLayout } from '../../../electron/services/store/layout.ts';
import { tempDir } from '../../support/temp-backend.ts';

/** Worker stand-ins: each reacts to the file name the way a pathological file would make a reader react. */
const WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (task) => {
  if (task.path.endsWith('hang')) { for (;;) {} }
  if (task.path.endsWith('huge')) { const keep = []; for (;;) keep.push(new Array(1e6).fill(1)); }
  parentPort.postMessage({ kind: 'skipped', reason: 'ok', id: task.id, path: task.path });
});`;

let dir: ReturnType<typeof tempDir>;
let pool: ReadPool | null = null;
afterEach(async () => {
  await pool?.close();
  dir.dispose();
});

function makePool(taskTimeoutMs: number): ReadPool {
  dir = tempDir('scr-pool-');
  const script = join(dir.path, 'worker.cjs');
  writeFileSync(script, WORKER);
  pool = new ReadPool(storeLayout(dir.path), { workerScript: script, size: 2, taskTimeoutMs, memoryMb: 64 });
  return pool;
}

describe('import reader pool', () => {
  it('fails a file that takes too long, and keeps reading the others', async () => {
    const p = makePool(500);
    const results = await Promise.all(['a', 'hang', 'b', 'c'].map((path, id) => p.read({ id, path })));
    expect(results.map((r) => r.kind)).toEqual(['skipped', 'failed', 'skipped', 'skipped']);
    expect(results[1]).toMatchObject({ reason: 'reading took longer than 1 s', path: 'hang' });
  });

  it('fails a file that exhausts the reader’s memory limit, and keeps reading the others', async () => {
    const p = makePool(30_000);
    const results = await Promise.all(['huge', 'a', 'b'].map((path, id) => p.read({ id, path })));
    expect(results[0]).toMatchObject({ kind: 'failed', path: 'huge' });
    expect(results[0]!.kind === 'failed' && results[0]!.reason).toMatch(/^the reader (crashed|stopped)/);
    expect(results.slice(1).map((r) => r.kind)).toEqual(['skipped', 'skipped']);
  }, 60_000);
});
