import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { PhantomGroundTruth } from '../../../shared/phantom/ground-truth.ts';
import { builtPhantomFingerprint, cachedPhantom } from './phantom-cache.ts';
import type { PhantomJob } from './phantom-job.ts';
import { generatePhantomJob } from './phantom-job.ts';

/** The synthetic demo case: what the case looks like in the case list, and its question for the team. */
export const DEMO_CASE = {
  title: 'DEMO (synthetic) — failed L4–S1 fusion, recurrent leg pain',
  clinicalQuestion:
    'Synthetic teaching case. Loose S1 screw with a lucent halo, suspected L5–S1 pseudarthrosis, adjacent L3–L4 ' +
    'degeneration: revise L5–S1 (and extend to L3?) or continue non-operative care?',
} as const;

/** The demo's imaging: deterministic (seed 1), the generator's default CT size. */
export const DEMO_PHANTOM = { seed: 1, ctSlices: 375, ctMatrix: 512 } as const;

/**
 * The demo patient and ground truth without generating any image (what the case page needs first).
 * Loaded on use: the phantom's modules build tables when loaded, which every CLI start would pay.
 */
export async function demoGroundTruth(): Promise<PhantomGroundTruth> {
  const [{ buildGroundTruth }, { patientIdFor }] = await Promise.all([
    import('../../../shared/phantom/ground-truth.ts'),
    import('../phantom/dicom-modules.ts'),
  ]);
  return buildGroundTruth(DEMO_PHANTOM.seed, patientIdFor(DEMO_PHANTOM.seed));
}

/** The phantom worker ships beside the import worker (same folder, same extension). */
export function phantomWorkerBeside(importWorker: string | null): string | null {
  if (!importWorker) return null;
  const ext = extname(importWorker);
  const name = basename(importWorker, ext).replace('import-worker', 'phantom-worker');
  return join(dirname(importWorker), `${name}${ext}`);
}

/**
 * The demo's DICOM folder. Kept in `<dataDir>/cache/` when the build knows its generator's
 * fingerprint (then a second load generates nothing); otherwise generated into `incoming/` and
 * removed by `cleanup` after the import.
 */
export async function demoImaging(
  dataDir: string,
  workerScript: string | null,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ dicomDir: string; cleanup: () => Promise<void> }> {
  const generateInto = (outDir: string): Promise<void> =>
    generatePhantomJob({ outDir, ...DEMO_PHANTOM } satisfies PhantomJob, workerScript, onProgress);
  const fingerprint = builtPhantomFingerprint();
  if (fingerprint) {
    const entry = await cachedPhantom(join(dataDir, 'cache'), { ...DEMO_PHANTOM, fingerprint }, generateInto);
    return { dicomDir: join(entry, 'DICOM'), cleanup: async () => {} };
  }
  const outDir = join(dataDir, 'incoming', `demo-${randomUUID()}`);
  await generateInto(outDir);
  return { dicomDir: join(outDir, 'DICOM'), cleanup: () => rm(outDir, { recursive: true, force: true }) };
}
