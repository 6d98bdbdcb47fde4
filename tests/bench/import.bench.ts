// bench:import — the importer against the disk's limits, measured in the same run, runs alternating:
// `cli import` of a 300-slice 512² CT (uncompressed) vs `cp -r && sync` (a durable copy);
// `cli reindex` vs `dcmdump -q -M +sd +r` over the store (a header reader); the same import in a
// running backend (warm worker pool); files/s of a 3,000-file study vs a 300-file one (the rate
// must not fall as the study grows). Figures only, never a verdict. Last line: JSON.
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend/create-backend.ts';
import { PYDICOM_TEST_FILES, cloneSeries } from '../support/dicom-corpus.ts';
import { testImportWorker } from '../support/import-worker.ts';
import {
  alternate,
  benchPhantom,
  filesUnder,
  printFigures,
  round,
  secondsOf,
  spread,
  warmPageCache,
} from './bench-support.ts';

const ROUNDS = Number(process.env.SCR_BENCH_ROUNDS ?? 3);
const work = mkdtempSync(join(tmpdir(), 'scr-bench-import-'));
const CLI = join(process.cwd(), 'dist/node/cli.js');

function cli(dataDir: string, ...args: string[]): void {
  execFileSync(process.execPath, [CLI, ...args, '--json'], {
    env: { ...process.env, SCR_DATA_DIR: dataDir },
    stdio: 'ignore',
  });
}

const fresh = (name: string): string => {
  rmSync(join(work, name), { recursive: true, force: true });
  return join(work, name);
};

const source = join(await benchPhantom('ct300', { ctSlices: 300, ctMatrix: 512, include: ['ct'] }), 'DICOM');
const ctFiles = filesUnder(source);
const ctBytes = ctFiles.reduce((n, f) => n + statSync(f).size, 0);
execSync('sync');
warmPageCache(source);

// 1. `cli import` (a whole process: start, workers, import, exit) vs a durable copy.
const imported = await alternate(
  ROUNDS,
  () => cli(fresh('data'), 'import', source),
  () => execSync(`cp -r '${source}' '${fresh('copy')}' && sync`),
);

// 2. `cli reindex` of that store (database removed first) vs dcmdump reading the same headers.
const store = join(work, 'data', 'store', 'objects');
const dropDatabase = (): void => {
  for (const suffix of ['', '-wal', '-shm'])
    rmSync(join(work, 'data', `case-review.sqlite${suffix}`), { force: true });
};
const reindexed = await alternate(
  ROUNDS,
  () => cli(join(work, 'data'), 'reindex'),
  () => execFileSync('dcmdump', ['-q', '-M', '+sd', '+r', store], { stdio: 'ignore', maxBuffer: 1 << 30 }),
  dropDatabase,
);

// 3. The same import in a backend that is already running (the app's case: workers warm).
async function importIn(backend: ReturnType<typeof createBackend>, paths: string[]): Promise<void> {
  const started = await backend.call('imports.start', { paths });
  if (!started.ok) throw new Error(started.error.message);
  const done = await backend.ctx.imports.wait(started.value.importId);
  if (done.failed.length || done.state !== 'done')
    throw new Error(`import ended ${done.state}: ${JSON.stringify(done.failed[0])}`);
}
const small = join(work, 'small');
cloneSeries(join(PYDICOM_TEST_FILES, 'CT_small.dcm'), small, 20, '4');
const warmSeconds: number[] = [];
const warmCopySeconds: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const backend = createBackend({ dataDir: fresh('warm'), host: 'cli', importWorker: testImportWorker() });
  await backend.ready;
  await backend.call('session.signIn', { name: 'Bench', discipline: 'radiology' });
  await importIn(backend, [small]);
  warmCopySeconds.push(await secondsOf(() => execSync(`cp -r '${source}' '${fresh('copy')}' && sync`)));
  warmSeconds.push(await secondsOf(() => importIn(backend, [source])));
  await backend.close();
}

// 4. Scale: one 3,000-file study vs one of 300 (small CT files: the per-file costs dominate).
async function rateOf(count: number, tag: string): Promise<number> {
  const dir = join(work, `study${count}`);
  cloneSeries(join(PYDICOM_TEST_FILES, 'CT_small.dcm'), dir, count, tag);
  execSync('sync');
  const backend = createBackend({
    dataDir: fresh(`scale${count}`),
    host: 'cli',
    importWorker: testImportWorker(),
  });
  await backend.ready;
  await backend.call('session.signIn', { name: 'Bench', discipline: 'radiology' });
  await importIn(backend, [small]);
  const s = await secondsOf(() => importIn(backend, [dir]));
  await backend.close();
  return round(count / s);
}
const rate300 = await rateOf(300, '6');
const rate3000 = await rateOf(3000, '7');

const mbps = (s: number): number => round(ctBytes / 1e6 / s);
const med = (xs: number[]): number => spread(xs, 3).median;
rmSync(work, { recursive: true, force: true });
printFigures('import', {
  rounds: ROUNDS,
  ctFiles: ctFiles.length,
  ctMegabytes: round(ctBytes / 1e6),
  cliImportSeconds: spread(imported.ours),
  cliImportMegabytesPerSecond: mbps(med(imported.ours)),
  reference_cpSyncSeconds: spread(imported.reference),
  reference_cpSyncMegabytesPerSecond: mbps(med(imported.reference)),
  importVsDurableCopy: imported.ratio,
  cliReindexSeconds: spread(reindexed.ours),
  reference_dcmdumpSeconds: spread(reindexed.reference),
  reindexVsDcmdump: reindexed.ratio,
  warmImportSeconds: spread(warmSeconds),
  warmImportVsDurableCopy: spread(warmSeconds.map((s, i) => warmCopySeconds[i]! / s)),
  study300FilesPerSecond: rate300,
  study3000FilesPerSecond: rate3000,
  study3000VsStudy300: round(rate3000 / rate300, 2),
  peakRssMegabytes: round(process.resourceUsage().maxRSS / 1024),
  goals: { importVsDurableCopy: 0.7, reindexVsDcmdump: 1.5, study3000VsStudy300: 1 },
});
