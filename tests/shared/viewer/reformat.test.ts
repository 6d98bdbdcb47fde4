import { describe, expect, it } from 'vitest';
import type { ImagePlane } from '../../../shared/viewer/geometry.ts';
import { markersFromCosines } from '../../../shared/viewer/orientation.ts';
import {
  extractSlab,
  extractSlice,
  nativePlane,
  reformatIndexNear,
  reformatLayout,
  reformatPlane,
  resamplePlan,
  resampleVolume,
  shearDegrees,
  slabFriendly,
  volumeGeometry,
} from '../../../shared/viewer/reformat.ts';

/** A synthetic volume whose every voxel says where it is: 100·k + 10·j + i. */
function volume(nx: number, ny: number, nz: number): Int16Array {
  const v = new Int16Array(nx * ny * nz);
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) v[k * nx * ny + j * nx + i] = 100 * k + 10 * j + i;
  return v;
}

const axialSlice0 = (z: number): ImagePlane => ({
  rows: 3,
  columns: 4,
  position: [-10, -20, z],
  rowCosines: [1, 0, 0],
  columnCosines: [0, 1, 0],
  rowSpacing: 0.5,
  columnSpacing: 0.8,
});

describe('orthogonal reformats of an axial stack', () => {
  // Five slices from the head down: z = 10, 8, …, 2.
  const g = volumeGeometry(axialSlice0(10), 5, [-10, -20, 2]);
  const voxels = volume(4, 3, 5);

  it('knows the stack is axial and has no shear', () => {
    expect(nativePlane(g)).toBe('axial');
    expect(shearDegrees(g)).toBeCloseTo(0, 9);
  });

  it('builds sagittal slices: anterior left, head up, true spacing', () => {
    const l = reformatLayout(g, 'sagittal');
    expect(l).toMatchObject({ columns: 3, rows: 5, depth: 4 });
    const s = extractSlice(voxels, g, l, 2, new Int16Array(l.columns * l.rows));
    // Row r is slice r (head first), column c is source row c (anterior → posterior), at x index 2.
    for (let r = 0; r < 5; r++) for (let c = 0; c < 3; c++) expect(s[r * 3 + c]).toBe(100 * r + 10 * c + 2);
    const plane = reformatPlane(g, l, 2);
    expect(plane).toMatchObject({ columnSpacing: 0.5, rowSpacing: 2, rows: 5, columns: 3 });
    expect(plane.position).toEqual([-10 + 2 * 0.8, -20, 10]);
    expect(markersFromCosines(plane.rowCosines, plane.columnCosines)).toEqual({
      left: 'A',
      right: 'P',
      top: 'S',
      bottom: 'I',
    });
  });

  it('keeps the head up when the stack was acquired feet first', () => {
    const feetFirst = volumeGeometry(axialSlice0(2), 5, [-10, -20, 10]);
    const l = reformatLayout(feetFirst, 'sagittal');
    expect(l.rowFlip).toBe(true);
    const s = extractSlice(voxels, feetFirst, l, 0, new Int16Array(15));
    expect(s[0]).toBe(400); // top left: last slice (highest z), anterior row 0
    expect(s[14]).toBe(20); // bottom right: first slice, posterior row 2
    expect(reformatPlane(feetFirst, l, 0).position).toEqual([-10, -20, 10]);
  });

  it('builds coronal slices: patient right on screen left, head up', () => {
    const l = reformatLayout(g, 'coronal');
    expect(l).toMatchObject({ columns: 4, rows: 5, depth: 3 });
    const s = extractSlice(voxels, g, l, 1, new Int16Array(20));
    for (let r = 0; r < 5; r++) for (let c = 0; c < 4; c++) expect(s[r * 4 + c]).toBe(100 * r + 10 + c);
    const p = reformatPlane(g, l, 1);
    expect(markersFromCosines(p.rowCosines, p.columnCosines)).toEqual({
      left: 'R',
      right: 'L',
      top: 'S',
      bottom: 'I',
    });
    expect(p.columnSpacing).toBeCloseTo(0.8, 12);
  });

  it('finds the reformatted slice nearest to a point', () => {
    const l = reformatLayout(g, 'sagittal');
    expect(reformatIndexNear(g, l, [-10 + 3 * 0.8 + 0.1, 0, 0])).toBe(3);
    expect(reformatIndexNear(g, l, [500, 0, 0])).toBe(3);
  });
});

