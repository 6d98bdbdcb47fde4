import type { Vec3 } from './vec3.ts';
import { add, cross, dot, normalize, scale, sub, vec3 } from './vec3.ts';

/**
 * Where an image lies in patient space (PS3.3 C.7.6.2): the centre of its first pixel, the unit
 * directions of increasing column (along a row) and increasing row (down a column), and spacing.
 */
export interface ImagePlane {
  rows: number;
  columns: number;
  /** ImagePositionPatient: the centre of the top left pixel, mm. */
  position: Vec3;
  /** First triplet of ImageOrientationPatient: the direction of increasing column index. */
  rowCosines: Vec3;
  /** Second triplet: the direction of increasing row index. */
  columnCosines: Vec3;
  /** PixelSpacing[0]: distance between the centres of adjacent rows, mm. */
  rowSpacing: number;
  /** PixelSpacing[1]: distance between the centres of adjacent columns, mm. */
  columnSpacing: number;
}

export const planeNormal = (p: Pick<ImagePlane, 'rowCosines' | 'columnCosines'>): Vec3 =>
  normalize(cross(p.rowCosines, p.columnCosines));

/** Builds a plane from header values; null when any part of the geometry is missing. */
export function imagePlaneOf(h: {
  rows: number | null;
  columns: number | null;
  position: readonly number[] | null;
  orientation: readonly number[] | null;
  pixelSpacing: readonly number[] | null;
}): ImagePlane | null {
  if (!h.rows || !h.columns || !h.position || !h.orientation || !h.pixelSpacing) return null;
  const position = vec3(h.position);
  const row = vec3(h.orientation, 0);
  const col = vec3(h.orientation, 3);
  const [rowSpacing, columnSpacing] = h.pixelSpacing;
  if (!position || !row || !col || !rowSpacing || !columnSpacing) return null;
  return {
    rows: h.rows,
    columns: h.columns,
    position,
    rowCosines: normalize(row),
    columnCosines: normalize(col),
    rowSpacing,
    columnSpacing,
  };
}

/** Patient position of pixel (column, row); fractional indices allowed. */
export function pixelToPatient(p: ImagePlane, column: number, row: number): Vec3 {
  return add(
    p.position,
    add(scale(p.rowCosines, column * p.columnSpacing), scale(p.columnCosines, row * p.rowSpacing)),
  );
}

/** Pixel indices of the point's projection on the plane, and its signed distance from the plane. */
export function patientToPixel(
  p: ImagePlane,
  point: Vec3,
): { column: number; row: number; distance: number } {
  const d = sub(point, p.position);
  return {
    column: dot(d, p.rowCosines) / p.columnSpacing,
    row: dot(d, p.columnCosines) / p.rowSpacing,
    distance: dot(d, planeNormal(p)),
  };
}

export const planeCentre = (p: ImagePlane): Vec3 => pixelToPatient(p, (p.columns - 1) / 2, (p.rows - 1) / 2);

/** |cos| of the angle between the planes' normals: 1 for parallel planes, 0 for perpendicular. */
export const parallelism = (a: ImagePlane, b: ImagePlane): number =>
  Math.abs(dot(planeNormal(a), planeNormal(b)));

export interface PixelSegment {
  from: { column: number; row: number };
  to: { column: number; row: number };
}

/**
 * The reference line: where the `source` plane cuts the `target` image, in the target's pixel
 * coordinates, clipped to the image's outer pixel edges. Null when the planes are (nearly)
 * parallel or the line misses the image.
 */
export function referenceLine(
  target: ImagePlane,
  source: ImagePlane,
  minAngleCos = 0.9,
): PixelSegment | null {
  if (parallelism(target, source) > minAngleCos) return null;
  const n = planeNormal(source);
  // Points of the target at (c, r) satisfy a·c + b·r + d = 0 on the source plane.
  const a = dot(n, target.rowCosines) * target.columnSpacing;
  const b = dot(n, target.columnCosines) * target.rowSpacing;
  const d = dot(n, sub(target.position, source.position));
  const [xMin, xMax, yMin, yMax] = [-0.5, target.columns - 0.5, -0.5, target.rows - 0.5];
  const hits: { column: number; row: number }[] = [];
  const push = (column: number, row: number): void => {
    const eps = 1e-9;
    if (column < xMin - eps || column > xMax + eps || row < yMin - eps || row > yMax + eps) return;
    if (hits.some((h) => Math.abs(h.column - column) < 1e-6 && Math.abs(h.row - row) < 1e-6)) return;
    hits.push({ column, row });
  };
  if (Math.abs(b) > 1e-12) {
    push(xMin, -(a * xMin + d) / b);
    push(xMax, -(a * xMax + d) / b);
  }
  if (Math.abs(a) > 1e-12) {
    push(-(b * yMin + d) / a, yMin);
    push(-(b * yMax + d) / a, yMax);
  }
  const [from, to] = hits;
  return from && to ? { from, to } : null;
}
