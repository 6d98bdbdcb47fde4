import type { GreyPixels } from '../../../shared/viewer/display-pixels.ts';
import type { SliceMap } from '../../../shared/viewer/reformat.ts';

/** What a decoded grey frame must share with a volume to live in its voxels. */
export interface SliceFacts {
  rows: number;
  columns: number;
  slope: number;
  intercept: number;
  color: boolean;
  pixels: GreyPixels | Uint8ClampedArray;
}

/**
 * A volume being filled: one voxel array whose slices are also the stack's images (typed-array
 * views, so a series shown as a stack and as a reformat is held in memory once).
 */
export class VolumeSlots {
  readonly size: number;
  readonly loaded: Uint8Array;
  loadedCount = 0;
  /** A slice that does not fit (other type, size or modality LUT): the volume is rebuilt whole. */
  mismatch = false;

  constructor(
    readonly voxels: GreyPixels,
    readonly rows: number,
    readonly columns: number,
    readonly slope: number,
    readonly intercept: number,
    readonly imageIds: readonly string[],
  ) {
    this.size = rows * columns;
    this.loaded = new Uint8Array(imageIds.length);
  }

  fits(s: SliceFacts): boolean {
    return (
      !s.color &&
      s.rows === this.rows &&
      s.columns === this.columns &&
      s.slope === this.slope &&
      s.intercept === this.intercept &&
      s.pixels.constructor === this.voxels.constructor
    );
  }

  view(k: number): GreyPixels {
    return this.voxels.subarray(k * this.size, (k + 1) * this.size);
  }

  /** Copies a slice in (once); returns its view, or null when it does not fit (mismatch is set). */
  put(k: number, s: SliceFacts): GreyPixels | null {
    if (!this.fits(s)) {
      this.mismatch = true;
      return null;
    }
    if (!this.loaded[k]) {
      this.voxels.set(s.pixels, k * this.size);
      this.loaded[k] = 1;
      this.loadedCount++;
    }
    return this.view(k);
  }

  /**
   * For each slice, the loaded slice to read in its place: itself once loaded, else the nearest
   * loaded one (ties: the one before), so a reformat of a partly loaded volume shows every row,
   * coarser where slices are missing. Null once every slice is in. Nothing is copied: the empty
   * slots stay untouched until their own slice arrives (see SliceMap).
   */
  standIns(): SliceMap | null {
    const n = this.imageIds.length;
    if (this.loadedCount >= n) return null;
    const map = new Int32Array(n);
    let last = -1;
    for (let k = 0; k < n; k++) {
      if (this.loaded[k]) last = k;
      map[k] = last;
    }
    last = -1;
    for (let k = n - 1; k >= 0; k--) {
      if (this.loaded[k]) {
        last = k;
        continue;
      }
      const before = map[k]!;
      // No slice loaded at all: each reads its own (empty) slot.
      map[k] = before < 0 ? (last < 0 ? k : last) : last < 0 || k - before <= last - k ? before : last;
    }
    return map;
  }
}

/** The building volume each stack image belongs to, by image id. */
const slotOf = new Map<string, { slots: VolumeSlots; index: number }>();

export function registerSlots(slots: VolumeSlots): void {
  slots.imageIds.forEach((id, index) => slotOf.set(id, { slots, index }));
}

export function unregisterSlots(slots: VolumeSlots): void {
  for (const id of slots.imageIds) if (slotOf.get(id)?.slots === slots) slotOf.delete(id);
}

/**
 * The image loader's hook: a decoded frame of a volume's series goes into the voxels and the
 * stack shows it as a view; null when no volume holds it (or it does not fit one).
 */
export function depositSlice(imageId: string, slice: SliceFacts): GreyPixels | null {
  const slot = slotOf.get(imageId);
  if (!slot || slot.slots.mismatch) return null;
  return slot.slots.put(slot.index, slice);
}
