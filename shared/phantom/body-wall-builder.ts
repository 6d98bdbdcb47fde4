import { MAT } from './materials.ts';
import { PRIORITY } from './priorities.ts';
import { type Primitive, type Style, WORLD_AXES, ellipsoid, frustum, halfSpace } from './primitives.ts';
import type { SpinalColumn, VertebraPose } from './spinal-column.ts';
import { type TubeNode, tube } from './tube.ts';
import type { Vec3 } from './vec3.ts';
import { frameOf } from './vertebral-frame.ts';

/**
 * Body outline and the muscle layers around the spine. The outline is a stack of elliptic cone
 * frusta along the long axis with a fixed aspect ratio, so adjacent pieces meet without steps.
 */
interface OutlineNode {
  readonly z: number;
  /** Half-width (mm) and the y of the skin of the back. */
  readonly rx: number;
  readonly backY: number;
}

const ASPECT = 1.42;

// z (mm from the S1 endplate), half-width, back skin y. Woman, 1.64 m, 72 kg (BMI ≈ 27).
const OUTLINE: readonly OutlineNode[] = [
  { z: -255, rx: 158, backY: 112 },
  { z: -200, rx: 172, backY: 128 },
  { z: -110, rx: 180, backY: 134 },
  { z: -20, rx: 168, backY: 116 },
  { z: 60, rx: 152, backY: 92 },
  { z: 150, rx: 152, backY: 84 },
  { z: 250, rx: 160, backY: 86 },
  { z: 380, rx: 166, backY: 96 },
  { z: 470, rx: 172, backY: 92 },
  { z: 505, rx: 150, backY: 84 },
];

const LEFT: Vec3 = [1, 0, 0];

function outlineTube(
  inset: number,
  style: Style,
  zMin = -Infinity,
  zMax = Infinity,
  shiftY = 0,
): Primitive[] {
  const nodes = OUTLINE.map((n) => ({
    p: [0, n.backY - n.rx / ASPECT + shiftY, n.z] as Vec3,
    a: n.rx - inset,
    b: n.rx / ASPECT - inset,
  }));
  const clips = [
    ...(Number.isFinite(zMin) ? [halfSpace([0, 0, zMin], [0, 0, -1])] : []),
    ...(Number.isFinite(zMax) ? [halfSpace([0, 0, zMax], [0, 0, 1])] : []),
  ];
  return tube(nodes, LEFT, clips.length > 0 ? { ...style, clips } : style);
}

