import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildGroundTruth } from '../../../shared/phantom/ground-truth.ts';
import { phantomScene } from '../../../shared/phantom/scene.ts';
import { writeCtSeries } from './ct-series.ts';
import { patientIdFor } from './dicom-modules.ts';
import { writeFileAtomic } from './dicom-file.ts';
import { writeDxSeries } from './dx-series.ts';
import type { PhantomManifest, SeriesRecord } from './manifest.ts';
import { writeMrSeries } from './mr-series.ts';
import { phantomUid } from './uids.ts';

export type { PhantomManifest, SeriesRecord } from './manifest.ts';

export type PhantomPart = 'ct' | 'dx' | 'mr';

export interface GeneratePhantomOptions {
  /** Output folder; DICOM files go to outDir/DICOM/<series>/, the truth to outDir/ground-truth.json. */
  readonly outDir: string;
  /** Drives noise, UIDs and the patient ID (DEMO-0001 for seed 1). Same seed → same bytes. */
  readonly seed?: number;
  /** CT slices over a fixed 375 mm range (T12 to the ischial tuberosities): 375 → 1 mm, 600 → 0.625 mm. */
  readonly ctSlices?: number;
  /** CT matrix over a fixed 360 mm field of view: 512 → 0.70 mm pixels. */
  readonly ctMatrix?: number;
  readonly include?: readonly PhantomPart[];
  /** Called after each CT slice (long runs). */
  readonly onProgress?: (done: number, total: number) => void;
}

function checkOptions(o: GeneratePhantomOptions): void {
  const int = (v: number | undefined, lo: number, hi: number, name: string) => {
    if (v !== undefined && (!Number.isInteger(v) || v < lo || v > hi))
      throw new RangeError(`${name} must be an integer in ${lo}..${hi}`);
  };
  int(o.seed, 0, 2 ** 31 - 1, 'seed');
  int(o.ctSlices, 1, 2000, 'ctSlices');
  int(o.ctMatrix, 32, 1024, 'ctMatrix');
  if (!o.outDir) throw new TypeError('outDir is required');
}

/**
 * Generates the synthetic lumbar revision case: one patient, three studies (standing films, CT, MR),
 * and a ground-truth JSON. Deterministic: no clock, no randomness outside the seeded generators.
 */
export async function generatePhantom(options: GeneratePhantomOptions): Promise<PhantomManifest> {
  checkOptions(options);
  const seed = options.seed ?? 1;
  const include = new Set(options.include ?? ['ct', 'dx', 'mr']);
  const outDir = resolve(options.outDir);
  const dicomDir = join(outDir, 'DICOM');
  await mkdir(dicomDir, { recursive: true });
  const scene = phantomScene('neutral');
  // CT and MR are images of the same synthetic body in the same coordinates, so they share one
  // frame of reference (a real CT/MR pair would need registration instead).
  const frameOfReferenceUid = phantomUid(seed, 'frame-of-reference', 'supine');
  const series: SeriesRecord[] = [];
  const timingsMs: Record<string, number> = {};
  const timed = async <T>(key: string, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await run();
    timingsMs[key] = Math.round(performance.now() - t0);
    return result;
  };
  if (include.has('dx')) series.push(...(await timed('dx', () => writeDxSeries(seed, dicomDir))));
  if (include.has('ct'))
    series.push(
      await timed('ct', () =>
        writeCtSeries(
          scene,
          seed,
          dicomDir,
          options.ctSlices ?? 375,
          options.ctMatrix ?? 512,
          frameOfReferenceUid,
          options.onProgress,
        ),
      ),
    );
  if (include.has('mr'))
    series.push(...(await timed('mr', () => writeMrSeries(scene, seed, dicomDir, frameOfReferenceUid))));
  const groundTruth = {
    ...(await timed('groundTruth', () => Promise.resolve(buildGroundTruth(seed, patientIdFor(seed))))),
    series,
  };
  const groundTruthFile = join(outDir, 'ground-truth.json');
  await writeFileAtomic(
    groundTruthFile,
    new TextEncoder().encode(`${JSON.stringify(groundTruth, null, 2)}\n`),
  );
  return { outDir, groundTruthFile, series, groundTruth, timingsMs };
}
