import type { GreyPixels } from '../../../shared/viewer/display-pixels.ts';

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
  /** Per slice not loaded: the slice standing in for it now (-1: none yet). */
  private readonly standIn: Int32Array;

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
    this.standIn = new Int32Array(imageIds.length).fill(-1);
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
   * Stands the nearest loaded slice in for each slice not loaded yet (ties: the one before), so
   * a reformat of a partly loaded volume shows every row, coarser where slices are missing.
   * Only slots whose stand-in changed since the last fill are copied (each pass is main-thread work).
   */
  fillGaps(): void {
    const n = this.imageIds.length;
    const nearest = new Int32Array(n).fill(-1);
    let last = -1;
    for (let k = 0; k < n; k++) {
      if (this.loaded[k]) last = k;
      nearest[k] = last;
    }
    last = -1;
    for (let k = n - 1; k >= 0; k--) {
      if (this.loaded[k]) {
        last = k;
        continue;
      }
      const before = nearest[k]!;
      const pick = before < 0 ? last : last < 0 || k - before <= last - k ? before : last;
      if (pick < 0 || this.standIn[k] === pick) continue;
      this.standIn[k] = pick;
      this.voxels.copyWithin(k * this.size, pick * this.size, (pick + 1) * this.size);
    }
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
