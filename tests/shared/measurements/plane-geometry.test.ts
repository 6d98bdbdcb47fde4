import { describe, expect, it } from 'vitest';
import { angleAt, cobbAngle, distance } from '../../../shared/measurements/plane-geometry.ts';
import type { MeasureScale } from '../../../shared/measurements/types.ts';
import { calibratedScale, measureScale } from '../../../shared/measurements/units.ts';
import { displaySpacing } from '../../../shared/viewer/spacing.ts';

const mm = (row: number, column: number): MeasureScale => ({
  row,
  column,
  source: 'pixel-spacing',
  caveat: null,
});
const PX: MeasureScale = { row: null, column: null, source: 'none', caveat: 'No pixel spacing' };

describe('lengths', () => {
  it('3-4-5 triangle: 5 px without spacing, 2.5 mm at 0.5 mm/px', () => {
    expect(distance([0, 0], [3, 4], PX)).toBe(5);
    expect(distance([0, 0], [3, 4], mm(0.5, 0.5))).toBe(2.5);
  });
  it('non-square pixels: one row step of 2 mm is 2 mm, one column step of 1 mm is 1 mm', () => {
    expect(distance([0, 0], [0, 1], mm(2, 1))).toBe(2);
    expect(distance([0, 0], [1, 0], mm(2, 1))).toBe(1);
  });
});

describe('angles', () => {
  it('right angle and 45°, whatever the arm lengths', () => {
    expect(angleAt([10, 0], [0, 0], [0, 3], PX)).toBeCloseTo(90, 10);
    expect(angleAt([1, 0], [0, 0], [7, 7], PX)).toBeCloseTo(45, 10);
    expect(angleAt([1, 0], [0, 0], [-1, 0], PX)).toBeCloseTo(180, 10);
  });
  it('is computed in mm: a 1×1 px diagonal on 2:1 pixels is not 45°', () => {
    expect(angleAt([1, 0], [0, 0], [1, 1], mm(2, 1))).toBeCloseTo((Math.atan(2) * 180) / Math.PI, 10);
  });
  it('Cobb: the angle between two endplate lines, 0–90°, independent of the click order', () => {
    const t = (deg: number): [number, number] => [
      100 * Math.cos((deg * Math.PI) / 180),
      -100 * Math.sin((deg * Math.PI) / 180),
    ];
    expect(
      cobbAngle(
        [
          [0, 0],
          [100, 0],
        ],
        [[0, 0], t(30)],
        PX,
      ),
    ).toBeCloseTo(30, 8);
    expect(
      cobbAngle(
        [
          [100, 0],
          [0, 0],
        ],
        [[0, 0], t(30)],
        PX,
      ),
    ).toBeCloseTo(30, 8);
    expect(
      cobbAngle(
        [
          [0, 0],
          [100, 0],
        ],
        [[0, 0], t(120)],
        PX,
      ),
    ).toBeCloseTo(60, 8);
  });
});

describe('scale: honest units', () => {
  it('Imager Pixel Spacing with an Estimated Radiographic Magnification Factor is divided by it', () => {
    const s = measureScale(
      displaySpacing({
        pixelSpacing: null,
        imagerPixelSpacing: [0.5, 0.5],
        magnification: 1.125,
        calibrationType: null,
        projection: true,
      }),
      null,
    );
    expect(s.source).toBe('magnification-corrected');
    // 225 detector pixels = 112.5 mm at the detector = 100 mm at the patient.
    expect(distance([0, 0], [225, 0], s)).toBeCloseTo(100, 10);
    expect(s.caveat).toMatch(/magnification/);
  });
  it('Imager Pixel Spacing alone: mm at the detector, with the caveat', () => {
    const s = measureScale(
      displaySpacing({
        pixelSpacing: null,
        imagerPixelSpacing: [0.2, 0.2],
        magnification: null,
        calibrationType: null,
        projection: true,
      }),
      null,
    );
    expect(distance([0, 0], [100, 0], s)).toBeCloseTo(20, 10);
    expect(s.caveat).toMatch(/not corrected/);
  });
  it('no spacing: pixels; a calibration on a 50 mm object 100 px long gives 0.5 mm/px', () => {
    const none = displaySpacing({
      pixelSpacing: null,
      imagerPixelSpacing: null,
      magnification: null,
      calibrationType: null,
      projection: true,
    });
    expect(measureScale(none, null).column).toBeNull();
    const s = measureScale(none, {
      points: [
        [10, 10],
        [70, 90],
      ],
      knownMm: 50,
    });
    expect(s.source).toBe('calibration');
    expect(s.column).toBeCloseTo(0.5, 12);
    expect(distance([0, 0], [200, 0], s)).toBeCloseTo(100, 10);
  });
  it('a calibration honours a known pixel aspect', () => {
    // Rows 2 mm apart, columns 1 mm apart (aspect 2): a vertical 10 px line is 20 column-units long.
    const c = calibratedScale(
      {
        points: [
          [0, 0],
          [0, 10],
        ],
        knownMm: 10,
      },
      2,
    );
    expect(c).toEqual({ column: 0.5, row: 1 });
  });
  it('refuses a calibration line of zero length', () => {
    expect(() =>
      calibratedScale({
        points: [
          [1, 1],
          [1, 1],
        ],
        knownMm: 10,
      }),
    ).toThrow(RangeError);
  });
});
