import { MAT } from './materials.ts';
import { PRIORITY } from './priorities.ts';
import { type Primitive, type Style, box, capsule, capsuleChain, ellipsoid } from './primitives.ts';
import { tube } from './tube.ts';
import { type Vec3, combine, cross, normalize, sub } from './vec3.ts';
import { boxAxes } from './vertebral-frame.ts';

/** A cross-section of the canal, bottom-up along the spine. */
export interface CanalNode {
  readonly level: string;
  readonly centre: Vec3;
  readonly anterior: Vec3;
  readonly halfWidth: number;
  readonly halfDepth: number;
  /** Dural sac semi-axes here (lateral, AP); 0 below the end of the sac. */
  readonly sac: readonly [number, number];
  /** Spinal cord semi-axes here; 0 below the conus. */
  readonly cord: readonly [number, number];
  /** Ligamentum flavum thickness at a disc level (mm); 0 at vertebral levels. */
  readonly flavumMm: number;
}

const LEFT: Vec3 = [1, 0, 0];

function canalTube(
  nodes: readonly CanalNode[],
  pick: (n: CanalNode) => readonly [number, number],
  offsetA: number,
  style: Style,
): Primitive[] {
  return tube(
    nodes.map((n) => ({ p: combine(n.centre, [n.anterior, offsetA]), a: pick(n)[0], b: pick(n)[1] })),
    LEFT,
    style,
    8,
  );
}

/** Epidural fat, dural sac (CSF), cord and conus, cauda equina roots, ligamenta flava. */
export function buildCanal(nodes: readonly CanalNode[]): Primitive[] {
  const out: Primitive[] = [
    ...canalTube(nodes, (n) => [n.halfWidth, n.halfDepth], 0, {
      material: MAT.epiduralFat,
      priority: PRIORITY.epiduralFat,
      label: 'epidural fat',
    }),
    ...canalTube(nodes, (n) => n.sac, 1, { material: MAT.csf, priority: PRIORITY.csf, label: 'dural sac' }),
    ...canalTube(nodes, (n) => n.cord, 1.5, {
      material: MAT.cord,
      priority: PRIORITY.neural,
      label: 'spinal cord',
    }),
  ];
  // Cauda equina: roots layer dorsally in the sac of a supine patient.
  const withSac = nodes.filter((n) => n.sac[0] > 0 && n.cord[0] === 0);
  for (const [l, a] of [
    [-2.5, -2],
    [2.5, -2],
    [-5.5, -1],
    [5.5, -1],
    [-1, -4],
    [1, -4],
    [-4, -3.5],
    [4, -3.5],
  ] as const) {
    const pts = withSac.map((n) =>
      combine(
        n.centre,
        [LEFT, l * Math.min(1, n.sac[0] / 9)],
        [n.anterior, 1 + a * Math.min(1, n.sac[1] / 7)],
      ),
    );
    if (pts.length > 1)
      out.push(
        ...capsuleChain(pts, 0.9, {
          material: MAT.nerveRoot,
          priority: PRIORITY.neural,
          label: 'cauda equina',
        }),
      );
  }
  for (const n of nodes) {
    if (n.flavumMm <= 0) continue;
    for (const side of [1, -1] as const) {
      // Two flava meeting in the midline at an angle, lining the back of the canal.
      const along = normalize(combine([0, 0, 0], [LEFT, side * 0.9], [n.anterior, 0.45]));
      const c = combine(
        n.centre,
        [LEFT, side * n.halfWidth * 0.45],
        [n.anterior, -n.halfDepth + n.flavumMm / 2 + 0.4],
      );
      const up = cross(n.anterior, LEFT);
      out.push(
        box(c, boxAxes(along, up), [n.halfWidth * 0.55, n.flavumMm / 2, 9], {
          material: MAT.ligament,
          priority: PRIORITY.ligament,
          label: `${n.level} ligamentum flavum`,
        }),
      );
    }
  }
  return out;
}

/** Exiting nerve root in its foramen, wrapped in foraminal fat. */
export function foraminalRoot(entry: Vec3, exit: Vec3, level: string): Primitive[] {
  return [
    ellipsoid(combine(entry, [sub(exit, entry), 0.5]), boxAxes(LEFT, sub(exit, entry)), [5, 6, 8], {
      material: MAT.epiduralFat,
      priority: PRIORITY.epiduralFat,
      label: `${level} foramen`,
    }),
    capsule(entry, exit, 2.2, {
      material: MAT.nerveRoot,
      priority: PRIORITY.neural,
      label: `${level} exiting root`,
    }),
  ];
}
