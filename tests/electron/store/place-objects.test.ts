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

// Two batches into the same fan-out folders (names chosen, not hashed): the second batch adds
// three files to an existing folder and one to a new one.
const CHILD_TWO_BATCHES = `
import { placeObjects } from '../electron/services/store/place-objects.ts';
import { stageObject } from '../electron/services/store/stage-object.ts';
import { storeLayout } from '../electron/services/store/layout.ts';
const store = storeLayout(process.argv[2]);
const name = (prefix, i) => prefix + String(i).padStart(62, '0');
const batch = async (names) => {
  const staged = [];
  for (const n of names) staged.push({ ...(await stageObject(store, new TextEncoder().encode(n), n)) });
  await placeObjects(store, staged);
};
await batch([name('aa', 1), name('bb', 1)]);
process.stdout.write('first placed\\n');
await batch([name('aa', 2), name('aa', 3), name('aa', 4), name('cc', 1)]);
process.stdout.write('second placed\\n');
`;

/** Runs `child` (TypeScript) under strace; returns each fsynced path per stretch between its "… placed" lines. */
function syncsByBatch(child: string, dataDir: string, logDir: string): string[][] {
  const source = join(process.cwd(), '.cache', `place-child-${process.pid}-${child.length}.ts`);
  writeFileSync(source, child);
  const script = source.replace(/\.ts$/, '.mjs');
  buildSync({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'error',
  });
  const log = join(logDir, `strace-${child.length}.log`);
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
  const batches: string[][] = [[]];
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    if (/write\(1<[^>]*>, "[a-z ]*placed\\n"/.test(line)) batches.push([]);
    const synced = /f(?:data)?sync\(\d+<([^>]+)>/.exec(line)?.[1];
    if (synced) batches.at(-1)!.push(synced);
  }
  return batches;
}

describe.skipIf(!hasStrace)('the store’s batch barrier', () => {
  const work = tempDir('scr-place-');
  afterAll(() => work.dispose());

  it('syncs each changed folder once per batch, again in a later batch that adds to it', () => {
    const dataDir = join(work.path, 'two-batches');
    const [first, second] = syncsByBatch(CHILD_TWO_BATCHES, dataDir, work.path);
    const objects = join(dataDir, 'store', 'objects');
    const count = (list: string[], path: string) => list.filter((p) => p === path).length;
    const aa = join(objects, 'aa');
    // The first batch made aa/ and bb/: both synced once, and objects/ (their parent) too.
    expect(count(first!, aa)).toBe(1);
    expect(count(first!, join(objects, 'bb'))).toBe(1);
    expect(count(first!, objects)).toBeGreaterThanOrEqual(1);
    // The second added three files to the existing aa/ (synced once, not three times) and made cc/.
    expect(count(second!, aa)).toBe(1);
    expect(count(second!, join(objects, 'cc'))).toBe(1);
    expect(count(second!, objects)).toBeGreaterThanOrEqual(1);
    expect(second).not.toContain(join(objects, 'bb'));
    for (const i of [2, 3, 4]) expect(second).toContain(join(aa, `aa${String(i).padStart(62, '0')}.dcm`));
  });

  it('fsyncs every placed file and every changed directory before the batch may commit', () => {
    const dataDir = join(work.path, 'data');
    const batches = syncsByBatch(CHILD, dataDir, work.path);
    expect(batches.length, 'the child reported the batch placed').toBeGreaterThan(1);
    const synced = new Set(batches[0]);
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
