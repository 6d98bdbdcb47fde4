import { FINDINGS } from './design.ts';
import type { DiscSpace } from './disc-builder.ts';
import { MAT } from './materials.ts';
import { PRIORITY } from './priorities.ts';
import { type Primitive, type Style, box, capsule, capsuleChain, frustum } from './primitives.ts';
import { type Vec3, combine, normalize, sub } from './vec3.ts';

export type Side = 'left' | 'right';

/** One pedicle screw as planted (patient coordinates, mm). */
export interface ScrewSpec {
  readonly vertebra: 'L4' | 'L5' | 'S1';
  readonly side: Side;
  /** Where the shank enters bone, and the tip. */
  readonly entry: Vec3;
  readonly tip: Vec3;
  /** Rod seat in the tulip head. */
  readonly head: Vec3;
  readonly diameterMm: number;
  readonly lengthMm: number;
  readonly state: 'intact' | 'loose';
  readonly haloWidthMm: number;
}

export const SCREW_DIAMETER = 6.5;
const ROD_RADIUS = 2.75;
const metal = (label: string) => ({ material: MAT.titanium, priority: PRIORITY.metal, label });

/** Screw from an entry point along a direction; the shank ends in a short cone. */
export function screwSpec(
  vertebra: ScrewSpec['vertebra'],
  side: Side,
  entry: Vec3,
  dir: Vec3,
  length: number,
  loose: boolean,
): ScrewSpec {
  return {
    vertebra,
    side,
    entry,
    tip: combine(entry, [dir, length]),
    head: combine(entry, [dir, -8]),
    diameterMm: SCREW_DIAMETER,
    lengthMm: length,
    state: loose ? 'loose' : 'intact',
    haloWidthMm: loose ? FINDINGS.haloWidthMm : 0,
  };
}

export function buildScrew(s: ScrewSpec): Primitive[] {
  const dir = normalize(sub(s.tip, s.entry));
  const r = s.diameterMm / 2;
  const label = `${s.vertebra} ${s.side} pedicle screw`;
  const coneStart = combine(s.tip, [dir, -4]);
  const out: Primitive[] = [
    frustum(combine(s.entry, [dir, -3]), coneStart, r, r, [1, 0, 0], metal(label)),
    frustum(coneStart, s.tip, r, r, [1, 0, 0], metal(label), 1, 0.3),
    // Tulip head with its set screw.
    frustum(
      combine(s.entry, [dir, -2]),
      combine(s.entry, [dir, -15]),
      5.6,
      5.6,
      [1, 0, 0],
      metal(`${label} head`),
    ),
  ];
  if (s.state === 'loose') {
    const haloR = r + s.haloWidthMm;
    const from = combine(s.entry, [dir, 3]);
    const to = combine(s.tip, [dir, -haloR + s.haloWidthMm]);
    out.push(
      capsule(from, to, haloR + FINDINGS.haloSclerosisMm, {
        material: MAT.sclerosis,
        priority: PRIORITY.haloRim,
        label: `${label} sclerotic rim`,
      }),
      capsule(from, to, haloR, {
        material: MAT.fibrousCleft,
        priority: PRIORITY.halo,
        label: `${label} lucent halo`,
      }),
    );
  }
  return out;
}

