import * as cornerstone from 'cornerstone-core';
import { greyImage } from '../../../shared/viewer/display-pixels.ts';
import { markersFromCosines } from '../../../shared/viewer/orientation.ts';
import type { ReformatLayout, ReformatPlane, VoxelArray } from '../../../shared/viewer/reformat.ts';
import {
  axisSpacing,
  extractSlab,
  extractSlice,
  reformatLayout,
  reformatPlane,
  slabFriendly,
} from '../../../shared/viewer/reformat.ts';
import { REFORMAT_SCHEME } from '../loader/image-ids.ts';
import type { ScrImage } from '../loader/image-info.ts';
import type { Stack } from '../series/stack.ts';
import { buildVolume, releaseVolume } from './progressive-volume.ts';
import type { Volume } from './volume.ts';

/** Volumes kept in memory (a 512² × 400 CT is 200 MB): the two most recently used. */
const MAX_VOLUMES = 2;
const pending = new Map<number, Promise<Volume>>();
const ready = new Map<number, Volume>();
const layouts = new Map<string, ReformatLayout>();

function touch(seriesId: number): void {
  const v = pending.get(seriesId);
  if (!v) return;
  pending.delete(seriesId);
  pending.set(seriesId, v);
  while (pending.size > MAX_VOLUMES) {
    const oldest = pending.keys().next().value!;
    pending.delete(oldest);
    const evicted = ready.get(oldest);
    if (evicted) releaseVolume(evicted);
    ready.delete(oldest);
    forgetSlabs(oldest);
  }
}

function forgetSlabs(seriesId: number): void {
  for (const key of slabs.keys()) if (key.startsWith(`${seriesId}/`)) slabs.delete(key);
}

/** The series as a volume, built once and shared by every viewport showing one of its reformats. */
export function loadVolume(
  stack: Stack,
  onProgress: (loaded: number, total: number) => void,
): Promise<Volume> {
  const id = stack.series.seriesId;
  let volume = pending.get(id);
  if (!volume) {
    volume = buildVolume(stack, onProgress).then((v) => {
      ready.set(id, v);
      // Slabs cut from a partly loaded volume are stale once it sharpens (this runs before redraws).
      v.onRefine(() => forgetSlabs(id));
      void v.complete.then(() =>
        performance.measure('scr:reformat-complete', {
          start: performance.now() - v.buildMs,
          duration: v.buildMs,
        }),
      );
      return v;
    });
    volume.catch(() => pending.delete(id));
    pending.set(id, volume);
  }
  touch(id);
  return volume;
}

export const reformatImageId = (seriesId: number, plane: ReformatPlane, index: number): string =>
  `${REFORMAT_SCHEME}:${seriesId}/${plane}/${index}`;

export function layoutOf(volume: Volume, plane: ReformatPlane): ReformatLayout {
  const key = `${volume.seriesId}/${plane}`;
  let l = layouts.get(key);
  if (!l || ready.get(volume.seriesId) !== volume) {
    l = reformatLayout(volume.geometry, plane);
    layouts.set(key, l);
  }
  return l;
}

/**
 * Slices read a slab at a time where that is cheaper (sagittal planes of an axial stack: the
 * neighbours share each cache line), kept for the next steps of a scroll, the next slab read
 * ahead when the main thread is idle. Measured on a 512² × 300 CT: 8 slices cost ~0.5 ms each
 * (4 ms a slab, well inside a frame), 32 cost ~0.9 ms each (28 ms a slab: a dropped frame) and
 * one alone 1.7 ms. The slab shown and the one read ahead are kept: 5 MB for a 512 × 300
 * sagittal plane (three slabs of 32 were 30 MB); turning back re-reads one (4 ms).
 */
const SLAB = 8;
const SLABS_KEPT = 2;
const slabs = new Map<string, Map<number, VoxelArray[]>>();
const lastIndex = new Map<string, number>();

function slab(volume: Volume, plane: ReformatPlane, l: ReformatLayout, block: number): VoxelArray[] {
  const key = `${volume.seriesId}/${plane}`;
  let kept = slabs.get(key);
  if (!kept || ready.get(volume.seriesId) !== volume) {
    kept = new Map();
    slabs.set(key, kept);
  }
  let found = kept.get(block);
  if (found) {
    kept.delete(block);
    kept.set(block, found);
    return found;
  }
  const Ctor = volume.voxels.constructor as new (n: number) => VoxelArray;
  const count = Math.min(SLAB, l.depth - block * SLAB);
  found = extractSlab(
    volume.voxels,
    volume.geometry,
    l,
    block * SLAB,
    Array.from({ length: count }, () => new Ctor(l.rows * l.columns)),
    volume.sliceMap,
  );
  kept.set(block, found);
  while (kept.size > SLABS_KEPT) kept.delete(kept.keys().next().value!);
  return found;
}

