import { MAT } from './materials.ts';
import { PRIORITY } from './priorities.ts';
import { type Axes, type Primitive, capsuleChain, ellipsoid, halfSpace, sphere } from './primitives.ts';
import type { SpinalColumn } from './spinal-column.ts';
import { type Vec3, combine, cross, dot, normalize, sub } from './vec3.ts';
import { type TubeNode, tube } from './tube.ts';
import { cortical, trabecular } from './vertebra-builder.ts';
import type { VertebralFrame } from './vertebral-frame.ts';

/**
 * The innominate bones, placed in a pelvic frame: origin at the hip-axis midpoint, v from the hip
 * axis towards the S1 endplate midpoint, w perpendicular to it pointing anteriorly. Pelvic tilt is
 * the angle between v and vertical, so the whole pelvis turns with PT while PI stays fixed.
 * Coordinates below are mm in that frame (x = towards the left side; mirrored for the right).
 */
export interface PelvicFrame {
  readonly at: (x: number, w: number, v: number) => Vec3;
  readonly dir: (x: number, w: number, v: number) => Vec3;
  readonly axes: Axes;
}

export function pelvicFrame(col: SpinalColumn): PelvicFrame {
  const h = col.hipAxisMid;
  const v = normalize(sub(col.sacralPlate.mid, h));
  const x: Vec3 = [1, 0, 0];
  const w = cross(x, v);
  return {
    at: (px, pw, pv) => combine(h, [x, px], [w, pw], [v, pv]),
    dir: (px, pw, pv) => normalize(combine([0, 0, 0], [x, px], [w, pw], [v, pv])),
    axes: { x, y: w, z: v },
  };
}

/** Shell + core of one bony part. */
function bone(centre: Vec3, axes: Axes, r: Vec3, label: string, shell = 0.7): Primitive[] {
  return [
    ellipsoid(centre, axes, r, cortical(label)),
    ellipsoid(centre, axes, [r[0] - shell, r[1] - shell, r[2] - shell], trabecular(label)),
  ];
}

/**
 * A curved bony blade as a fan of flat triangular plates (thin ellipsoids clipped to their
 * triangle), shell and core; neighbouring triangles share an edge, so the blade has no seams.
 */
function blade(hub: Vec3, rim: readonly Vec3[], thickness: number, label: string): Primitive[] {
  const out: Primitive[] = [];
  for (let i = 0; i + 1 < rim.length; i++) {
    const tri = [hub, rim[i] as Vec3, rim[i + 1] as Vec3] as const;
    const centre: Vec3 = [
      (tri[0][0] + tri[1][0] + tri[2][0]) / 3,
      (tri[0][1] + tri[1][1] + tri[2][1]) / 3,
      (tri[0][2] + tri[1][2] + tri[2][2]) / 3,
    ];
    const n = normalize(cross(sub(tri[1], tri[0]), sub(tri[2], tri[0])));
    const e1 = normalize(sub(tri[1], tri[0]));
    const radius = Math.max(...tri.map((q) => Math.hypot(...sub(q, centre)))) + 6;
    const clips = (outerInset: number) =>
      [0, 1, 2].map((k) => {
        const a = tri[k] as Vec3;
        const b = tri[(k + 1) % 3] as Vec3;
        const c = tri[(k + 2) % 3] as Vec3;
        let m = normalize(cross(n, sub(b, a)));
        if (dot(m, sub(c, a)) > 0) m = [-m[0], -m[1], -m[2]];
        // Edges to the hub are shared with the neighbouring triangle (except the first and last).
        const shared = (k === 0 && i > 0) || (k === 2 && i + 2 < rim.length);
        return halfSpace(combine(a, [m, shared ? 0.6 : -outerInset]), m);
      });
    const axes = { x: e1, y: cross(n, e1), z: n };
    out.push(
      ellipsoid(centre, axes, [radius, radius, thickness / 2], { ...cortical(label), clips: clips(0) }),
      ellipsoid(centre, axes, [radius, radius, thickness / 2 - 1.1], {
        ...trabecular(label),
        clips: clips(1.1),
      }),
    );
  }
  return out;
}

function boneChain(points: Vec3[], r: number, label: string): Primitive[] {
  return [...capsuleChain(points, r, cortical(label)), ...capsuleChain(points, r - 0.9, trabecular(label))];
}

