import { MAT } from './materials.ts';
import { PRIORITY } from './priorities.ts';
import { type Primitive, box, capsule, ellipsoid, frustum } from './primitives.ts';
import { type SacralPlate, anteriorVector, upVector } from './spinal-column.ts';
import { DEG, type Vec3, combine } from './vec3.ts';
import { type BodyDims, type EndplateStyle, buildBody, cortical, trabecular } from './vertebra-builder.ts';
import { type VertebralFrame, frameOf } from './vertebral-frame.ts';

export interface SacralSegment {
  readonly name: string;
  readonly frame: VertebralFrame;
  readonly dims: BodyDims;
  /** Sacral canal half-width and half-depth behind this segment. */
  readonly canal: readonly [number, number];
}

// name, height, depth, width, curvature to the next segment (deg), canal half-width, half-depth.
const SEGMENTS: ReadonlyArray<readonly [string, number, number, number, number, number, number]> = [
  ['S1', 24, 36, 48, 8, 13, 6.5],
  ['S2', 21, 28, 40, 12, 12, 5.5],
  ['S3', 18, 22, 32, 14, 10, 4.5],
  ['S4', 15, 17, 25, 16, 8, 3.5],
  ['S5', 12, 13, 19, 18, 6, 2.5],
  ['Co1', 14, 11, 14, 15, 0, 0],
  ['Co2', 11, 9, 10, 0, 0, 0],
];

/** Sacral and coccygeal segments hanging from the S1 endplate, curving forward (sacral kyphosis). */
export function sacralSegments(plate: SacralPlate): SacralSegment[] {
  let phi = plate.tiltDeg * DEG;
  let top: Vec3 = plate.mid;
  const out: SacralSegment[] = [];
  for (const [name, height, depth, width, bend, hw, hd] of SEGMENTS) {
    const up = upVector(phi);
    const centre = combine(top, [up, -height / 2]);
    out.push({
      name,
      frame: frameOf({ centre, up, anterior: anteriorVector(phi) }),
      dims: { height, depth, width },
      canal: [hw, hd],
    });
    top = combine(top, [up, -height - (name.startsWith('Co') ? 1.5 : 0)]);
    phi -= bend * DEG;
  }
  return out;
}

/**
 * Fused sacral bodies, alae, dorsal wall of the sacral canal, S1 superior articular processes and
 * the anterior sacral foramina.
 */
export function buildSacrum(
  segments: readonly SacralSegment[],
  s1Upper: EndplateStyle,
  l5FacetX: number,
): Primitive[] {
  const out: Primitive[] = [];
  segments.forEach((s, i) => {
    const f = s.frame;
    const d = s.dims;
    out.push(
      ...buildBody(
        f,
        d,
        i === 0
          ? { upper: s1Upper, lower: { remodelled: true } }
          : { upper: { remodelled: true }, lower: { remodelled: true } },
        s.name,
      ),
    );
    if (i > 0 && i < 3) {
      // Vestigial S1–S2 and S2–S3 discs: thin dense lines in an adult sacrum.
      out.push(
        frustum(
          f.at(0, -d.depth / 12, d.height / 2 - 0.6),
          f.at(0, -d.depth / 12, d.height / 2 + 0.6),
          d.width * 0.42,
          d.depth * 0.5,
          f.left,
          { material: MAT.sclerosis, priority: PRIORITY.sclerosis, label: `${s.name} vestigial disc` },
        ),
      );
    }
    if (s.canal[0] === 0) return;
    // Dorsal wall (fused laminae) and median crest.
    const roofA = -d.depth / 2 - 2 * s.canal[1] - 3.5;
    const axes = { x: f.left, y: f.anterior, z: f.up };
    const half: Vec3 = [s.canal[0] + 9, 3.5, d.height / 2 + 1.5];
    out.push(
      box(f.at(0, roofA, 0), axes, half, cortical(`${s.name} dorsal wall`)),
      box(
        f.at(0, roofA, 0),
        axes,
        [half[0] - 1.2, 2.3, half[2]],
        trabecular(`${s.name} dorsal wall`, undefined, true),
      ),
      box(f.at(0, roofA - 6, -2), axes, [3, 5, d.height / 2 - 2], cortical(`${s.name} median crest`)),
    );
    // Lateral masses (alae at S1–S2) out to the sacroiliac joints.
    if (i < 4) {
      const reach = [34, 28, 20, 12][i] as number;
      const r: Vec3 = [reach / 2 + 5, d.depth / 2 + 2, d.height / 2 + (i === 0 ? 4 : 2)];
      for (const side of [1, -1] as const) {
        const c = f.at(side * (d.width / 2 + reach / 2 - 5), -d.depth * 0.22, i === 0 ? -4 : 0);
        out.push(
          ellipsoid(c, axes, r, cortical(`${s.name} lateral mass`)),
          ellipsoid(c, axes, [r[0] - 0.6, r[1] - 0.6, r[2] - 0.6], trabecular(`${s.name} lateral mass`)),
        );
      }
      // Anterior sacral foramina at the segment's lower border.
      const fr = [4.5, 4, 3.3, 2.6][i] as number;
      for (const side of [1, -1] as const) {
        const x = side * (d.width / 2 + 3);
        out.push(
          capsule(
            f.at(x, d.depth / 2 + 4, -d.height / 2),
            f.at(x * 1.1, -d.depth / 2 - s.canal[1], -d.height / 2),
            fr,
            { material: MAT.epiduralFat, priority: PRIORITY.foramen, label: `${s.name} foramen` },
          ),
        );
      }
    }
    if (i === 0) {
      // S1 superior articular processes, lateral to the L5 inferior articular processes.
      for (const side of [1, -1] as const) {
        const c = f.at(side * (l5FacetX + 7.4), -d.depth / 2 - 13, d.height / 2 + 3);
        out.push(
          box(c, axes, [3, 7, 9], cortical('S1 superior articular process')),
          box(c, axes, [1.8, 5.8, 7.8], trabecular('S1 superior articular process', undefined, true)),
        );
      }
    }
  });
  return out;
}

/** Sacral-canal nodes (for the canal builder): bottom-up, S4 to S1. */
export function sacralCanalCentres(
  segments: readonly SacralSegment[],
): Array<{ name: string; centre: Vec3; anterior: Vec3; canal: readonly [number, number] }> {
  return segments
    .filter((s) => s.canal[0] > 0)
    .map((s) => ({
      name: s.name,
      centre: s.frame.at(0, -s.dims.depth / 2 - s.canal[1], 0),
      anterior: s.frame.anterior,
      canal: s.canal,
    }))
    .reverse();
}