export function buildBodyWall(col: SpinalColumn): Primitive[] {
  const top = OUTLINE[OUTLINE.length - 1] as OutlineNode;
  const c7 = col.vertebrae.find((v) => v.name === 'C7') as VertebraPose;
  const out: Primitive[] = [
    ...outlineTube(0, { material: MAT.skin, priority: PRIORITY.skin, label: 'skin' }),
    ...outlineTube(1.8, { material: MAT.fat, priority: PRIORITY.fat, label: 'subcutaneous fat' }),
    ellipsoid([0, top.backY - top.rx / ASPECT, top.z], WORLD_AXES, [top.rx, top.rx / ASPECT, 30], {
      material: MAT.fat,
      priority: PRIORITY.fat,
      label: 'shoulders',
    }),
    frustum([0, c7.centre[1] + 12, top.z - 20], [0, c7.centre[1] + 12, top.z + 180], 58, 52, LEFT, {
      material: MAT.muscle,
      priority: PRIORITY.muscleWall,
      label: 'neck',
    }),
    ...outlineTube(24, { material: MAT.muscle, priority: PRIORITY.muscleWall, label: 'body wall muscle' }),
    // Abdominal and pelvic cavities: rounded, so they fade in and out without steps on the films.
    ellipsoid([0, -18, 95], WORLD_AXES, [115, 72, 150], {
      material: MAT.viscera,
      priority: PRIORITY.viscera,
      label: 'abdominal cavity',
    }),
    ellipsoid([0, -8, -70], WORLD_AXES, [92, 66, 85], {
      material: MAT.viscera,
      priority: PRIORITY.viscera,
      label: 'pelvic cavity',
    }),
  ];
  // Buttocks: the outline closes with rounded caps instead of a flat cut.
  const bottom = OUTLINE[0] as OutlineNode;
  const capCentre: Vec3 = [0, bottom.backY - bottom.rx / ASPECT, bottom.z];
  out.push(
    ellipsoid(capCentre, WORLD_AXES, [bottom.rx, bottom.rx / ASPECT, 150], {
      material: MAT.skin,
      priority: PRIORITY.skin,
      label: 'skin',
    }),
    ellipsoid(capCentre, WORLD_AXES, [bottom.rx - 1.8, bottom.rx / ASPECT - 1.8, 148], {
      material: MAT.fat,
      priority: PRIORITY.fat,
      label: 'subcutaneous fat',
    }),
    ellipsoid(capCentre, WORLD_AXES, [bottom.rx - 24, bottom.rx / ASPECT - 24, 125], {
      material: MAT.muscle,
      priority: PRIORITY.muscleWall,
      label: 'body wall muscle',
    }),
  );
  for (const side of [1, -1] as const) {
    // Thighs below the gluteal fold.
    const hip = side > 0 ? col.femoralHeadLeft : col.femoralHeadRight;
    const t0: Vec3 = [hip[0] + side * 12, hip[1] + 6, -230];
    const t1: Vec3 = [hip[0] + side * 4, hip[1] + 2, -700];
    // Rounded tops let the thighs blend into the buttocks without a step on the films.
    out.push(
      frustum(t0, t1, 88, 80, LEFT, { material: MAT.fat, priority: PRIORITY.fat, label: 'thigh' }, 1, 0.82),
      ellipsoid(t0, WORLD_AXES, [88, 80, 90], { material: MAT.fat, priority: PRIORITY.fat, label: 'thigh' }),
      frustum(
        t0,
        t1,
        68,
        62,
        LEFT,
        { material: MAT.muscle, priority: PRIORITY.muscleWall, label: 'thigh muscles' },
        1,
        0.8,
      ),
      ellipsoid(t0, WORLD_AXES, [68, 62, 110], {
        material: MAT.muscle,
        priority: PRIORITY.muscleWall,
        label: 'thigh muscles',
      }),
      // Gluteus maximus and medius.
      ellipsoid([hip[0] + side * 6, hip[1] + 78, hip[2] - 25], WORLD_AXES, [78, 48, 95], {
        material: MAT.muscle,
        priority: PRIORITY.muscle,
        label: 'gluteus maximus',
      }),
      ellipsoid([hip[0] + side * 28, hip[1] + 20, hip[2] + 95], WORLD_AXES, [30, 62, 55], {
        material: MAT.muscle,
        priority: PRIORITY.muscle,
        label: 'gluteus medius',
      }),
    );
  }
  out.push(...paraspinalMuscles(col), ...psoas(col));
  return out;
}

/** Erector spinae and multifidus: a muscle column each side of the spinous processes. */
function paraspinalMuscles(col: SpinalColumn): Primitive[] {
  const out: Primitive[] = [];
  const levels = col.vertebrae.filter((v) => v.name[0] !== 'C');
  for (const side of [1, -1] as const) {
    const pts = levels.map((v) => {
      const f = frameOf(v);
      const lumbar = v.name[0] === 'L';
      return {
        p: f.at(
          side * (lumbar ? 30 : 26),
          -v.dims.depth / 2 - 2 * v.dims.canalHalfDepth - (lumbar ? 22 : 18),
          0,
        ),
        a: lumbar ? 24 : 20,
        b: lumbar ? 24 : 17,
      } satisfies TubeNode;
    });
    out.push(
      ...tube(pts, LEFT, { material: MAT.muscle, priority: PRIORITY.muscle, label: 'paraspinal muscles' }),
    );
  }
  return out;
}

/** Psoas: thin at T12, thick by L4–L5, then over the pelvic brim towards the lesser trochanter. */
function psoas(col: SpinalColumn): Primitive[] {
  const radii: Record<string, number> = { T12: 7, L1: 10, L2: 13, L3: 17, L4: 20, L5: 21 };
  const out: Primitive[] = [];
  for (const side of [1, -1] as const) {
    const pts: Array<{ p: Vec3; a: number; b: number }> = [];
    for (const name of ['T12', 'L1', 'L2', 'L3', 'L4', 'L5']) {
      const v = col.vertebrae.find((x) => x.name === name) as VertebraPose;
      const r = radii[name] as number;
      pts.push({ p: frameOf(v).at(side * (v.dims.width / 2 + r - 4), -2 + r * 0.15, 0), a: r, b: r });
    }
    const hip = side > 0 ? col.femoralHeadLeft : col.femoralHeadRight;
    pts.push(
      { p: [hip[0] - side * 22, hip[1] - 38, hip[2] + 48], a: 19, b: 19 },
      { p: [hip[0] - side * 10, hip[1] - 34, hip[2]], a: 15, b: 15 },
      { p: [hip[0] + side * 24, hip[1] + 2, hip[2] - 58], a: 9, b: 9 },
    );
    out.push(...tube(pts, LEFT, { material: MAT.muscle, priority: PRIORITY.muscle, label: 'psoas' }));
  }
  return out;
}
