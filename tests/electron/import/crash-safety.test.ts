import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/create-backend.ts';
import {
  PYDICOM_TEST_FILES,
  cloneSeries,
  hasPydicomCorpus,
  pydicomCorpusMissing,
} from '../../support/dicom-corpus.ts';
import { titled } from '../../support/reference-tools.ts';
import { testImportWorker } from '../../support/import-worker.ts';
import { tempDir } from '../../support/temp-backend.ts';
import { waitFor } from '../../support/wait-for.ts';
import { mulberry32 } from '../../../shared/phantom/prng.ts';

const KILLS = 12;
const FILES = 1500;

// Kill moments come from a seeded generator: SCR_CRASH_SEED=<seed> replays a failing run exactly.
const SEED = Number(process.env.SCR_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`crash-safety seed: ${SEED} (replay with SCR_CRASH_SEED=${SEED})`);
const random = mulberry32(SEED);

/** True once the import has begun writing into the store (its temp folder holds a file). */
const importUnderWay = (dataDir: string): boolean => {
  const tmp = join(dataDir, 'store', 'tmp');
  return existsSync(tmp) && readdirSync(tmp).length > 0;
};

/**
 * Starts `node cli.js import`, waits until it is under way, then kills it with SIGKILL after
 * `delayMs` more; resolves with its exit signal (null if it finished first). `delayMs` null: no kill.
 */
async function importAndKill(
  dataDir: string,
  source: string,
  delayMs: number | null,
): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ['dist/node/cli.js', 'import', source, '--json'], {
    env: { ...process.env, SCR_DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((done) =>
    child.on('exit', (_code, signal) => done(signal)),
  );
  if (delayMs === null) return exited;
  let finished = false;
  void exited.then(() => (finished = true));
  await waitFor(() => finished || importUnderWay(dataDir));
  const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
  const signal = await exited;
  clearTimeout(timer);
  return signal;
}

/** Opens the data folder as the app does at start-up (recovery and sweep included) and checks it. */
async function checkConsistent(dataDir: string): Promise<number> {
  const backend = createBackend({ dataDir, host: 'cli', importWorker: testImportWorker() });
  await backend.ready;
  try {
    const db = backend.ctx.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const rows = db.prepare('SELECT file_path AS path, file_size AS size FROM instances').all() as {
      path: string;
      size: number;
    }[];
    for (const row of rows) expect(statSync(join(dataDir, 'store', row.path)).size, row.path).toBe(row.size);
    const objectsDir = join(dataDir, 'store', 'objects');
    const listed = existsSync(objectsDir)
      ? readdirSync(objectsDir, { recursive: true, withFileTypes: true })
      : [];
    const objects = listed.filter((e) => e.isFile());
    expect(objects.length, 'stray files in the store').toBe(rows.length);
    const tmp = join(dataDir, 'store', 'tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
    expect(db.prepare("SELECT count(*) AS n FROM import_runs WHERE state = 'running'").get()).toEqual({
      n: 0,
    });
    return rows.length;
  } finally {
    await backend.close();
  }
}

describe.skipIf(!hasPydicomCorpus)(titled('crash safety of import', pydicomCorpusMissing), () => {
  const work = tempDir('scr-crash-');
  const source = join(work.path, 'source');
  const dataDir = join(work.path, 'data');

  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--node-only', '--quiet']);
    cloneSeries(join(PYDICOM_TEST_FILES, 'CT_small.dcm'), source, FILES, '9');
  }, 120_000);
  afterAll(() => work.dispose());

  it(`survives ${KILLS} SIGKILLs at random moments and then completes to the same end state`, async () => {
    let killed = 0;
    let previous = 0;
    for (let i = 0; i < KILLS; i++) {
      const signal = await importAndKill(dataDir, source, Math.floor(random() * 500));
      if (signal === 'SIGKILL') killed++;
      const indexed = await checkConsistent(dataDir);
      expect(indexed).toBeGreaterThanOrEqual(previous);
      previous = indexed;
    }
    expect(killed, 'the import was never interrupted; the kill window is too late').toBeGreaterThan(
      KILLS / 2,
    );
    const finished = await importAndKill(dataDir, source, null);
    expect(finished).toBeNull();
    expect(await checkConsistent(dataDir)).toBe(FILES);
  }, 300_000);
});
