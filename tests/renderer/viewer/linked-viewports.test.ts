import { describe, expect, it } from 'vitest';
import type { ImagePlane } from '../../../shared/viewer/geometry.ts';
import type { ImageSource } from '../../../renderer/viewer/viewport/image-source.ts';
import type { Scrollable } from '../../../renderer/viewer/viewport/linked-viewports.ts';
import {
  NO_REFERENCES,
  referencePlanes,
  syncScroll,
} from '../../../renderer/viewer/viewport/linked-viewports.ts';

const sagittal = (x: number): ImagePlane => ({
  rows: 10,
  columns: 10,
  position: [x, 0, 0],
  rowCosines: [0, 1, 0],
  columnCosines: [0, 0, -1],
  rowSpacing: 1,
  columnSpacing: 1,
});
const axial: ImagePlane = { ...sagittal(0), rowCosines: [1, 0, 0], columnCosines: [0, 1, 0] };

/** A sagittal stack at x = 0, 4, 8 … (normal −x, as row × column gives). */
function stack(frameOfReferenceUid: string, count: number, spacing: number): ImageSource {
  return {
    frameOfReferenceUid,
    normal: [-1, 0, 0],
    locations: Array.from({ length: count }, (_, i) => -i * spacing),
  } as unknown as ImageSource;
}

function viewport(source: ImageSource | null, index = 0): Scrollable & { moves: number[] } {
  const v = {
    current: { source, index },
    moves: [] as number[],
    scrollTo: (i: number) => {
      v.moves.push(i);
      return Promise.resolve();
    },
  };
  return v;
}

describe('linked viewports', () => {
  it('scrolls parallel series of the same frame of reference to the nearest slice, no others', () => {
    const mr = viewport(stack('FOR-1', 15, 4));
    const otherFor = viewport(stack('FOR-2', 15, 4));
    const hidden = viewport(stack('FOR-1', 15, 4));
    const ct = stack('FOR-1', 256, 1.4);
    syncScroll(
      new Map([
        [0, viewport(ct)],
        [1, mr],
        [2, otherFor],
        [3, hidden],
      ]),
      3,
      0,
      ct,
      sagittal(9),
    );
    expect(mr.moves).toEqual([2]);
    expect(otherFor.moves).toEqual([]);
    expect(hidden.moves).toEqual([]);
    // An axial plane is not parallel to the sagittal stack: nothing moves.
    const mr2 = viewport(stack('FOR-1', 15, 4));
    syncScroll(new Map([[1, mr2]]), 2, 0, ct, axial);
    expect(mr2.moves).toEqual([]);
  });

  it('gives each viewport the planes of the others in its frame of reference', () => {
    const refs = referencePlanes(
      {
        0: { plane: axial, frameOfReferenceUid: 'A' },
        1: { plane: sagittal(3), frameOfReferenceUid: 'A' },
        2: { plane: sagittal(5), frameOfReferenceUid: 'B' },
        3: { plane: sagittal(7), frameOfReferenceUid: 'A' },
      },
      3,
    );
    expect(refs[0]!.map((r) => r.viewport)).toEqual([2]);
    expect(refs[1]!.map((r) => r.viewport)).toEqual([1]);
    expect(refs[2]).toBe(NO_REFERENCES);
    expect(refs[3]).toBe(NO_REFERENCES);
  });
});
