import { MAT } from './materials.ts';
import { pelvicFrame } from './pelvis-builder.ts';
import { PRIORITY } from './priorities.ts';
import {
  type Primitive,
  WORLD_AXES,
  capsule,
  capsuleChain,
  ellipsoid,
  frustum,
  halfSpace,
} from './primitives.ts';
import { mulberry32 } from './prng.ts';
import type { SpinalColumn, VertebraPose } from './spinal-column.ts';
import type { Vec3 } from './vec3.ts';
import { boxAxes, frameOf } from './vertebral-frame.ts';

const organ = (material: number, label: string, priority: number = PRIORITY.organ) => ({
  material,
  priority,
  label,
});

/** Fixed anatomy seed: the viscera look the same for every generation seed. */
const ANATOMY_SEED = 0x5eed;

function vertebra(col: SpinalColumn, name: string): VertebraPose {
  const v = col.vertebrae.find((x) => x.name === name);
  if (!v) throw new Error(`No ${name}`);
  return v;
}

/** Aorta (with calcified plaques), IVC and iliac vessels in front of the lumbar spine. */
function vessels(col: SpinalColumn): Primitive[] {
  const out: Primitive[] = [];
  const levels = ['T8', 'T10', 'T12', 'L1', 'L2', 'L3', 'L4'];
  const aorta = levels.map((n) => {
    const v = vertebra(col, n);
    return frameOf(v).at(12, v.dims.depth / 2 + 12, 0);
  });
  const ivc = ['T12', 'L1', 'L2', 'L3', 'L4', 'L5'].map((n) => {
    const v = vertebra(col, n);
    return frameOf(v).at(-22, v.dims.depth / 2 + 11, 0);
  });
  const blood = organ(MAT.blood, 'aorta', PRIORITY.vessel);
  out.push(
    ...capsuleChain(aorta, 11, blood),
    ...capsuleChain(ivc, 11, organ(MAT.blood, 'inferior vena cava', PRIORITY.vessel)),
  );
  const bif = aorta[aorta.length - 1] as Vec3;
  const p = pelvicFrame(col);
  for (const s of [1, -1] as const) {
    const path: Vec3[] = [bif, p.at(s * 42, 18, 105), p.at(s * 62, 40, 55), p.at(s * 72, 52, 10)];
    out.push(...capsuleChain(path, 6.5, organ(MAT.blood, 'iliac artery', PRIORITY.vessel)));
  }
  // Calcified plaques on the posterior and lateral aortic wall (visible on the lateral film).
  const l2 = frameOf(vertebra(col, 'L2'));
  const l3 = frameOf(vertebra(col, 'L3'));
  const l4 = frameOf(vertebra(col, 'L4'));
  for (const [f, l, a, u] of [
    [l2, 4, 24, 4],
    [l3, 21, 29, 2],
    [l3, 6, 23, -6],
    [l4, 3, 25, 3],
    [l4, 20, 27, -5],
  ] as const) {
    out.push(
      ellipsoid(
        f.at(l, a, u),
        WORLD_AXES,
        [2.2, 1.3, 3.5],
        organ(MAT.plaque, 'aortic calcification', PRIORITY.plaque),
      ),
    );
  }
  return out;
}

function solidOrgans(col: SpinalColumn): Primitive[] {
  const p = pelvicFrame(col);
  const l1 = vertebra(col, 'L1');
  const kidneyZ = l1.centre[2];
  const out: Primitive[] = [
    ellipsoid([-72, -38, 245], WORLD_AXES, [88, 80, 78], organ(MAT.liver, 'liver')),
    ellipsoid([88, 38, 265], WORLD_AXES, [32, 46, 52], organ(MAT.liver, 'spleen')),
    ellipsoid(p.at(0, 18, -4), WORLD_AXES, [44, 34, 32], organ(MAT.urine, 'urinary bladder')),
    ellipsoid(p.at(0, -10, 22), WORLD_AXES, [30, 22, 34], organ(MAT.muscle, 'uterus')),
  ];
  for (const s of [1, -1] as const) {
    const c: Vec3 = [s * 68, 22, kidneyZ + (s > 0 ? 6 : -10)];
    const axes = boxAxes([1, 0, 0.15 * s], [-0.18 * s, 0.1, 1]);
    out.push(
      ellipsoid(c, axes, [38, 34, 64], organ(MAT.fat, 'perirenal fat', PRIORITY.organ - 1)),
      ellipsoid(c, axes, [28, 24, 55], organ(MAT.kidney, 'kidney')),
      ellipsoid(
        [c[0] - s * 12, c[1] - 4, c[2]],
        axes,
        [9, 10, 22],
        organ(MAT.fat, 'renal sinus', PRIORITY.organDetail),
      ),
    );
  }
  return out;
}

