import * as cornerstone from 'cornerstone-core';
import type { GreyPixels } from '../../../shared/viewer/display-pixels.ts';
import { shearDegrees, volumeGeometry } from '../../../shared/viewer/reformat.ts';
import { PRIORITY } from '../decode/decode-pool.ts';
import type { ScrImage } from '../loader/image-info.ts';
import { isScrImage } from '../loader/image-info.ts';
import { coarseToFine } from '../loader/load-order.ts';
import { promoteImage } from '../loader/scr-loader.ts';
import type { Stack } from '../series/stack.ts';
import type { Volume } from './volume.ts';
import { VolumeError, buildWholeVolume, checkReformattable } from './volume.ts';
import { VolumeSlots, registerSlots, unregisterSlots } from './volume-slots.ts';

/** The reformat is first drawn when this share of the slices is in (every 8th), then sharpens. */
const FIRST_LOOK_EVERY = 8;
/** Redraws while refining at most this often (a redraw reslices and repaints every reformat shown). */
const REFINE_MS = 150;
/** …and waits for an idle moment at most this long (a held arrow key leaves none). */
const REFINE_IDLE_TIMEOUT_MS = 1000;

/** Raises the slice if a stack's background streaming queued it first (one decode serves both). */
const loadImage = (imageId: string): Promise<cornerstone.Image> => {
  promoteImage(imageId, PRIORITY.volume);
  return (cornerstone.loadAndCacheImage as (id: string, o: unknown) => Promise<cornerstone.Image>)(imageId, {
    priority: PRIORITY.volume,
  });
};

async function scrImage(imageId: string): Promise<ScrImage> {
  const image = await loadImage(imageId);
  if (!isScrImage(image)) throw new VolumeError('Unexpected image type.');
  return image;
}

const factsOf = (image: ScrImage) => ({
  rows: image.rows,
  columns: image.columns,
  slope: image.slope,
  intercept: image.intercept,
  color: image.color,
  pixels: image.getPixelData() as unknown as GreyPixels,
});

/**
 * Copies an image decoded before its volume existed into the voxels, and points the cached image
 * at its slice there: the series is then held once (the image's own copy is freed).
 */
function adopt(slots: VolumeSlots, k: number, image: ScrImage): boolean {
  const view = slots.loaded[k] ? slots.view(k) : slots.put(k, factsOf(image));
  if (!view) return false;
  image.getPixelData = () => view;
  return true;
}

/** Frees a volume's hold on the stack's images (it was evicted); its slices stay valid as views. */
const releases = new WeakMap<Volume, () => void>();
export const releaseVolume = (volume: Volume): void => releases.get(volume)?.();

/**
 * The series as a volume, ready to draw early: both end slices fix the geometry and pixel type,
 * then slices arrive coarse to fine (every 2^k-th), neighbours standing in for the missing ones,
 * and the volume resolves once every 8th slice is in; `onRefine` listeners hear as it sharpens.
 * Stacks this cannot hold exactly (uneven spacing, mixed pixel types or LUTs, colour) are built
 * whole instead; a mismatch found late rebuilds the same volume object whole.
 */