describe('reformats of a sagittal stack', () => {
  it('builds axial slices seen from the feet', () => {
    // Sagittal slices from patient right to left: x = -10, -7, -4 (k); rows go down (−z), columns posterior (+y).
    const first: ImagePlane = {
      rows: 3,
      columns: 4,
      position: [-10, -20, 30],
      rowCosines: [0, 1, 0],
      columnCosines: [0, 0, -1],
      rowSpacing: 1,
      columnSpacing: 1,
    };
    const g = volumeGeometry(first, 3, [-4, -20, 30]);
    expect(nativePlane(g)).toBe('sagittal');
    const l = reformatLayout(g, 'axial');
    expect(l).toMatchObject({ columns: 3, rows: 4, depth: 3 });
    const s = extractSlice(volume(4, 3, 3), g, l, 1, new Int16Array(12));
    // Columns run right → left (k), rows anterior → posterior (i), at the second row down (j = 1).
    for (let r = 0; r < 4; r++) for (let c = 0; c < 3; c++) expect(s[r * 3 + c]).toBe(100 * c + 10 + r);
    const p = reformatPlane(g, l, 1);
    expect(markersFromCosines(p.rowCosines, p.columnCosines)).toEqual({
      left: 'R',
      right: 'L',
      top: 'A',
      bottom: 'P',
    });
    expect(p.rowSpacing).toBe(1);
    expect(p.columnSpacing).toBe(3);
  });
});

describe('gantry tilt and uneven spacing', () => {
  it('measures the shear of a tilted stack', () => {
    const g = volumeGeometry(axialSlice0(0), 3, [-10, -18, 4]);
    expect(shearDegrees(g)).toBeCloseTo((Math.atan(1 / 2) * 180) / Math.PI, 9);
  });

  it('puts a stack with a missing slice on an even grid by linear interpolation', () => {
    const plan = resamplePlan([0, 1, 2, 4, 5], 1)!;
    expect(plan.count).toBe(6);
    // Grid slice 3 (3 mm) lies halfway between source slices 2 (2 mm) and 3 (4 mm).
    expect([plan.lower[3], plan.weight[3]]).toEqual([2, 0.5]);
    const slices = new Int16Array([0, 0, 10, 10, 20, 20, 40, 40, 50, 50]);
    const out = resampleVolume(slices, 2, plan, new Int16Array(12));
    expect([...out]).toEqual([0, 0, 10, 10, 20, 20, 30, 30, 40, 40, 50, 50]);
    // Descending locations work the same way; repeated positions are not a volume.
    expect(resamplePlan([5, 4, 2], 1)!.count).toBe(4);
    expect(resamplePlan([0, 1, 1, 2], 1)).toBeNull();
  });
});

describe('slab extraction', () => {
  it('gives the same slices as one-by-one extraction, in every plane and direction', () => {
    const voxels = volume(4, 3, 5);
    for (const z0 of [10, 2]) {
      const g = volumeGeometry(axialSlice0(z0), 5, [-10, -20, 12 - z0]);
      for (const plane of ['sagittal', 'coronal'] as const) {
        const l = reformatLayout(g, plane);
        const outs = Array.from({ length: l.depth - 1 }, () => new Int16Array(l.rows * l.columns));
        extractSlab(voxels, g, l, 1, outs);
        outs.forEach((o, k) =>
          expect([...o]).toEqual([...extractSlice(voxels, g, l, k + 1, new Int16Array(o.length))]),
        );
      }
    }
    expect(slabFriendly(reformatLayout(volumeGeometry(axialSlice0(0), 5, [-10, -20, 8]), 'sagittal'))).toBe(
      true,
    );
  });
});

describe('a partly loaded volume read through its slice map', () => {
  it('gives what copying each stand-in into the missing slots gave, in every plane and direction', () => {
    const [nx, ny, nz] = [4, 3, 6];
    const voxels = volume(nx, ny, nz);
    const map = Int32Array.from([0, 0, 3, 3, 3, 5]);
    // The slots of slices 1, 2 and 4 were never written: reading them would give zeros.
    for (const k of [1, 2, 4]) voxels.fill(0, k * nx * ny, (k + 1) * nx * ny);
    const copied = voxels.slice();
    map.forEach((from, k) => copied.copyWithin(k * nx * ny, from * nx * ny, (from + 1) * nx * ny));
    for (const [z0, zLast] of [
      [10, 15],
      [5, 0],
    ] as const) {
      const g = volumeGeometry(axialSlice0(z0), nz, [-10, -20, zLast]);
      for (const plane of ['axial', 'sagittal', 'coronal'] as const) {
        const l = reformatLayout(g, plane);
        for (let index = 0; index < l.depth; index++) {
          const expected = [...extractSlice(copied, g, l, index, new Int16Array(l.rows * l.columns))];
          expect([...extractSlice(voxels, g, l, index, new Int16Array(expected.length), map)]).toEqual(
            expected,
          );
        }
        const outs = Array.from({ length: l.depth - 1 }, () => new Int16Array(l.rows * l.columns));
        extractSlab(voxels, g, l, 1, outs, map).forEach((o, k) =>
          expect([...o]).toEqual([...extractSlice(copied, g, l, k + 1, new Int16Array(o.length))]),
        );
      }
    }
  });
});
