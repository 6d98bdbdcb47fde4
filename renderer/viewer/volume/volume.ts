import * as cornerstone from 'cornerstone-core';
import type { WindowPreset } from '../../../shared/dicom/pixel-module.ts';
import type { SliceMap, VolumeGeometry, VoxelArray } from '../../../shared/viewer/reformat.ts';
import {
  resamplePlan,
  resampleVolume,
  shearDegrees,
  volumeGeometry,
} from '../../../shared/viewer/reformat.ts';
import { PRIORITY } from '../decode/decode-pool.ts';
import type { ScrImage } from '../loader/image-info.ts';
import { isScrImage } from '../loader/image-info.ts';
import type { Stack } from '../series/stack.ts';

/** A stack loaded into one voxel array, ready to be resliced on the CPU. */
export interface Volume {
  seriesId: number;
  geometry: VolumeGeometry;
  voxels: VoxelArray;
  /** While slices are missing (loading, or failed): the loaded slice read in each one's place. */
  sliceMap: SliceMap | null;
  /** Modality LUT shared by every voxel. */
  slope: number;
  intercept: number;
  min: number;
  max: number;
  windows: WindowPreset[];
  windowSource: 'file' | 'auto';
  defaultWindow: { center: number; width: number };
  modality: string | null;
  unit: string | null;
  frameOfReferenceUid: string | null;
  sliceThickness: number | null;
  /** Things a reader must know about this reformat (uneven spacing, gantry tilt). */
  warnings: string[];
  /** Until every slice is in: the voxels get sharper; `refined` listeners hear of each step. */
  loaded: number;
  total: number;
  buildMs: number;
  onRefine: (listener: () => void) => () => void;
  /** Resolves when every slice is in (or the volume was rebuilt whole). */
  complete: Promise<void>;
}

export class VolumeError extends Error {
  override name = 'VolumeError';
}

type IntegerPixels = Int8Array | Uint8Array | Int16Array | Uint16Array;

function checkSameShape(images: ScrImage[]): void {
  const [first] = images;
  if (!first) throw new VolumeError('The series has no images.');
  if (images.some((i) => i.color)) throw new VolumeError('Colour images cannot be reformatted.');
  if (images.some((i) => i.rows !== first.rows || i.columns !== first.columns))
    throw new VolumeError('The images of this series differ in size; it cannot be reformatted.');
  if (images.some((i) => !i.scr.plane))
    throw new VolumeError(
      'Some images have no position, orientation or pixel spacing; the series cannot be reformatted.',
    );
}

/** One voxel array: the stored values when every slice shares one LUT and type, else modality values. */
function fillVoxels(images: ScrImage[]): { voxels: VoxelArray; slope: number; intercept: number } {
  const first = images[0]!;
  const size = first.rows * first.columns;
  const firstPixels = first.getPixelData();
  const sameLut = images.every((i) => i.slope === first.slope && i.intercept === first.intercept);
  const sameType = images.every((i) => i.getPixelData().constructor === firstPixels.constructor);
  if (sameLut && sameType && !(firstPixels instanceof Uint8ClampedArray)) {
    const Ctor = firstPixels.constructor as new (n: number) => IntegerPixels;
    const voxels = new Ctor(size * images.length);
    images.forEach((img, k) => voxels.set(img.getPixelData(), k * size));
    return { voxels, slope: first.slope, intercept: first.intercept };
  }
  const voxels = new Float32Array(size * images.length);
  images.forEach((img, k) => {
    const px = img.getPixelData();
    for (let p = 0; p < size; p++) voxels[k * size + p] = px[p]! * img.slope + img.intercept;
  });
  return { voxels, slope: 1, intercept: 0 };
}

export function range(v: VoxelArray): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return [min, max];
}

