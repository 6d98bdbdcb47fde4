import type { ImagePlane } from './geometry.ts';
import type { Vec3 } from './vec3.ts';
import { add, cross, dot, length, normalize, scale, sub } from './vec3.ts';

export type ReformatPlane = 'axial' | 'sagittal' | 'coronal';
export const REFORMAT_PLANES: readonly ReformatPlane[] = ['axial', 'sagittal', 'coronal'];

/** Voxel samples of a volume, slice after slice, row after row (i fastest). */
export type VoxelArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Float32Array;

/**
 * A stack as a volume: voxel (i, j, k) is column i, row j of sorted slice k. Its centre in patient
 * space is origin + i·step[0] + j·step[1] + k·step[2].
 */
export interface VolumeGeometry {
  /** Voxel counts along i (columns), j (rows), k (slices). */
  dims: readonly [number, number, number];
  /** Centre of voxel (0, 0, 0), mm. */
  origin: Vec3;
  /** One voxel step along each axis in patient space, mm (k is not normal to the slices under gantry tilt). */
  steps: readonly [Vec3, Vec3, Vec3];
}

export const axisSpacing = (g: VolumeGeometry, axis: 0 | 1 | 2): number => length(g.steps[axis]);

/**
 * The volume of sorted, equally spaced slices: `first` is the plane of slice 0, `lastPosition`
 * the ImagePositionPatient of the last slice. The slice step follows the real positions, so a
 * gantry-tilted (sheared) stack keeps its true geometry.
 */
export function volumeGeometry(first: ImagePlane, sliceCount: number, lastPosition: Vec3): VolumeGeometry {
  const along = sliceCount > 1 ? scale(sub(lastPosition, first.position), 1 / (sliceCount - 1)) : null;
  return {
    dims: [first.columns, first.rows, sliceCount],
    origin: first.position,
    steps: [
      scale(first.rowCosines, first.columnSpacing),
      scale(first.columnCosines, first.rowSpacing),
      along ?? normalize(cross(first.rowCosines, first.columnCosines)),
    ],
  };
}

/** Degrees between the slice step and the slice normal: the gantry tilt a reformat inherits. */
export function shearDegrees(g: VolumeGeometry): number {
  const n = normalize(cross(g.steps[0], g.steps[1]));
  const k = normalize(g.steps[2]);
  return (Math.acos(Math.min(1, Math.abs(dot(n, k)))) * 180) / Math.PI;
}

/**
 * How each plane is shown, radiological convention: axial seen from the feet (patient's left on
 * screen right, anterior up); sagittal with anterior left and head up; coronal with the patient's
 * left on screen right and head up. The slice index grows along `normal`.
 */
const VIEW: Record<ReformatPlane, { normal: Vec3; right: Vec3; down: Vec3 }> = {
  axial: { normal: [0, 0, -1], right: [1, 0, 0], down: [0, 1, 0] },
  sagittal: { normal: [1, 0, 0], right: [0, 1, 0], down: [0, 0, -1] },
  coronal: { normal: [0, 1, 0], right: [1, 0, 0], down: [0, 0, -1] },
};

type Axis = 0 | 1 | 2;

/** Which voxel axes become the reformatted image's columns, rows and slices, and which run backwards. */
export interface ReformatLayout {
  plane: ReformatPlane;
  depthAxis: Axis;
  columnAxis: Axis;
  rowAxis: Axis;
  depthFlip: boolean;
  columnFlip: boolean;
  rowFlip: boolean;
  columns: number;
  rows: number;
  depth: number;
}

/** The plane the stack was acquired in: the one whose normal is closest to the slice step. */
export function nativePlane(g: VolumeGeometry): ReformatPlane {
  const k = normalize(g.steps[2]);
  const [x, y, z] = k.map(Math.abs) as [number, number, number];
  return x >= y && x >= z ? 'sagittal' : y >= z ? 'coronal' : 'axial';
}

export function reformatLayout(g: VolumeGeometry, plane: ReformatPlane): ReformatLayout {
  const view = VIEW[plane];
  const units = g.steps.map((s) => normalize(s));
  const axes: Axis[] = [0, 1, 2];
  const depthAxis = axes.reduce((best, a) =>
    Math.abs(dot(units[a]!, view.normal)) > Math.abs(dot(units[best]!, view.normal)) ? a : best,
  );
  const rest = axes.filter((a) => a !== depthAxis) as [Axis, Axis];
  const [columnAxis, rowAxis] =
    Math.abs(dot(units[rest[0]]!, view.right)) >= Math.abs(dot(units[rest[1]]!, view.right))
      ? rest
      : [rest[1], rest[0]];
  return {
    plane,
    depthAxis,
    columnAxis,
    rowAxis,
    depthFlip: dot(units[depthAxis]!, view.normal) < 0,
    columnFlip: dot(units[columnAxis]!, view.right) < 0,
    rowFlip: dot(units[rowAxis]!, view.down) < 0,
    columns: g.dims[columnAxis],
    rows: g.dims[rowAxis],
    depth: g.dims[depthAxis],
  };
}

