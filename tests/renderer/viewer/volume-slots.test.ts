import { afterEach, describe, expect, it } from 'vitest';
import type { SliceFacts } from '../../../renderer/viewer/volume/volume-slots.ts';
import {
  VolumeSlots,
  depositSlice,
  registerSlots,
  unregisterSlots,
} from '../../../renderer/viewer/volume/volume-slots.ts';

const slice = (value: number, over: Partial<SliceFacts> = {}): SliceFacts => ({
  rows: 2,
  columns: 2,
  slope: 1,
  intercept: -1024,
  color: false,
  pixels: new Int16Array(4).fill(value),
  ...over,
});

let registered: VolumeSlots | null = null;
afterEach(() => {
  if (registered) unregisterSlots(registered);
  registered = null;
});

describe('a volume filled slice by slice', () => {
  const make = (count: number) =>
    new VolumeSlots(
      new Int16Array(4 * count),
      2,
      2,
      1,
      -1024,
      Array.from({ length: count }, (_, k) => `scr:${k + 1}`),
    );

  it('holds each slice once: the stack image is a view of the voxels, not a copy', () => {
    const slots = make(3);
    registerSlots((registered = slots));
    const view = depositSlice('scr:2', slice(7))!;
    expect(view.buffer).toBe(slots.voxels.buffer);
    expect([...slots.voxels]).toEqual([0, 0, 0, 0, 7, 7, 7, 7, 0, 0, 0, 0]);
    // A second decode of the same slice is not copied again.
    depositSlice('scr:2', slice(9));
    expect(slots.voxels[4]).toBe(7);
    expect(slots.loadedCount).toBe(1);
    expect(depositSlice('scr:99', slice(1))).toBeNull();
  });

  it('refuses a slice of another type, size or modality LUT, and marks the volume for a whole rebuild', () => {
    for (const odd of [
      slice(1, { pixels: new Uint16Array(4) }),
      slice(1, { rows: 3, pixels: new Int16Array(6) }),
      slice(1, { slope: 2 }),
      slice(1, { intercept: 0 }),
      slice(1, { color: true }),
    ]) {
      const slots = make(2);
      expect(slots.put(0, odd)).toBeNull();
      expect(slots.mismatch).toBe(true);
      expect(slots.loadedCount).toBe(0);
    }
  });

  it('stands the nearest loaded slice in for missing ones, without copying into their slots', () => {
    const slots = make(6);
    expect([...slots.standIns()!]).toEqual([0, 1, 2, 3, 4, 5]);
    slots.put(0, slice(10));
    slots.put(5, slice(50));
    slots.put(3, slice(30));
    // The nearest loaded slice; a tie goes to the one before (4 lies midway between 3 and 5: it reads 3).
    expect([...slots.standIns()!]).toEqual([0, 0, 3, 3, 3, 5]);
    // The empty slots stay untouched (never faulted in) until their own slice arrives.
    expect([1, 2, 4].map((k) => slots.voxels[k * 4])).toEqual([0, 0, 0]);
    slots.put(1, slice(11));
    expect([...slots.standIns()!]).toEqual([0, 1, 1, 3, 3, 5]);
    expect(slots.voxels[4]).toBe(11);
    slots.put(2, slice(20));
    slots.put(4, slice(40));
    expect(slots.standIns()).toBeNull();
  });

  it('forgets its images once released', () => {
    const slots = make(2);
    registerSlots(slots);
    unregisterSlots(slots);
    expect(depositSlice('scr:1', slice(1))).toBeNull();
  });
});
