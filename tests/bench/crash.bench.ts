// bench:crash — crash safety under load: `cli import` of a 1,500-file study SIGKILLed at random
// moments SCR_BENCH_KILLS times (200 by default), the data folder checked after each restart (rows
// point at whole files, no stray or temp files, no run left running), then one import to the end.
// Counts, not timings: any problem is reported (and the bench exits non-zero). Last line: JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importAndKill, storeProblems } from '../support/crash-check.ts';
import { PYDICOM_TEST_FILES, cloneSeries } from '../support/dicom-corpus.ts';
import { printFigures } from './bench-support.ts';

const KILLS = Number(process.env.SCR_BENCH_KILLS ?? 200);
const FILES = 1500;
const work = mkdtempSync(join(tmpdir(), 'scr-bench-crash-'));
const source = join(work, 'source');
const dataDir = join(work, 'data');
cloneSeries(join(PYDICOM_TEST_FILES, 'CT_small.dcm'), source, FILES, '8');

let killed = 0;
let shrank = 0;
let previous = 0;
const problems: string[] = [];
const t0 = performance.now();
for (let i = 0; i < KILLS; i++) {
  // Restart from an empty folder every 10 kills so kills land in every phase, not only near the end.
  if (i % 10 === 0) rmSync(dataDir, { recursive: true, force: true });
  const delay = 150 + Math.floor(Math.random() * 1500);
  if ((await importAndKill(dataDir, source, delay)) === 'SIGKILL') killed++;
  const check = await storeProblems(dataDir);
  problems.push(...check.problems.map((p) => `kill ${i + 1}: ${p}`));
  if (i % 10 !== 0 && check.indexed < previous) shrank++;
  previous = check.indexed;
  if ((i + 1) % 20 === 0) console.log(`${i + 1}/${KILLS} kills, ${problems.length} problem(s)`);
}
const finished = (await importAndKill(dataDir, source, null)) === null;
const end = await storeProblems(dataDir);
rmSync(work, { recursive: true, force: true });
printFigures('crash', {
  kills: KILLS,
  killedMidImport: killed,
  problems: problems.length + end.problems.length,
  firstProblems: [...problems, ...end.problems].slice(0, 5),
  indexShrankAfterKill: shrank,
  finalImportCompleted: finished,
  finalIndexed: end.indexed,
  expectedIndexed: FILES,
  minutes: Math.round((performance.now() - t0) / 600) / 100,
});
if (problems.length || end.problems.length || shrank || !finished || end.indexed !== FILES)
  process.exitCode = 1;
