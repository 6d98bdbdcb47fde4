// bench:import — the importer against the disk's limits, measured in the same run (issue 4):
// a 300-slice 512×512 CT (uncompressed) imported vs `cp -r && sync` (durable copy) and
// `dcmdump +sd` (a header reader); reindex vs dcmdump; peak memory; files/s for a 3,000-file study
// in three parts (it must not slow down as the database grows). Last line: JSON of the figures.
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend/create-backend.ts';
import { generatePhantom } from '../../electron/services/phantom/generate-phantom.ts';
import { PYDICOM_TEST_FILES, cloneSeries } from '../support/dicom-corpus.ts';
import { testImportWorker } from '../support/import-worker.ts';

const SLICES = 300;
const MATRIX = 512;
const work = mkdtempSync(join(tmpdir(), 'scr-bench-import-'));
const round = (n: number, digits = 0): number => Math.round(n * 10 ** digits) / 10 ** digits;

function sizeOf(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

function seconds(fn: () => void): number {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
}

async function secondsAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
}

async function importInto(dataDir: string, paths: string[]): Promise<void> {
  const backend = createBackend({ dataDir, host: 'cli', importWorker: testImportWorker() });
  await backend.ready;
  await backend.call('session.signIn', { name: 'Bench', discipline: 'radiology' });
  const started = await backend.call('imports.start', { paths });
  if (!started.ok) throw new Error(started.error.message);
  const done = await backend.ctx.imports.wait(started.value.importId);
  if (done.failed.length || done.state !== 'done')
    throw new Error(`import ended ${done.state}: ${JSON.stringify(done.failed[0])}`);
  await backend.close();
}

const source = join(work, 'ct');
console.log(`Generating a ${SLICES}-slice ${MATRIX}² CT…`);
await generatePhantom({ outDir: source, seed: 1, ctSlices: SLICES, ctMatrix: MATRIX, include: ['ct'] });
const ct = sizeOf(join(source, 'DICOM'));
execSync('sync');
// Warm the page cache for every reader alike.
execFileSync(
  'cat',
  readdirSync(source, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name)),
  { stdio: 'ignore', maxBuffer: 1 << 30 },
);

const copySeconds = seconds(() => execSync(`cp -r '${source}' '${join(work, 'copy')}' && sync`));
const dcmdumpSeconds = seconds(() =>
  execFileSync('dcmdump', ['-q', '+sd', '+r', '-M', join(source, 'DICOM')], {
    stdio: 'ignore',
    maxBuffer: 1 << 30,
  }),
);
const dataDir = join(work, 'data');
const importSeconds = await secondsAsync(() => importInto(dataDir, [source]));
rmSync(join(dataDir, 'case-review.sqlite'));
rmSync(join(dataDir, 'case-review.sqlite-wal'), { force: true });
rmSync(join(dataDir, 'case-review.sqlite-shm'), { force: true });
const reindexSeconds = await secondsAsync(() => importInto(dataDir, [join(dataDir, 'store', 'objects')]));

// A 3,000-file study imported in three parts into one growing database.
const big = join(work, 'big');
cloneSeries(join(PYDICOM_TEST_FILES, 'CT_small.dcm'), big, 3000, '5');
const parts = [0, 1, 2].map((p) => join(big, `part${p}`));
const files = readdirSync(big).filter((f) => f.startsWith('IM'));
for (const [i, f] of files.entries()) {
  const part = parts[Math.floor(i / 1000)]!;
  execSync(`mkdir -p '${part}' && mv '${join(big, f)}' '${part}/'`);
}
const growDir = join(work, 'grow');
const partRates: number[] = [];
for (const part of parts)
  partRates.push(round(1000 / (await secondsAsync(() => importInto(growDir, [part])))));

const mbps = (s: number): number => round(ct.bytes / 1e6 / s);
const figures = {
  ctFiles: ct.files,
  ctMegabytes: round(ct.bytes / 1e6),
  importFilesPerSecond: round(ct.files / importSeconds),
  importMegabytesPerSecond: mbps(importSeconds),
  durableCopyMegabytesPerSecond: mbps(copySeconds),
  importVsDurableCopy: round(copySeconds / importSeconds, 2),
  dcmdumpFilesPerSecond: round(ct.files / dcmdumpSeconds),
  reindexFilesPerSecond: round(ct.files / reindexSeconds),
  reindexVsDcmdump: round(dcmdumpSeconds / reindexSeconds, 2),
  peakRssMegabytes: round(process.resourceUsage().maxRSS / 1024),
  study3000FilesPerSecondByPart: partRates,
  goals: { importVsDurableCopy: 0.7, reindexVsDcmdump: 1.5 },
};
rmSync(work, { recursive: true, force: true });
for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(34)} ${JSON.stringify(v)}`);
console.log(JSON.stringify(figures));