function readAhead(volume: Volume, plane: ReformatPlane, l: ReformatLayout, block: number): void {
  if (block < 0 || block * SLAB >= l.depth || slabs.get(`${volume.seriesId}/${plane}`)?.has(block)) return;
  const run = (): void => void slab(volume, plane, l, block);
  // Chromium (both hosts) has requestIdleCallback: read ahead between frames, not during one.
  window.requestIdleCallback(run, { timeout: 300 });
}

function sliceOf(volume: Volume, plane: ReformatPlane, l: ReformatLayout, index: number): VoxelArray {
  if (!slabFriendly(l)) {
    const Ctor = volume.voxels.constructor as new (n: number) => VoxelArray;
    return extractSlice(
      volume.voxels,
      volume.geometry,
      l,
      index,
      new Ctor(l.rows * l.columns),
      volume.sliceMap,
    );
  }
  const key = `${volume.seriesId}/${plane}`;
  const direction = index >= (lastIndex.get(key) ?? index) ? 1 : -1;
  lastIndex.set(key, index);
  const block = Math.floor(index / SLAB);
  const slice = slab(volume, plane, l, block)[index - block * SLAB]!;
  readAhead(volume, plane, l, block + direction);
  return slice;
}

/** Reslices the volume on the CPU: strided copies, no interpolation. */
export function reformatImage(volume: Volume, plane: ReformatPlane, index: number): ScrImage {
  const l = layoutOf(volume, plane);
  const raw = sliceOf(volume, plane, l, index);
  const g =
    raw instanceof Float32Array || raw instanceof Int32Array
      ? greyImage(raw, volume.slope, volume.intercept, volume.min, volume.max)
      : { pixels: raw, slope: volume.slope, intercept: volume.intercept, min: volume.min, max: volume.max };
  const p = reformatPlane(volume.geometry, l, index);
  const pixels = g.pixels;
  return {
    imageId: reformatImageId(volume.seriesId, plane, index),
    minPixelValue: g.min,
    maxPixelValue: g.max,
    slope: g.slope,
    intercept: g.intercept,
    windowCenter: volume.defaultWindow.center,
    windowWidth: volume.defaultWindow.width,
    getPixelData: () => pixels,
    rows: l.rows,
    columns: l.columns,
    height: l.rows,
    width: l.columns,
    color: false,
    rgba: false,
    rowPixelSpacing: p.rowSpacing,
    columnPixelSpacing: p.columnSpacing,
    invert: false,
    sizeInBytes: pixels.byteLength,
    scr: {
      instanceId: null,
      frame: 0,
      modality: volume.modality,
      plane: p,
      markers: markersFromCosines(p.rowCosines, p.columnCosines),
      spacing: {
        row: p.rowSpacing,
        column: p.columnSpacing,
        source: 'pixel-spacing',
        caveat: null,
        label: null,
      },
      photometric: 'MONOCHROME2',
      windows: volume.windows,
      windowSource: volume.windowSource,
      lossy: false,
      warnings:
        volume.loaded < volume.total
          ? [
              ...volume.warnings,
              `Still loading: ${volume.loaded} of ${volume.total} slices; missing slices are shown from their nearest neighbours.`,
            ]
          : volume.warnings,
      transferSyntax: null,
      sliceThickness: axisSpacing(volume.geometry, l.depthAxis),
      frameOfReferenceUid: volume.frameOfReferenceUid,
      unit: volume.unit,
      timing: null,
    },
  };
}

/** Registers `scrmpr:` so reformatted slices load like any image (uncached: rebuilding is ~1 ms). */
export function registerReformatLoader(): void {
  cornerstone.registerImageLoader(REFORMAT_SCHEME, (imageId) => {
    const m = /^scrmpr:(\d+)\/(axial|sagittal|coronal)\/(\d+)$/.exec(imageId);
    const volume = m ? ready.get(Number(m[1])) : undefined;
    if (!m || !volume)
      return { promise: Promise.reject(new Error('The volume of this reformat is not loaded.')) };
    try {
      return { promise: Promise.resolve(reformatImage(volume, m[2] as ReformatPlane, Number(m[3]))) };
    } catch (e) {
      return { promise: Promise.reject(e instanceof Error ? e : new Error(String(e))) };
    }
  });
}
