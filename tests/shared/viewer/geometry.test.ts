import { describe, expect, it } from 'vitest';
import type { ImagePlane } from '../../../shared/viewer/geometry.ts';
import {
  imagePlaneOf,
  parallelism,
  patientToPixel,
  pixelToPatient,
  referenceLine,
} from '../../../shared/viewer/geometry.ts';

const axial: ImagePlane = {
  rows: 100,
  columns: 200,
  position: [-100, -50, 20],
  rowCosines: [1, 0, 0],
  columnCosines: [0, 1, 0],
  rowSpacing: 0.5,
  columnSpacing: 1,
};

const sagittalAt = (x: number): ImagePlane => ({
  rows: 80,
  columns: 60,
  position: [x, -60, 100],
  rowCosines: [0, 1, 0],
  columnCosines: [0, 0, -1],
  rowSpacing: 2,
  columnSpacing: 2,
});

describe('image plane geometry', () => {
  it('maps pixels to patient space and back', () => {
    expect(pixelToPatient(axial, 10, 4)).toEqual([-90, -48, 20]);
    const back = patientToPixel(axial, [-90, -48, 23]);
    expect(back).toEqual({ column: 10, row: 4, distance: 3 });
  });

  it('builds a plane from header values, or null when any part is missing', () => {
    const h = {
      rows: 2,
      columns: 3,
      position: [1, 2, 3],
      orientation: [1, 0, 0, 0, 1, 0],
      pixelSpacing: [0.5, 0.7],
    };
    expect(imagePlaneOf(h)).toMatchObject({ rowSpacing: 0.5, columnSpacing: 0.7, rowCosines: [1, 0, 0] });
    expect(imagePlaneOf({ ...h, pixelSpacing: null })).toBeNull();
  });

  it('draws a sagittal plane on an axial image as the vertical line at its x', () => {
    // x = -70 is column 30 of the axial image (x = -100 + column × 1 mm).
    const line = referenceLine(axial, sagittalAt(-70));
    expect(line).not.toBeNull();
    expect(line!.from.column).toBeCloseTo(30, 9);
    expect(line!.to.column).toBeCloseTo(30, 9);
    expect([line!.from.row, line!.to.row].sort((a, b) => a - b)).toEqual([-0.5, 99.5]);
  });

  it('draws nothing for parallel planes or planes that miss the image', () => {
    expect(referenceLine(axial, { ...axial, position: [0, 0, 40] })).toBeNull();
    expect(parallelism(axial, sagittalAt(0))).toBeCloseTo(0, 9);
    expect(referenceLine(axial, sagittalAt(500))).toBeNull();
  });
});