export function buildInnominates(col: SpinalColumn, s1: VertebralFrame): Primitive[] {
  const p = pelvicFrame(col);
  const out: Primitive[] = [];
  for (const s of [1, -1] as const) {
    const side = s > 0 ? 'left' : 'right';
    const P = (x: number, w: number, v: number): Vec3 => p.at(s * x, w, v);
    // Iliac wing: a blade fanned from the iliac body to the crest, concave inwards like the fossa.
    // Crest from the PSIS, widest at the iliac tubercle, to the ASIS/AIIS and the acetabular rim.
    const crest = [
      P(72, -46, 66),
      P(45, -56, 115),
      P(62, -37, 144),
      P(95, -11, 152),
      P(118, 17, 141),
      P(122, 44, 116),
      P(112, 54, 80),
      P(100, 41, 47),
      P(88, 25, 16),
    ];
    out.push(...blade(P(85, -5, 47), crest, 5, `${side} iliac wing`));
    out.push(...boneChain(crest.slice(1, 7), 5.5, `${side} iliac crest`));
    out.push(...boneChain(crest.slice(6), 6, `${side} anterior iliac border`));
    // Thick iliac body above the acetabulum, and the posterior (auricular) ilium at the sacroiliac joint.
    out.push(...bone(P(80, -4, 34), p.axes, [14, 22, 28], `${side} iliac body`, 0.5));
    out.push(
      ...bone(
        s1.at(s * 71, -22, -22),
        { x: s1.left, y: s1.anterior, z: s1.up },
        [11, 26, 36],
        `${side} posterior ilium`,
        0.5,
      ),
    );
    out.push(
      ...bone(
        crest[1] as Vec3,
        { x: s1.left, y: s1.anterior, z: s1.up },
        [10, 13, 15],
        `${side} posterior superior iliac spine`,
      ),
    );
    // Acetabulum: a bony cup around the femoral head, open laterally, anteriorly and inferiorly.
    const hip = s > 0 ? col.femoralHeadLeft : col.femoralHeadRight;
    const opening = p.dir(s * 0.664, 0.242, -0.707);
    const cupClip = [halfSpace(combine(hip, [opening, 4]), opening)];
    const cupCentre = combine(hip, [[1, 0, 0], -s * 2], [p.dir(0, 0, 1), 2]);
    out.push(
      sphere(cupCentre, 31, { ...cortical(`${side} acetabulum`), clips: cupClip }),
      sphere(cupCentre, 29.5, { ...trabecular(`${side} acetabulum`), clips: cupClip }),
    );
    // Pubis, ischium and their rami, framing the obturator foramen.
    out.push(...bone(P(10, 50, -25), p.axes, [8, 9, 17], `${side} pubic body`));
    out.push(
      ...boneChain([P(70, 22, -3), P(40, 40, -10), P(14, 48, -16)], 8, `${side} superior pubic ramus`),
    );
    out.push(
      ...boneChain([P(12, 45, -42), P(30, 22, -56), P(44, -2, -66)], 6.5, `${side} inferior pubic ramus`),
    );
    out.push(...boneChain([P(78, -14, -20), P(58, -14, -56)], 11, `${side} ischium`));
    out.push(...bone(P(52, -14, -66), p.axes, [11, 14, 17], `${side} ischial tuberosity`));
    out.push(...boneChain([P(62, -26, -28), P(48, -34, -34)], 4, `${side} ischial spine`));
  }
  return out;
}

/** Proximal femora, standing vertical in world space: head, neck, trochanters, shaft. */
export function buildFemora(col: SpinalColumn, headRadius: number): Primitive[] {
  const out: Primitive[] = [];
  for (const s of [1, -1] as const) {
    const side = s > 0 ? 'left' : 'right';
    const h = s > 0 ? col.femoralHeadLeft : col.femoralHeadRight;
    const at = (lat: number, post: number, up: number): Vec3 => [h[0] + s * lat, h[1] + post, h[2] + up];
    const shell = { material: MAT.cortical, priority: PRIORITY.femurCortical, label: `${side} femur` };
    const core = { material: MAT.cancellous, priority: PRIORITY.femurCancellous, label: `${side} femur` };
    out.push(
      sphere(h, headRadius + 2.5, {
        material: MAT.cartilage,
        priority: PRIORITY.hipCartilage,
        label: `${side} hip joint`,
      }),
      sphere(h, headRadius, shell),
      sphere(h, headRadius - 1.4, core),
    );
    // Neck: waisted between the head and the trochanteric base.
    const neck: TubeNode[] = [
      { p: at(0, 0, 0), a: 16, b: 16 },
      { p: at(18, 4, -13), a: 13, b: 13 },
      { p: at(38, 8, -30), a: 19, b: 19 },
    ];
    out.push(
      ...tube(neck, [1, 0, 0], shell, 6),
      ...tube(
        neck.map((n) => ({ ...n, a: n.a - 1.4, b: n.b - 1.4 })),
        [1, 0, 0],
        core,
        6,
      ),
    );
    const axesW: Axes = { x: [1, 0, 0], y: [0, 1, 0], z: [0, 0, 1] };
    out.push(
      ellipsoid(at(58, 10, -14), axesW, [15, 19, 24], shell),
      ellipsoid(at(58, 10, -14), axesW, [13.5, 17.5, 22.5], core),
    );
    out.push(
      ellipsoid(at(28, 12, -58), axesW, [9, 8, 11], shell),
      ellipsoid(at(28, 12, -58), axesW, [7.5, 6.5, 9.5], core),
    );
    const shaft: Vec3[] = [at(50, 8, -40), at(46, 4, -160), at(40, 0, -460)];
    out.push(
      ...capsuleChain(shaft, 14, shell),
      ...capsuleChain([at(48, 7, -70), at(46, 4, -160), at(40, 0, -460)], 9, {
        material: MAT.yellowMarrow,
        priority: PRIORITY.femurMarrow,
        label: `${side} femoral canal`,
      }),
    );
    out.push(...capsuleChain([at(48, 8, -36), at(47, 7, -70)], 12.6, core));
  }
  return out;
}
