import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-backend.ts';

// The store's durability barrier, observed at the system-call level: a child process stages a
// batch (no fsync), places it, and only then prints "placed" (where the importer would commit the
// batch's rows). strace shows every fsync with the path of its file descriptor.
const hasStrace = existsSync('/usr/bin/strace');
if (process.env.CI && !hasStrace) throw new Error('strace is required (scripts/system-packages.sh)');

const CHILD = `
import { placeObjects } from '../electron/services/store/place-objects.ts';
import { stageObject } from '../electron/services/store/stage-object.ts';
import { storeLayout } from '../electron/services/store/layout.ts';
import { createHash } from 'node:crypto';
const store = storeLayout(process.argv[2]);
const staged = [];
for (let i = 0; i < 6; i++) {
  // Two equal contents: the second finds the first in place.
  const bytes = new TextEncoder().encode('object ' + Math.min(i, 4));
  const sha = createHash('sha256').update(bytes).digest('hex');
  staged.push({ ...(await stageObject(store, bytes, sha)) });
}
await placeObjects(store, staged);
process.stdout.write('placed\\n');
`;

describe.skipIf(!hasStrace)('the store’s batch barrier', () => {
  const work = tempDir('scr-place-');
  afterAll(() => work.dispose());

  it('fsyncs every placed file and every changed directory before the batch may commit', () => {
    const source = join(process.cwd(), '.cache', `place-child-${process.pid}.ts`);
    writeFileSync(source, CHILD);
    const script = source.replace(/\.ts$/, '.mjs');
    buildSync({
      entryPoints: [source],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: script,
      logLevel: 'error',
    });
    const dataDir = join(work.path, 'data');
    const log = join(work.path, 'strace.log');
    execFileSync('strace', [
      '-f',
      '-y',
      '-qq',
      '-o',
      log,
      '-e',
      'trace=fsync,fdatasync,write',
      process.execPath,
      script,
      dataDir,
    ]);
    const lines = readFileSync(log, 'utf8').split('\n');
    const placedAt = lines.findIndex((l) => /write\(1<[^>]*>, "placed\\n"/.test(l));
    expect(placedAt, 'the child reported the batch placed').toBeGreaterThan(0);
    const synced = new Set(
      lines
        .slice(0, placedAt)
        .map((l) => /f(?:data)?sync\(\d+<([^>]+)>/.exec(l)?.[1])
        .filter((p): p is string => !!p),
    );
    const objects = join(dataDir, 'store', 'objects');
    const dirs = readdirSync(objects).map((d) => join(objects, d));
    const files = dirs.flatMap((d) => readdirSync(d).map((f) => join(d, f)));
    expect(files).toHaveLength(5);
    for (const path of [...files, ...dirs, objects]) expect(synced, path).toContain(path);
    // Nothing is left staged, and nothing was fsynced while staging (the barrier is per batch).
    expect(readdirSync(join(dataDir, 'store', 'tmp'))).toEqual([]);
    expect([...synced].some((p) => p.includes(`${join('store', 'tmp')}/`))).toBe(false);
  });
});