/** Refuses a stack that is not one volume, with the reason a reader can act on. */
export function checkReformattable(stack: Stack): void {
  if (!stack.byGeometry)
    throw new VolumeError(
      stack.fallbackReason ?? 'The images have no position along a common axis; no reformat is possible.',
    );
  if (stack.images.length < 3) throw new VolumeError('Too few slices for a reformat.');
  if (stack.spacing.duplicates > 0)
    throw new VolumeError(
      `${stack.spacing.duplicates} image(s) repeat a slice position (several acquisitions in one series); no reformat is possible.`,
    );
}

/**
 * Loads every image of a stack (through the cornerstone cache, so stack viewing shares them),
 * checks it is one volume, and copies it into voxels. Unevenly spaced slices are put on an even
 * grid by linear interpolation; repeated positions refuse. The general path; evenly spaced stacks
 * of one pixel type and LUT are built incrementally instead (progressive-volume.ts).
 */
export async function buildWholeVolume(
  stack: Stack,
  onProgress: (loaded: number, total: number) => void,
): Promise<Volume> {
  checkReformattable(stack);
  const t0 = performance.now();
  let loaded = 0;
  const total = stack.images.length;
  onProgress(0, total);
  const images = await Promise.all(
    stack.images.map((s) =>
      (cornerstone.loadAndCacheImage as (id: string, o: unknown) => Promise<cornerstone.Image>)(s.imageId, {
        priority: PRIORITY.volume,
      }).then((image) => {
        onProgress(++loaded, total);
        if (!isScrImage(image)) throw new VolumeError('Unexpected image type.');
        return image;
      }),
    ),
  );
  checkSameShape(images);
  const first = images[0]!;
  const firstPlane = first.scr.plane!;
  const filled = fillVoxels(images);
  const { slope, intercept } = filled;
  let voxels = filled.voxels;
  const warnings: string[] = [];
  let count = images.length;
  let lastPosition = images[count - 1]!.scr.plane!.position;
  if (!stack.spacing.regular && stack.spacing.spacing) {
    const locations = stack.images.map((s) => s.location ?? 0);
    const plan = resamplePlan(locations, stack.spacing.spacing);
    if (!plan) throw new VolumeError('The slice positions do not form one volume.');
    const sliceSize = first.rows * first.columns;
    voxels = resampleVolume(
      voxels,
      sliceSize,
      plan,
      new (voxels.constructor as new (n: number) => VoxelArray)(plan.count * sliceSize),
    );
    // The even grid starts at the first slice and runs towards the last, ending where it fits.
    const total = Math.abs(locations[locations.length - 1]! - locations[0]!);
    const fraction = ((plan.count - 1) * plan.spacing) / total;
    const [p0, p1] = [firstPlane.position, lastPosition];
    lastPosition = [
      p0[0] + (p1[0] - p0[0]) * fraction,
      p0[1] + (p1[1] - p0[1]) * fraction,
      p0[2] + (p1[2] - p0[2]) * fraction,
    ];
    count = plan.count;
    warnings.push(
      `Uneven slice spacing (${stack.spacing.min?.toFixed(2)}–${stack.spacing.max?.toFixed(2)} mm): resampled every ${plan.spacing.toFixed(2)} mm by interpolation.`,
    );
  }
  const geometry = volumeGeometry(firstPlane, count, lastPosition);
  const tilt = shearDegrees(geometry);
  if (tilt > 0.5)
    warnings.push(`Gantry tilt ${tilt.toFixed(1)}°: the reformat follows the tilted slices (not corrected).`);
  const [min, max] = range(voxels);
  return {
    seriesId: stack.series.seriesId,
    geometry,
    voxels,
    sliceMap: null,
    slope,
    intercept,
    min,
    max,
    windows: first.scr.windows,
    windowSource: first.scr.windowSource,
    defaultWindow: { center: first.windowCenter, width: first.windowWidth },
    modality: first.scr.modality,
    unit: first.scr.unit,
    frameOfReferenceUid: first.scr.frameOfReferenceUid ?? stack.frameOfReferenceUid,
    sliceThickness: first.scr.sliceThickness,
    warnings,
    loaded: count,
    total: count,
    buildMs: performance.now() - t0,
    onRefine: () => () => {},
    complete: Promise.resolve(),
  };
}