/** Smooth rod through the screw heads (Catmull–Rom), overhanging both ends by 6 mm. */
export function rodPath(heads: readonly Vec3[]): Vec3[] {
  const first = heads[0] as Vec3;
  const last = heads[heads.length - 1] as Vec3;
  const pts = [
    combine(first, [normalize(sub(first, heads[1] as Vec3)), 6]),
    ...heads,
    combine(last, [normalize(sub(last, heads[heads.length - 2] as Vec3)), 6]),
  ];
  const out: Vec3[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const p0 = pts[Math.max(0, i - 1)] as Vec3,
      p1 = pts[i] as Vec3,
      p2 = pts[i + 1] as Vec3,
      p3 = pts[Math.min(pts.length - 1, i + 2)] as Vec3;
    for (let k = 0; k < 4; k++) {
      const t = k / 4;
      const t2 = t * t,
        t3 = t2 * t;
      const c = (j: 0 | 1 | 2): number =>
        0.5 *
        (2 * p1[j] +
          (-p0[j] + p2[j]) * t +
          (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2 +
          (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3);
      out.push([c(0), c(1), c(2)]);
    }
  }
  out.push(pts[pts.length - 1] as Vec3);
  return out;
}

export const buildRod = (path: readonly Vec3[], side: Side): Primitive[] =>
  capsuleChain(path, ROD_RADIUS, metal(`${side} rod`));

export type InterbodyState = 'fused' | 'pseudarthrosis';

/** Bilateral PLIF cages (PEEK, tantalum markers) with graft in their windows and around them. */
export function buildInterbody(s: DiscSpace, state: InterbodyState): Primitive[] {
  const axes = { x: s.left, y: s.anterior, z: s.up };
  const fused = state === 'fused';
  const graftMat = fused ? MAT.graftFused : MAT.graftResorbing;
  const out: Primitive[] = [];
  const ac = -s.depth / 12;
  const graftShrink = fused ? 4 : 8;
  const graftFootprint = (halfHeight: number, style: Style): Primitive =>
    frustum(
      s.at(0, ac, -halfHeight),
      s.at(0, ac, halfHeight),
      s.width / 2 - graftShrink,
      (7 * s.depth) / 12 - graftShrink,
      s.left,
      style,
    );
  out.push(
    graftFootprint(s.midHeight, {
      material: graftMat,
      priority: PRIORITY.graft,
      label: `${s.level} interbody graft`,
      clips: s.between(fused ? 0 : 0.8),
    }),
  );
  const half = FINDINGS.pseudarthrosisCleftMm / 2;
  const rim = half + FINDINGS.pseudarthrosisRimMm;
  // Sclerotic margins of the non-union: the graft's footprint within `rim` of the cleft plane.
  if (!fused)
    out.push(
      graftFootprint(rim, {
        material: MAT.sclerosis,
        priority: PRIORITY.cleftRimOuter,
        label: `${s.level} pseudarthrosis margin`,
        clips: s.between(0.8),
      }),
    );
  for (const x of [11, -11]) {
    const c = s.at(x, -1, 0);
    out.push(
      box(c, axes, [5, 12, s.midHeight + 4], {
        material: MAT.peek,
        priority: PRIORITY.cage,
        label: `${s.level} cage`,
        clips: s.between(0),
      }),
      box(c, axes, [2.8, 7, s.midHeight + 4], {
        material: graftMat,
        priority: PRIORITY.cageGraft,
        label: `${s.level} cage graft`,
        clips: s.between(0),
      }),
      capsule(s.at(x, -11, -1.5), s.at(x, -11, 1.5), 0.5, {
        material: MAT.tantalum,
        priority: PRIORITY.marker,
        label: `${s.level} cage marker`,
      }),
      capsule(s.at(x, 9, -1.5), s.at(x, 9, 1.5), 0.5, {
        material: MAT.tantalum,
        priority: PRIORITY.marker,
        label: `${s.level} cage marker`,
      }),
    );
    if (!fused) {
      out.push(
        box(c, axes, [2.8, 7, rim], {
          material: MAT.sclerosis,
          priority: PRIORITY.cleftRimInner,
          label: `${s.level} pseudarthrosis margin`,
        }),
        box(c, axes, [2.8, 7, half], {
          material: MAT.fibrousCleft,
          priority: PRIORITY.cleftInner,
          label: `${s.level} pseudarthrosis cleft`,
        }),
      );
    }
  }
  if (!fused) {
    out.push(
      box(s.centre, axes, [s.width / 2 + 2, s.depth / 2 + 2, half], {
        material: MAT.fibrousCleft,
        priority: PRIORITY.cleftOuter,
        label: `${s.level} pseudarthrosis cleft`,
      }),
    );
  }
  return out;
}

/** Posterolateral graft bar between two points; a non-union leaves a gap in its middle. */
export function buildPosterolateralGraft(
  from: Vec3,
  to: Vec3,
  bulge: Vec3,
  fused: boolean,
  label: string,
): Primitive[] {
  const mid = combine(from, [sub(to, from), 0.5], [bulge, 1]);
  if (fused) {
    const path = [from, mid, to];
    return [
      ...capsuleChain(path, 7.5, { material: MAT.cortical, priority: PRIORITY.cortical, label }),
      ...capsuleChain(path, 6.2, { material: MAT.graftFused, priority: PRIORITY.graft, label }),
    ];
  }
  const gap = FINDINGS.posterolateralGapMm / 2;
  const d1 = normalize(sub(mid, from));
  const d2 = normalize(sub(to, mid));
  const r = 6;
  const style = { material: MAT.graftResorbing, priority: PRIORITY.graft, label };
  return [
    capsule(from, combine(mid, [d1, -gap - r]), r, style),
    capsule(combine(mid, [d2, gap + r]), to, r, style),
  ];
}
