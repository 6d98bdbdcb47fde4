import { MAT } from './materials.ts';
import { PRIORITY } from './priorities.ts';
import { type Plane, type Primitive, ellipsoid, frustum, halfSpace } from './primitives.ts';
import { type Vec3, add, combine, lerp, normalize, scale } from './vec3.ts';

/** The endplate a disc rests on or hangs from. */
export interface Endplate {
  readonly mid: Vec3;
  readonly up: Vec3;
  readonly anterior: Vec3;
  readonly width: number;
  readonly depth: number;
}

export type DiscState = 'healthy' | 'degenerate' | 'fused' | 'pseudarthrosis';

/** Frame of the disc space between two endplates: centre, mean normal and anterior direction. */
export interface DiscSpace {
  readonly level: string;
  readonly centre: Vec3;
  readonly up: Vec3;
  readonly anterior: Vec3;
  readonly left: Vec3;
  readonly width: number;
  readonly depth: number;
  readonly midHeight: number;
  /** Keeps a primitive between the two endplates (inset mm from each). */
  readonly between: (inset: number) => Plane[];
  readonly at: (l: number, a: number, u: number) => Vec3;
}

export function discSpace(level: string, lower: Endplate, upper: Endplate): DiscSpace {
  const centre = lerp(lower.mid, upper.mid, 0.5);
  const up = normalize(add(lower.up, upper.up));
  const anterior = normalize(add(lower.anterior, upper.anterior));
  const left: Vec3 = [1, 0, 0];
  const diff = [upper.mid[0] - lower.mid[0], upper.mid[1] - lower.mid[1], upper.mid[2] - lower.mid[2]];
  const midHeight = Math.hypot(diff[0] as number, diff[1] as number, diff[2] as number);
  return {
    level,
    centre,
    up,
    anterior,
    left,
    width: (lower.width + upper.width) / 2,
    depth: (lower.depth + upper.depth) / 2,
    midHeight,
    between: (inset) => [
      halfSpace(combine(lower.mid, [lower.up, inset]), scale(lower.up, -1)),
      halfSpace(combine(upper.mid, [upper.up, -inset]), upper.up),
    ],
    at: (l, a, u) => combine(centre, [left, l], [anterior, a], [up, u]),
  };
}

export interface DiscOptions {
  readonly state: DiscState;
  /** Posterior bulge beyond the vertebral margin (mm). */
  readonly posteriorBulgeMm?: number;
}

/**
 * Annulus and nucleus. Fused and non-united levels keep only a peripheral annulus ring: the
 * nucleus was removed at surgery and the space holds cages and graft (see hardware builder).
 */
export function buildDisc(s: DiscSpace, opts: DiscOptions): Primitive[] {
  const ac = -s.depth / 12;
  const a = s.width / 2 + 1;
  const b = (7 * s.depth) / 12 + 1;
  const reach = s.midHeight + 12;
  const bulge = opts.posteriorBulgeMm ?? 0.5;
  const back = halfSpace(s.at(0, -s.depth / 2 - bulge, 0), scale(s.anterior, -1));
  const p0 = s.at(0, ac, -reach / 2);
  const p1 = s.at(0, ac, reach / 2);
  const label = `${s.level} disc`;
  const out: Primitive[] = [
    frustum(p0, p1, a, b, s.left, {
      material: MAT.annulus,
      priority: PRIORITY.annulus,
      label,
      clips: [...s.between(0), back],
    }),
  ];
  if (opts.state === 'healthy' || opts.state === 'degenerate') {
    const degenerate = opts.state === 'degenerate';
    out.push(
      ellipsoid(
        s.at(0, -s.depth * 0.06, 0),
        { x: s.left, y: s.anterior, z: s.up },
        [s.width * 0.3, s.depth * 0.27, s.midHeight * (degenerate ? 0.3 : 0.42)],
        {
          material: degenerate ? MAT.nucleusDegenerate : MAT.nucleus,
          priority: PRIORITY.nucleus,
          label: `${label} nucleus`,
          clips: s.between(0.8),
        },
      ),
    );
    if (degenerate) {
      // Vacuum phenomenon: a streak of nitrogen in a degenerate disc, typical of Pfirrmann IV–V.
      out.push(
        ellipsoid(
          s.at(2, s.depth * 0.08, 0),
          { x: s.left, y: s.anterior, z: s.up },
          [s.width * 0.18, s.depth * 0.12, 0.9],
          {
            material: MAT.vacuum,
            priority: PRIORITY.discGas,
            label: `${label} vacuum`,
          },
        ),
      );
    }
  }
  return out;
}
