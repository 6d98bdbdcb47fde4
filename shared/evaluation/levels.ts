/**
 * Spinal motion segments from C2-C3 to L5-S1.
 * A fusion is recorded as the segments it spans: an L4–S1 fusion is ["L4-L5", "L5-S1"].
 */
export const VERTEBRAE = [
  'C2', 'C3', 'C4', 'C5', 'C6', 'C7',
  'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12',
  'L1', 'L2', 'L3', 'L4', 'L5',
  'S1',
] as const; // prettier-ignore

export type Vertebra = (typeof VERTEBRAE)[number];

export const SEGMENTS = VERTEBRAE.slice(0, -1).map(
  (upper, i) => `${upper}-${VERTEBRAE[i + 1] ?? ''}`,
) as readonly string[] as readonly SegmentId[];

export type SegmentId = `${Vertebra}-${Vertebra}`;

const SEGMENT_INDEX = new Map<string, number>(SEGMENTS.map((s, i) => [s, i]));

export function isSegmentId(s: string): s is SegmentId {
  return SEGMENT_INDEX.has(s);
}

/** Segments in cranio-caudal order, unknown ids dropped. */
export function sortSegments(levels: readonly string[]): SegmentId[] {
  return [...new Set(levels.filter(isSegmentId))].sort(
    (a, b) => (SEGMENT_INDEX.get(a) ?? 0) - (SEGMENT_INDEX.get(b) ?? 0),
  );
}

/** C2-C3 … C7-T1 count as cervical (C7-T1 is a cervical-fusion level); the rest thoracolumbar. */
export function segmentRegion(level: SegmentId): 'cervical' | 'thoracolumbar' {
  return level.startsWith('C') ? 'cervical' : 'thoracolumbar';
}

/**
 * The rows of the per-level imaging grid: from `margin` segments above the top fused segment to
 * `margin` below the bottom one (the brief: construct plus two above and below), clamped to C2-C3 …
 * L5-S1. Gaps in a non-contiguous construct are included.
 */
export function constructLevels(fused: readonly string[], margin: number): SegmentId[] {
  const indices = sortSegments(fused).map((s) => SEGMENT_INDEX.get(s) ?? 0);
  if (indices.length === 0) return [];
  const top = Math.max(0, Math.min(...indices) - margin);
  const bottom = Math.min(SEGMENTS.length - 1, Math.max(...indices) + margin);
  return SEGMENTS.slice(top, bottom + 1);
}

/** True when the fused segments leave a gap (e.g. L3-L4 and L5-S1). */
export function hasGaps(fused: readonly string[]): boolean {
  const indices = sortSegments(fused).map((s) => SEGMENT_INDEX.get(s) ?? 0);
  return indices.some((v, i) => i > 0 && v - (indices[i - 1] ?? v) > 1);
}