/** Bowel: fixed pseudo-random loops with gas pockets lying anteriorly (the patient is supine). */
function bowel(col: SpinalColumn): Primitive[] {
  const rnd = mulberry32(ANATOMY_SEED);
  const out: Primitive[] = [];
  const colonR = 22;
  const gasStyle = organ(MAT.gas, 'bowel gas', PRIORITY.bowelGas);
  const colon: Vec3[][] = [
    [
      [-86, -10, -30],
      [-90, -25, 60],
      [-80, -45, 150],
    ],
    [
      [-80, -45, 150],
      [0, -68, 165],
      [80, -40, 170],
    ],
    [
      [80, -40, 170],
      [88, -15, 60],
      [80, -20, -30],
    ],
  ];
  // Gas lies along the non-dependent (anterior) wall, more in the right colon than the left.
  const gasRadius = [11, 9, 5];
  colon.forEach((seg, k) => {
    out.push(...capsuleChain(seg, colonR, organ(MAT.bowel, 'colon')));
    for (let i = 0; i + 1 < seg.length; i++) {
      const a = seg[i] as Vec3;
      const b = seg[i + 1] as Vec3;
      const r = (gasRadius[k] as number) * (i === 0 ? 1 : 0.7);
      out.push(
        capsule([a[0], a[1] - colonR + r + 2, a[2]], [b[0], b[1] - colonR + r + 2, b[2]], r, gasStyle),
      );
    }
  });
  // Sigmoid and rectum in front of the sacrum.
  const p = pelvicFrame(col);
  const rectum: Vec3[] = [[60, -40, -30], p.at(20, -20, 60), p.at(0, -38, 20), p.at(0, -30, -30)];
  out.push(
    ...capsuleChain(rectum, 17, organ(MAT.bowel, 'rectosigmoid')),
    capsule(rectum[1] as Vec3, rectum[2] as Vec3, 8, gasStyle),
  );
  // Small bowel loops.
  for (let i = 0; i < 36; i++) {
    const x = (rnd() - 0.5) * 140;
    const y = -78 + rnd() * 50;
    const z = -50 + rnd() * 190;
    const len = 18 + rnd() * 25;
    const ang = rnd() * Math.PI;
    const d: Vec3 = [Math.cos(ang) * len, Math.sin(ang) * len * 0.4, (rnd() - 0.5) * len];
    const r = 9 + rnd() * 5;
    out.push(
      capsule(
        [x - d[0], y - d[1], z - d[2]],
        [x + d[0], y + d[1], z + d[2]],
        r,
        organ(MAT.bowel, 'small bowel'),
      ),
    );
    if (rnd() < 0.4)
      out.push(
        capsule(
          [x - d[0] * 0.6, y - r * 0.45, z - d[2] * 0.6],
          [x + d[0] * 0.6, y - r * 0.45, z + d[2] * 0.6],
          r * 0.45,
          gasStyle,
        ),
      );
  }
  return out;
}

/** Thorax: lungs above the diaphragm domes, heart, trachea, descending aorta handled with vessels. */
function thorax(col: SpinalColumn): Primitive[] {
  const c7 = vertebra(col, 'C7');
  const t4 = vertebra(col, 'T4');
  const out: Primitive[] = [];
  for (const s of [1, -1] as const) {
    const dome = s > 0 ? 262 : 272;
    const clip = [halfSpace([0, 0, dome], [0, -0.35, -1])];
    out.push(
      ellipsoid([s * 78, 10, 375], WORLD_AXES, [64, 92, 150], {
        ...organ(MAT.lung, `${s > 0 ? 'left' : 'right'} lung`),
        clips: clip,
      }),
    );
  }
  out.push(
    ellipsoid([22, -52, 318], WORLD_AXES, [58, 48, 62], organ(MAT.heart, 'heart', PRIORITY.organDetail)),
    frustum(
      frameOf(c7).at(0, c7.dims.depth / 2 + 16, 40),
      frameOf(t4).at(0, t4.dims.depth / 2 + 14, 0),
      8.5,
      8.5,
      [1, 0, 0],
      organ(MAT.air, 'trachea', PRIORITY.organDetail),
    ),
  );
  return out;
}

export function buildOrgans(col: SpinalColumn): Primitive[] {
  return [...thorax(col), ...solidOrgans(col), ...bowel(col), ...vessels(col)];
}