export async function buildVolume(
  stack: Stack,
  onProgress: (loaded: number, total: number) => void,
): Promise<Volume> {
  checkReformattable(stack);
  if (!stack.spacing.regular) return buildWholeVolume(stack, onProgress);
  const t0 = performance.now();
  const ids = stack.images.map((s) => s.imageId);
  const total = ids.length;
  onProgress(0, total);
  const [first, last] = await Promise.all([scrImage(ids[0]!), scrImage(ids[total - 1]!)]);
  const firstPixels = first.getPixelData() as unknown;
  const Ctor = (firstPixels as GreyPixels).constructor as new (n: number) => GreyPixels;
  const fitsTogether =
    !first.color &&
    !(firstPixels instanceof Uint8ClampedArray) &&
    first.scr.plane &&
    last.scr.plane &&
    new VolumeSlots(new Ctor(0), first.rows, first.columns, first.slope, first.intercept, []).fits(
      factsOf(last),
    );
  if (!fitsTogether) return buildWholeVolume(stack, onProgress);

  const slots = new VolumeSlots(
    new Ctor(first.rows * first.columns * total),
    first.rows,
    first.columns,
    first.slope,
    first.intercept,
    ids,
  );
  registerSlots(slots);
  adopt(slots, 0, first);
  adopt(slots, total - 1, last);
  const geometry = volumeGeometry(first.scr.plane!, total, last.scr.plane!.position);
  const warnings: string[] = [];
  const tilt = shearDegrees(geometry);
  if (tilt > 0.5)
    warnings.push(`Gantry tilt ${tilt.toFixed(1)}°: the reformat follows the tilted slices (not corrected).`);
  const listeners = new Set<() => void>();
  let min = Math.min(first.minPixelValue, last.minPixelValue);
  let max = Math.max(first.maxPixelValue, last.maxPixelValue);
  let failed = 0;
  let finish: () => void = () => {};
  const volume: Volume = {
    seriesId: stack.series.seriesId,
    geometry,
    voxels: slots.voxels,
    sliceMap: slots.standIns(),
    slope: first.slope,
    intercept: first.intercept,
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
    loaded: 2,
    total,
    buildMs: 0,
    onRefine: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    complete: new Promise<void>((resolve) => (finish = resolve)),
  };
  releases.set(volume, () => unregisterSlots(slots));

  let timer: ReturnType<typeof setTimeout> | null = null;
  let idle: number | null = null;
  const cancelScheduled = (): void => {
    if (timer) clearTimeout(timer);
    if (idle !== null) cancelIdleCallback(idle);
    timer = null;
    idle = null;
  };
  const publish = (): void => {
    cancelScheduled();
    if (slots.mismatch) return;
    volume.sliceMap = slots.standIns();
    volume.loaded = slots.loadedCount;
    volume.min = min;
    volume.max = max;
    for (const l of listeners) l();
  };
  // Between frames: sharpening (new stand-ins and a redraw) never delays a scroll elsewhere.
  const schedule = (): void => {
    if (timer || idle !== null) return;
    timer = setTimeout(() => {
      timer = null;
      idle = requestIdleCallback(publish, { timeout: REFINE_IDLE_TIMEOUT_MS });
    }, REFINE_MS);
  };

  let firstLook: () => void = () => {};
  const firstLookReady = new Promise<void>((resolve) => (firstLook = resolve));
  const firstLookAt = Math.min(total, Math.ceil(total / FIRST_LOOK_EVERY) + 1);
  // Sharpen in a few steps (each doubles the slices in), not per slice: every step re-reads the
  // slabs shown and redraws, main-thread work that would otherwise starve scrolling elsewhere.
  let nextStep = firstLookAt;
  const arrived = (): void => {
    const done = slots.loadedCount + failed;
    onProgress(Math.min(done, firstLookAt), firstLookAt);
    if (done >= firstLookAt) firstLook();
    if (done >= nextStep && done < total) {
      nextStep = Math.min(total, done * 2);
      schedule();
    }
  };

  const rest = coarseToFine(total).slice(2);
  const all = rest.map((k) =>
    scrImage(ids[k]!).then(
      (image) => {
        // Already in the cache before the volume existed: adopted (a fresh decode was deposited).
        if (image.getPixelData().buffer !== slots.voxels.buffer && !adopt(slots, k, image)) return;
        min = Math.min(min, image.minPixelValue);
        max = Math.max(max, image.maxPixelValue);
        arrived();
      },
      () => {
        failed++;
        arrived();
      },
    ),
  );

  const rebuildWhole = async (): Promise<void> => {
    unregisterSlots(slots);
    const whole = await buildWholeVolume(stack, () => {});
    Object.assign(volume, { ...whole, onRefine: volume.onRefine, complete: volume.complete });
    for (const l of listeners) l();
  };

  void Promise.all(all).then(async () => {
    cancelScheduled();
    if (slots.mismatch) await rebuildWhole().catch(() => {});
    else {
      if (failed)
        warnings.push(
          `${failed} slice(s) could not be loaded: the reformat shows their nearest neighbours in their place.`,
        );
      publish();
    }
    volume.buildMs = performance.now() - t0;
    finish();
  });
  await Promise.race([firstLookReady, volume.complete]);
  if (slots.mismatch) await volume.complete;
  else publish();
  volume.buildMs = performance.now() - t0;
  return volume;
}
