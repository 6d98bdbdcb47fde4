import type { DisplaySpacing } from '../viewer/spacing.ts';
import type { ImagePoint, MeasureScale } from './types.ts';

/** A user calibration: a line drawn over an object of known size, stored per series. */
export interface Calibration {
  /** The two ends of the line (image pixels) and the object's true size. */
  points: readonly [ImagePoint, ImagePoint];
  knownMm: number;
}

/**
 * mm per pixel from a calibration line. With a known pixel aspect (row spacing / column spacing)
 * the line's pixel length honours it; otherwise pixels are taken as square.
 */
export function calibratedScale(c: Calibration, aspect = 1): { column: number; row: number } {
  const [[x0, y0], [x1, y1]] = c.points;
  const lengthInColumns = Math.hypot(x1 - x0, (y1 - y0) * aspect);
  if (!(lengthInColumns > 0) || !(c.knownMm > 0))
    throw new RangeError('A calibration needs a line longer than zero and a size above zero.');
  const column = c.knownMm / lengthInColumns;
  return { column, row: column * aspect };
}

/**
 * The scale measurements on an image use: a user calibration wins (it says what the user knows);
 * else the image's own spacing with its caveat (Pixel Spacing, Imager Pixel Spacing, corrected by
 * the Estimated Radiographic Magnification Factor when present); else pixels.
 */
export function measureScale(spacing: DisplaySpacing, calibration: Calibration | null): MeasureScale {
  if (calibration) {
    const aspect = spacing.row && spacing.column ? spacing.row / spacing.column : 1;
    const s = calibratedScale(calibration, aspect);
    return {
      ...s,
      source: 'calibration',
      caveat: `Calibrated by the user on a ${calibration.knownMm} mm object: exact only at its depth.`,
    };
  }
  return { column: spacing.column, row: spacing.row, source: spacing.source, caveat: spacing.caveat };
}

export const hasMm = (s: MeasureScale): s is MeasureScale & { column: number; row: number } =>
  s.column !== null && s.row !== null;

/** A point in mm (x right, y down) for a scale with mm, else in pixels. */
export const toPhysical = (p: ImagePoint, s: MeasureScale): [number, number] =>
  hasMm(s) ? [p[0] * s.column, p[1] * s.row] : [p[0], p[1]];

/** The unit a length on this image is given in. */
export const lengthUnit = (s: MeasureScale): 'mm' | 'px' => (hasMm(s) ? 'mm' : 'px');
