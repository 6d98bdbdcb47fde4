import type { Vec3 } from './vec3.ts';
import { cross, dot, normalize, vec3 } from './vec3.ts';

/** One displayable image of a series: a single-frame instance, or one frame of a multi-frame one. */
export interface StackFrame {
  instanceId: number;
  /** 0-based frame index inside its instance. */
  frame: number;
  instanceNumber: number | null;
  /** ImagePositionPatient of this frame, mm. */
  position: readonly number[] | null;
  /** ImageOrientationPatient of this frame (6 direction cosines). */
  orientation: readonly number[] | null;
}

export interface SliceSpacing {
  /** Consecutive slices are equally spaced (within tolerance) and no two share a position. */
  regular: boolean;
  /** Median distance between consecutive slice centres, mm (null for fewer than two slices). */
  spacing: number | null;
  min: number | null;
  max: number | null;
  /** Slices at the same position as their neighbour (repeated acquisitions, multi-phase). */
  duplicates: number;
}

export interface SortedStack<T extends StackFrame> {
  frames: T[];
  /** Sorted by position along the slice normal; false when falling back to Instance Number. */
  byGeometry: boolean;
  /** Why the geometry could not be used (missing positions, mixed orientations), or null. */
  fallbackReason: string | null;
  /** Unit slice normal (row × column cosines) of the stack, when known. */
  normal: Vec3 | null;
  /** Each frame's position projected on the normal, mm, in the sorted order (null if unknown). */
  locations: (number | null)[];
  spacing: SliceSpacing;
}

/** Orientations closer than ~1.8° (cos > 0.9995) are the same plane for sorting and reformatting. */
const SAME_ORIENTATION_COS = 0.9995;

const byInstanceNumber = <T extends StackFrame>(a: T, b: T): number =>
  (a.instanceNumber ?? Number.MAX_SAFE_INTEGER) - (b.instanceNumber ?? Number.MAX_SAFE_INTEGER) ||
  a.instanceId - b.instanceId ||
  a.frame - b.frame;

function normalOf(orientation: readonly number[] | null): Vec3 | null {
  if (!orientation) return null;
  const row = vec3(orientation, 0);
  const col = vec3(orientation, 3);
  if (!row || !col) return null;
  const n = normalize(cross(row, col));
  return n[0] === 0 && n[1] === 0 && n[2] === 0 ? null : n;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Spacing of sorted slice locations. Regular means every gap is within max(0.01 mm, 2 %) of the
 * median gap: a missing slice (a double gap) or a repeated position makes the stack irregular.
 */
export function sliceSpacing(locations: readonly number[]): SliceSpacing {
  if (locations.length < 2) return { regular: true, spacing: null, min: null, max: null, duplicates: 0 };
  const gaps = locations.slice(1).map((l, i) => Math.abs(l - locations[i]!));
  const duplicates = gaps.filter((g) => g < 1e-3).length;
  const real = gaps.filter((g) => g >= 1e-3);
  if (!real.length) return { regular: false, spacing: 0, min: 0, max: 0, duplicates };
  const spacing = median(real);
  const tolerance = Math.max(0.01, spacing * 0.02);
  const min = Math.min(...real);
  const max = Math.max(...real);
  return {
    regular: duplicates === 0 && max - spacing <= tolerance && spacing - min <= tolerance,
    spacing,
    min,
    max,
    duplicates,
  };
}

/**
 * Orders a series for stack display: by ImagePositionPatient projected on the slice normal, when
 * every frame has a position and all share one orientation; otherwise by Instance Number (then
 * frame). The direction follows Instance Number where it correlates with position, so scrolling
 * goes the way the scanner numbered the images; ties keep Instance Number order.
 */
export function sortStack<T extends StackFrame>(input: readonly T[]): SortedStack<T> {
  const frames = [...input].sort(byInstanceNumber);
  const fallback = (reason: string | null, normal: Vec3 | null): SortedStack<T> => ({
    frames,
    byGeometry: false,
    fallbackReason: reason,
    normal,
    locations: frames.map((f) => (normal && f.position ? projection(f.position, normal) : null)),
    spacing: sliceSpacing([]),
  });
  if (frames.length === 0) return fallback(null, null);
  const normal = normalOf(frames[0]!.orientation);
  if (!normal || frames.some((f) => !f.position || f.position.length < 3))
    return fallback(frames.length > 1 ? 'Some images have no position or orientation.' : null, normal);
  if (frames.some((f) => Math.abs(dot(normalOf(f.orientation) ?? [0, 0, 0], normal)) < SAME_ORIENTATION_COS))
    return fallback('The images lie in different planes.', normal);

  const keyed = frames.map((f, order) => ({ f, order, d: projection(f.position!, normal) }));
  keyed.sort((a, b) => a.d - b.d || a.order - b.order);
  if (followsDescendingNumbers(keyed.map((k) => k.f.instanceNumber))) keyed.reverse();
  // Reversing also reversed ties; restore Instance Number order within equal positions.
  const sorted = stableTies(keyed);
  const locations = sorted.map((k) => k.d);
  return {
    frames: sorted.map((k) => k.f),
    byGeometry: true,
    fallbackReason: null,
    normal,
    locations,
    spacing: sliceSpacing(locations),
  };
}

const projection = (position: readonly number[], normal: Vec3): number =>
  position[0]! * normal[0] + position[1]! * normal[1] + position[2]! * normal[2];

/** True when Instance Numbers mostly fall along the ascending-position order. */
function followsDescendingNumbers(numbers: (number | null)[]): boolean {
  let up = 0;
  let down = 0;
  for (let i = 1; i < numbers.length; i++) {
    const [a, b] = [numbers[i - 1], numbers[i]];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    if (b > a) up++;
    else if (b < a) down++;
  }
  return down > up;
}

function stableTies<K extends { d: number; order: number }>(keyed: K[]): K[] {
  const out: K[] = [];
  for (let i = 0; i < keyed.length;) {
    let j = i + 1;
    while (j < keyed.length && Math.abs(keyed[j]!.d - keyed[i]!.d) < 1e-3) j++;
    out.push(...keyed.slice(i, j).sort((a, b) => a.order - b.order));
    i = j;
  }
  return out;
}
