// `npm run fuzz -- --seed N --count N [--workers N] [--json FILE] [--only N,N,...]`: mutation fuzzing
// of the DICOM read path, seeded from pydicom's corpus and the synthetic phantom. Exits 1 on any crash
// or hang. `--only` replays the listed input numbers of that seed (a finding reproduced on its own).
import { writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PYDICOM_TEST_FILES } from '../support/dicom-corpus.ts';
import { testImportWorker } from '../support/import-worker.ts';
import { corpusSeeds, phantomSeeds } from './fuzz-seeds.ts';
import { formatReport, runFuzz } from './run-fuzz.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '2' },
    json: { type: 'string' },
    only: { type: 'string' },
  },
});
const seed = Number(values.seed);
const only = values.only?.split(',').map(Number);
const count = only?.length ?? Number(values.count);
const phantomDir = mkdtempSync(join(tmpdir(), 'scr-fuzz-phantom-'));
try {
  const seeds = [...corpusSeeds(PYDICOM_TEST_FILES), ...(await phantomSeeds(phantomDir))];
  console.log(`fuzzing ${count} inputs from ${seeds.length} seed files (seed ${seed})`);
  const started = Date.now();
  const report = await runFuzz({
    seed,
    count,
    seeds,
    workerScript: testImportWorker(),
    workers: Number(values.workers),
    only,
    onProgress: (done) =>
      console.log(`  ${done} inputs, ${((done / (Date.now() - started)) * 1000).toFixed(0)}/s`),
  });
  console.log(formatReport(report));
  if (values.json)
    writeFileSync(
      values.json,
      JSON.stringify({ ...report, reasons: Object.fromEntries(report.reasons) }, null, 2),
    );
  process.exitCode = report.crashes.length || report.hangs.length ? 1 : 0;
} finally {
  rmSync(phantomDir, { recursive: true, force: true });
}