function voxelIndex(l: ReformatLayout, index: number, column: number, row: number): [number, number, number] {
  const v: [number, number, number] = [0, 0, 0];
  v[l.depthAxis] = l.depthFlip ? l.depth - 1 - index : index;
  v[l.columnAxis] = l.columnFlip ? l.columns - 1 - column : column;
  v[l.rowAxis] = l.rowFlip ? l.rows - 1 - row : row;
  return v;
}

const voxelToPatient = (g: VolumeGeometry, [i, j, k]: [number, number, number]): Vec3 =>
  add(g.origin, add(scale(g.steps[0], i), add(scale(g.steps[1], j), scale(g.steps[2], k))));

/** The patient geometry of reformatted slice `index`, with the true spacing of its axes. */
export function reformatPlane(g: VolumeGeometry, l: ReformatLayout, index: number): ImagePlane {
  const dir = (axis: Axis, flip: boolean): Vec3 => normalize(scale(g.steps[axis], flip ? -1 : 1));
  return {
    rows: l.rows,
    columns: l.columns,
    position: voxelToPatient(g, voxelIndex(l, index, 0, 0)),
    rowCosines: dir(l.columnAxis, l.columnFlip),
    columnCosines: dir(l.rowAxis, l.rowFlip),
    columnSpacing: axisSpacing(g, l.columnAxis),
    rowSpacing: axisSpacing(g, l.rowAxis),
  };
}

/** The reformatted slice closest to a patient point (for synchronised scrolling and key images). */
export function reformatIndexNear(g: VolumeGeometry, l: ReformatLayout, point: Vec3): number {
  const p0 = reformatPlane(g, l, 0).position;
  const step = reformatPlane(g, l, Math.min(1, l.depth - 1)).position;
  const d = sub(step, p0);
  const len2 = dot(d, d);
  if (len2 === 0) return 0;
  const index = Math.round(dot(sub(point, p0), d) / len2);
  return Math.max(0, Math.min(l.depth - 1, index));
}

/**
 * For a volume still loading: voxel slice k (along the stack, axis k) is read from slice
 * `sliceMap[k]`, the nearest one loaded. Standing neighbours in by lookup rather than by copying
 * them into the empty slots leaves those slots untouched until their own slice arrives: on first
 * touch every page of a fresh buffer costs a page fault (a 512² × 300 CT's empty slots: ~0.4 s).
 */
export type SliceMap = Int32Array;

/**
 * Copies reformatted slice `index` out of the volume into `out` (rows × columns). Strided reads
 * only, no interpolation: a 512 × 300 sagittal slice takes about a millisecond.
 */
export function extractSlice<T extends VoxelArray>(
  voxels: T,
  g: VolumeGeometry,
  l: ReformatLayout,
  index: number,
  out: T,
  sliceMap: SliceMap | null = null,
): T {
  if (sliceMap) return extractMapped(voxels, g, l, index, [out], sliceMap)[0]!;
  const strides = [1, g.dims[0], g.dims[0] * g.dims[1]];
  const start = voxelIndex(l, index, 0, 0);
  const base = start[0] * strides[0]! + start[1] * strides[1]! + start[2] * strides[2]!;
  const columnStep = (l.columnFlip ? -1 : 1) * strides[l.columnAxis]!;
  const rowStep = (l.rowFlip ? -1 : 1) * strides[l.rowAxis]!;
  const { rows, columns } = l;
  for (let r = 0; r < rows; r++) {
    let src = base + r * rowStep;
    const dst = r * columns;
    for (let c = 0; c < columns; c++, src += columnStep) out[dst + c] = voxels[src]!;
  }
  return out;
}

/**
 * Copies `outs.length` consecutive reformatted slices from `index` on in one pass. When the slice
 * axis runs along memory (the sagittal planes of an axial stack), neighbouring slices share cache
 * lines, so sixteen slices cost little more than one strided slice does.
 */
