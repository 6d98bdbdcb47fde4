import type { Vec3 } from './vec3.ts';

/** The letters shown at the middle of each edge of a viewport (PS3.3 C.7.6.1.1.1, in S/I form). */
export interface EdgeMarkers {
  top: string;
  bottom: string;
  left: string;
  right: string;
}

/** What the viewport does to the image before showing it (cornerstone applies flips first, then rotation). */
export interface DisplayTransform {
  /** Clockwise on screen, degrees; multiples of 90 give exact markers. */
  rotation: number;
  hflip: boolean;
  vflip: boolean;
}

/** Secondary letters appear when the direction leans more than ~17° (|cos| ≥ 0.3) towards another axis. */
const SECONDARY = 0.3;

/**
 * The patient direction a vector points to, as letters ordered by dominance: patient-based
 * coordinates are LPS (+x left, +y posterior, +z head), shown as L/R, P/A, S/I.
 */
export function directionLetters(v: Vec3, secondary = SECONDARY): string {
  const axes = [
    { m: Math.abs(v[0]), letter: v[0] < 0 ? 'R' : 'L' },
    { m: Math.abs(v[1]), letter: v[1] < 0 ? 'A' : 'P' },
    { m: Math.abs(v[2]), letter: v[2] < 0 ? 'I' : 'S' },
  ].sort((a, b) => b.m - a.m);
  return axes
    .filter((a, i) => i === 0 || a.m >= secondary)
    .map((a) => a.letter)
    .join('');
}

const OPPOSITE: Record<string, string> = { L: 'R', R: 'L', A: 'P', P: 'A', S: 'I', I: 'S', H: 'F', F: 'H' };

/** The letters of the opposite direction ("LP" → "RA"). */
export const oppositeLetters = (letters: string): string =>
  [...letters].map((c) => OPPOSITE[c] ?? c).join('');

/** Markers of an image as stored, from its row and column direction cosines. */
export function markersFromCosines(rowCosines: Vec3, columnCosines: Vec3): EdgeMarkers {
  const right = directionLetters(rowCosines);
  const bottom = directionLetters(columnCosines);
  return { right, left: oppositeLetters(right), bottom, top: oppositeLetters(bottom) };
}

/**
 * Markers of a projection radiograph from Patient Orientation (0020,0020): the directions of the
 * rows (towards the right of the image) and columns (towards its bottom), e.g. "P\F" for a left
 * lateral. H and F are shown as S and I, like the cross-sectional markers.
 */
export function markersFromPatientOrientation(values: readonly string[] | null): EdgeMarkers | null {
  if (!values || values.length < 2) return null;
  const norm = (s: string): string =>
    s
      .toUpperCase()
      .replace(/[^LRAPHFSI]/g, '')
      .replace(/H/g, 'S')
      .replace(/F/g, 'I');
  const right = norm(values[0]!);
  const bottom = norm(values[1]!);
  if (!right || !bottom) return null;
  return { right, left: oppositeLetters(right), bottom, top: oppositeLetters(bottom) };
}

/** Markers after the viewport's flips and rotation (flips act on the image, then it turns). */
export function transformMarkers(m: EdgeMarkers, t: DisplayTransform): EdgeMarkers {
  let out = { ...m };
  if (t.hflip) out = { ...out, left: out.right, right: out.left };
  if (t.vflip) out = { ...out, top: out.bottom, bottom: out.top };
  const quarterTurns = ((Math.round(t.rotation / 90) % 4) + 4) % 4;
  for (let i = 0; i < quarterTurns; i++)
    out = { top: out.left, right: out.top, bottom: out.right, left: out.bottom };
  return out;
}
