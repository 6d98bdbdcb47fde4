import type { Vec3 } from './vec3.ts';
import { dot } from './vec3.ts';

/**
 * The slice of a stack nearest to a patient point, for synchronised scrolling of series that share
 * a Frame of Reference. Null when the point lies outside the stack by more than one slice gap
 * (or half a millimetre for single images): better not to move than to show a wrong level.
 */
export function nearestSlice(
  locations: readonly (number | null)[],
  normal: Vec3,
  point: Vec3,
): number | null {
  const target = dot(point, normal);
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const [i, l] of locations.entries()) {
    if (l === null) continue;
    const d = Math.abs(l - target);
    if (d < bestDistance) [best, bestDistance] = [i, d];
  }
  if (best === null) return null;
  const known = locations.filter((l): l is number => l !== null);
  const gap = known.length > 1 ? Math.abs(known[known.length - 1]! - known[0]!) / (known.length - 1) : 0.5;
  return bestDistance <= Math.max(gap, 0.5) ? best : null;
}
