// 2,000 seeded mutations of pydicom's corpus and the phantom through the header reader and the pixel
// decoder in the import workers: every input ends with an image or a clear reason, never a crash or hang.
import { afterAll, describe, expect, it } from 'vitest';
import { PYDICOM_TEST_FILES, hasPydicomCorpus, pydicomCorpusMissing } from '../support/dicom-corpus.ts';
import { testImportWorker } from '../support/import-worker.ts';
import { titled } from '../support/reference-tools.ts';
import { tempDir } from '../support/temp-backend.ts';
import { corpusSeeds, phantomSeeds } from '../fuzz/fuzz-seeds.ts';
import { formatReport, runFuzz } from '../fuzz/run-fuzz.ts';

const SEED = Number(process.env.SCR_PARSER_FUZZ_SEED ?? 2026);
const phantom = tempDir('scr-fuzz-phantom-');
afterAll(() => phantom.dispose());

describe.skipIf(!hasPydicomCorpus)(titled('parser fuzzing', pydicomCorpusMissing), () => {
  it(`2,000 mutated files (seed ${SEED}): no crash, no hang, every refusal with a reason`, async () => {
    const seeds = [...corpusSeeds(PYDICOM_TEST_FILES), ...(await phantomSeeds(phantom.path))];
    const report = await runFuzz({ seed: SEED, count: 2000, seeds, workerScript: testImportWorker() });
    console.log(formatReport(report));
    expect(report.inputs).toBe(2000);
    expect(report.crashes).toEqual([]);
    expect(report.hangs).toEqual([]);
    expect(report.decoded + report.headerOnly + report.refused + report.overMemory.length).toBe(2000);
    for (const reason of report.reasons.keys()) expect(reason.length).toBeGreaterThan(10);
    // Sequence bombs are refused by the nesting limit, never by exhausting the stack.
    const reasons = [...report.reasons.keys()];
    expect(reasons.filter((r) => /call stack|too much recursion/i.test(r))).toEqual([]);
    expect(reasons.some((r) => /nests sequences more than N levels deep/.test(r))).toBe(true);
  }, 600_000);

  // Inputs that hung or crashed in 100,000-input runs (`npm run fuzz -- --seed S --only N`), replayed.
  const FOUND: { seed: number; inputs: number[]; what: string }[] = [
    { seed: 20261202, inputs: [76628], what: 'J2K tiles 12,648,704 wide in a 3.7-gigapixel-wide codestream' },
  ];
  for (const found of FOUND)
    it(`earlier findings (seed ${found.seed}: ${found.what}) are refused with a reason`, async () => {
      const seeds = [...corpusSeeds(PYDICOM_TEST_FILES), ...(await phantomSeeds(phantom.path))];
      const report = await runFuzz({
        seed: found.seed,
        count: found.inputs.length,
        only: found.inputs,
        seeds,
        workerScript: testImportWorker(),
      });
      expect(report.hangs).toEqual([]);
      expect(report.crashes).toEqual([]);
      expect(report.refused).toBe(found.inputs.length);
    }, 120_000);
});
