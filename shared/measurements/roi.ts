import type { ImagePoint } from './types.ts';

/** The pixels of a frame as the modality gives them (stored value × slope + intercept). */
export interface FramePixels {
  columns: number;
  rows: number;
  data: ArrayLike<number>;
  slope: number;
  intercept: number;
}

export interface RoiStats {
  mean: number;
  sd: number;
  min: number;
  max: number;
  /** Pixels inside. */
  count: number;
}

/**
 * Statistics of the pixels whose centres lie inside an axis-aligned rectangle or the ellipse
 * inscribed in it (corners `a` and `b`, image pixels). SD is the sample standard deviation.
 */
export function roiStats(
  px: FramePixels,
  shape: 'ellipse' | 'rectangle',
  a: ImagePoint,
  b: ImagePoint,
): RoiStats {
  const [x0, x1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
  const [y0, y1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
  const [cx, cy, rx, ry] = [(x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2];
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let r = Math.max(0, Math.ceil(y0)); r <= Math.min(px.rows - 1, Math.floor(y1)); r++)
    for (let c = Math.max(0, Math.ceil(x0)); c <= Math.min(px.columns - 1, Math.floor(x1)); c++) {
      if (shape === 'ellipse') {
        if (rx <= 0 || ry <= 0) continue;
        const dx = (c - cx) / rx;
        const dy = (r - cy) / ry;
        if (dx * dx + dy * dy > 1) continue;
      }
      const v = px.data[r * px.columns + c]! * px.slope + px.intercept;
      n++;
      sum += v;
      sumSq += v * v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  if (n === 0) return { mean: NaN, sd: NaN, min: NaN, max: NaN, count: 0 };
  const mean = sum / n;
  const sd = n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1))) : 0;
  return { mean, sd, min, max, count: n };
}

/** Area of the drawn shape in physical units² (mm² with a scale, else px²). */
export function roiArea(shape: 'ellipse' | 'rectangle', widthUnits: number, heightUnits: number): number {
  return shape === 'ellipse' ? (Math.PI * widthUnits * heightUnits) / 4 : widthUnits * heightUnits;
}

/** Value of the pixel whose centre is nearest (pixel centres at integers); null outside the image. */
export function pixelValue(px: FramePixels, p: ImagePoint): number | null {
  const [c, r] = [Math.round(p[0]), Math.round(p[1])];
  if (c < 0 || r < 0 || c >= px.columns || r >= px.rows) return null;
  return px.data[r * px.columns + c]! * px.slope + px.intercept;
}