export function extractSlab<T extends VoxelArray>(
  voxels: T,
  g: VolumeGeometry,
  l: ReformatLayout,
  index: number,
  outs: T[],
  sliceMap: SliceMap | null = null,
): T[] {
  if (sliceMap) return extractMapped(voxels, g, l, index, outs, sliceMap);
  const strides = [1, g.dims[0], g.dims[0] * g.dims[1]];
  const start = voxelIndex(l, index, 0, 0);
  const base = start[0] * strides[0]! + start[1] * strides[1]! + start[2] * strides[2]!;
  const columnStep = (l.columnFlip ? -1 : 1) * strides[l.columnAxis]!;
  const rowStep = (l.rowFlip ? -1 : 1) * strides[l.rowAxis]!;
  const depthStep = (l.depthFlip ? -1 : 1) * strides[l.depthAxis]!;
  const count = outs.length;
  const { rows, columns } = l;
  for (let r = 0; r < rows; r++) {
    let src = base + r * rowStep;
    const dst = r * columns;
    for (let c = 0; c < columns; c++, src += columnStep)
      for (let k = 0, p = src; k < count; k++, p += depthStep) outs[k]![dst + c] = voxels[p]!;
  }
  return outs;
}

/**
 * Slab extraction through a slice map: each image axis gets a table of voxel offsets (the stack
 * axis's entries remapped), so any plane reads the stand-ins. Used only while a volume loads.
 */
function extractMapped<T extends VoxelArray>(
  voxels: T,
  g: VolumeGeometry,
  l: ReformatLayout,
  index: number,
  outs: T[],
  sliceMap: SliceMap,
): T[] {
  const strides = [1, g.dims[0], g.dims[0] * g.dims[1]] as const;
  const offsets = (axis: Axis, flip: boolean, size: number, from: number, count: number): Int32Array => {
    const table = new Int32Array(count);
    for (let t = 0; t < count; t++) {
      const at = flip ? size - 1 - (from + t) : from + t;
      table[t] = (axis === 2 ? sliceMap[at]! : at) * strides[axis];
    }
    return table;
  };
  const { rows, columns } = l;
  const columnOffsets = offsets(l.columnAxis, l.columnFlip, columns, 0, columns);
  const rowOffsets = offsets(l.rowAxis, l.rowFlip, rows, 0, rows);
  const depthOffsets = offsets(l.depthAxis, l.depthFlip, l.depth, index, outs.length);
  outs.forEach((out, k) => {
    const depth = depthOffsets[k]!;
    for (let r = 0; r < rows; r++) {
      const src = depth + rowOffsets[r]!;
      const dst = r * columns;
      for (let c = 0; c < columns; c++) out[dst + c] = voxels[src + columnOffsets[c]!]!;
    }
  });
  return outs;
}

/** Whether reformatted slices of this layout are best read a slab at a time (slice axis along memory). */
export const slabFriendly = (l: ReformatLayout): boolean => l.depthAxis === 0;

/** Linear interpolation weights that put unevenly spaced slices on an even grid. */
export interface ResamplePlan {
  /** Slices of the even grid. */
  count: number;
  /** Grid spacing, mm. */
  spacing: number;
  /** For each grid slice: the source slice below it and the weight of the one above (0–1). */
  lower: Int32Array;
  weight: Float32Array;
}

/**
 * Plans an even grid over sorted slice locations (monotonic, any direction) at `spacing` mm.
 * Null when two slices share a location (the stack is not one volume).
 */
export function resamplePlan(locations: readonly number[], spacing: number): ResamplePlan | null {
  if (locations.length < 2 || !(spacing > 0)) return null;
  const sign = locations[locations.length - 1]! >= locations[0]! ? 1 : -1;
  const d = locations.map((l) => (l - locations[0]!) * sign);
  for (let i = 1; i < d.length; i++) if (d[i]! - d[i - 1]! < 1e-3) return null;
  const total = d[d.length - 1]!;
  const count = Math.floor(total / spacing + 1e-6) + 1;
  const lower = new Int32Array(count);
  const weight = new Float32Array(count);
  let s = 0;
  for (let m = 0; m < count; m++) {
    const t = m * spacing;
    while (s < d.length - 2 && d[s + 1]! < t) s++;
    lower[m] = s;
    weight[m] = Math.min(1, Math.max(0, (t - d[s]!) / (d[s + 1]! - d[s]!)));
  }
  return { count, spacing, lower, weight };
}

/** Applies a plan: `out` gets plan.count slices of `sliceSize` voxels, linearly interpolated. */
export function resampleVolume<T extends VoxelArray>(
  voxels: T,
  sliceSize: number,
  plan: ResamplePlan,
  out: T,
): T {
  const integer = !(out instanceof Float32Array);
  for (let m = 0; m < plan.count; m++) {
    const a = plan.lower[m]! * sliceSize;
    const b = a + sliceSize;
    const w = plan.weight[m]!;
    const dst = m * sliceSize;
    for (let p = 0; p < sliceSize; p++) {
      const v = voxels[a + p]! * (1 - w) + (w > 0 ? voxels[b + p]! * w : 0);
      out[dst + p] = integer ? Math.round(v) : v;
    }
  }
  return out;
}
