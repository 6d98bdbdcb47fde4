import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generatePhantom } from '../phantom/generate-phantom.ts';
import type { PhantomManifest } from '../phantom/generate-phantom.ts';

/** The synthetic demo case: what the case looks like in the case list, and its question for the team. */
export const DEMO_CASE = {
  title: 'DEMO (synthetic) — failed L4–S1 fusion, recurrent leg pain',
  clinicalQuestion:
    'Synthetic teaching case. Loose S1 screw with a lucent halo, suspected L5–S1 pseudarthrosis, adjacent L3–L4 ' +
    'degeneration: revise L5–S1 (and extend to L3?) or continue non-operative care?',
} as const;

/** Generates the demo imaging (deterministic, seed 1) into a staging folder removed after import. */
export async function generateDemoImaging(
  stagingDir: string,
): Promise<{ manifest: PhantomManifest; cleanup: () => Promise<void> }> {
  const manifest = await generatePhantom({ outDir: stagingDir, seed: 1 });
  return {
    manifest,
    cleanup: () => rm(stagingDir, { recursive: true, force: true }),
  };
}

export const demoDicomDir = (manifest: PhantomManifest): string => join(manifest.outDir, 'DICOM');
