import type { CtGeometry, MetalSegment } from './ct-volume.ts';
import { ctGeometry, metalSegments, renderCtSlice } from './ct-volume.ts';
import type { PhantomScene } from './scene.ts';

/** Radius of the circular trabecular ROI (mm): inside the cancellous core, clear of the cortex. */
export const HU_ROI_RADIUS_MM = 7;
export const HU_VERTEBRAE = ['L1', 'L2', 'L3', 'L4'] as const;

/**
 * What a reader measures on the generated CT: the mean CT number of a circular ROI in the
 * vertebral body on the axial slice nearest its centre (Schreiber JJ et al., J Bone Joint Surg Am
 * 2011 place the ROI in trabecular bone of the mid-vertebral axial slice). Same pixels the
 * series writes (same geometry, seed, noise and metal streaks), so the demo's numbers are
 * reproducible from its images.
 */
export function measureVertebralHu(
  scene: PhantomScene,
  g: CtGeometry,
  seed: number,
  vertebra: string,
  metal: readonly MetalSegment[] = metalSegments(scene),
): { hu: number; slice: number } {
  const v = scene.column.vertebrae.find((x) => x.name === vertebra);
  if (!v) throw new Error(`No vertebra ${vertebra} in the phantom`);
  const slice = Math.round((g.topZ - v.centre[2]) / g.sliceSpacing);
  const pixels = renderCtSlice(scene, g, slice, seed, metal);
  const half = ((g.matrix - 1) / 2) * g.pixelSpacing;
  const col0 = (v.centre[0] - (g.centre[0] - half)) / g.pixelSpacing;
  const row0 = (v.centre[1] - (g.centre[1] - half)) / g.pixelSpacing;
  const r = HU_ROI_RADIUS_MM / g.pixelSpacing;
  let sum = 0;
  let n = 0;
  for (let row = Math.floor(row0 - r); row <= Math.ceil(row0 + r); row++) {
    for (let col = Math.floor(col0 - r); col <= Math.ceil(col0 + r); col++) {
      if ((row - row0) ** 2 + (col - col0) ** 2 > r * r) continue;
      sum += (pixels[row * g.matrix + col] ?? 0) - 1024;
      n += 1;
    }
  }
  return { hu: Math.round(sum / n), slice };
}

/** L1–L4 as measured on the default CT series (375 × 1 mm slices, 512² matrix). */
export function measuredLumbarHu(
  scene: PhantomScene,
  seed: number,
): Record<(typeof HU_VERTEBRAE)[number], number> {
  const g = ctGeometry(scene);
  const metal = metalSegments(scene);
  const out = {} as Record<(typeof HU_VERTEBRAE)[number], number>;
  for (const v of HU_VERTEBRAE) out[v] = measureVertebralHu(scene, g, seed, v, metal).hu;
  return out;
}
