import { MAT } from './materials.ts';
import { PRIORITY } from './priorities.ts';
import { type Primitive, box, capsuleChain } from './primitives.ts';
import type { SpinalColumn } from './spinal-column.ts';
import type { Vec3 } from './vec3.ts';
import { cortical, trabecular } from './vertebra-builder.ts';
import { frameOf } from './vertebral-frame.ts';

// Thoracic cage half-width and half-depth at each rib level (mm), and how far round the rib goes
// (fraction of the half-ellipse from the back to the front; ribs 11–12 float).
const CAGE: Readonly<Record<string, readonly [number, number, number]>> = {
  T1: [58, 36, 0.95],
  T2: [82, 47, 1],
  T3: [100, 56, 1],
  T4: [112, 62, 1],
  T5: [120, 67, 1],
  T6: [126, 70, 1],
  T7: [130, 72, 1],
  T8: [132, 72, 0.95],
  T9: [132, 70, 0.85],
  T10: [130, 69, 0.75],
  T11: [126, 66, 0.55],
  T12: [118, 62, 0.38],
};

/**
 * Ribs as capsule chains: from the costovertebral joint round an ellipse in a plane that drops
 * anteriorly, ending in costal cartilage for the true ribs; a simple sternum in front.
 */
export function buildRibs(col: SpinalColumn): Primitive[] {
  const out: Primitive[] = [];
  let sternumTop: Vec3 | null = null;
  let sternumBottom: Vec3 | null = null;
  for (const v of col.vertebrae) {
    const cage = CAGE[v.name];
    if (!cage) continue;
    const [rx, ry, reach] = cage;
    const f = frameOf(v);
    const backA = -v.dims.depth / 2 - 2 * v.dims.canalHalfDepth - 6;
    const centreA = backA + ry;
    for (const side of [1, -1] as const) {
      const pts: Vec3[] = [f.at(side * (v.dims.width / 2 + 1), -v.dims.depth / 2 + 4, v.dims.height / 2 - 3)];
      const steps = 9;
      const theta0 = Math.asin(Math.min(0.95, 30 / rx));
      const theta1 = Math.PI * reach * 0.97;
      for (let k = 0; k <= steps; k++) {
        const th = theta0 + ((theta1 - theta0) * k) / steps;
        const drop =
          (30 + 6 * Math.min(9, Number(v.name.slice(1)))) * ((th - theta0) / (theta1 - theta0)) ** 1.3;
        pts.push(f.at(side * rx * Math.sin(th), centreA - ry * Math.cos(th), -drop));
      }
      out.push(
        ...capsuleChain(pts, 4.2, cortical(`${v.name} rib`)),
        ...capsuleChain(pts, 3.4, trabecular(`${v.name} rib`)),
      );
      if (reach >= 1 && ['T2', 'T3', 'T4', 'T5', 'T6', 'T7'].includes(v.name)) {
        const end = pts[pts.length - 1] as Vec3;
        const st: Vec3 = [side * 14, end[1] - 6, end[2] + 8];
        out.push(
          ...capsuleChain([end, st], 4, {
            material: MAT.cartilage,
            priority: PRIORITY.cortical,
            label: 'costal cartilage',
          }),
        );
        if (v.name === 'T2') sternumTop = [0, st[1], st[2] + 15];
        if (v.name === 'T7') sternumBottom = [0, st[1], st[2] - 20];
      }
    }
  }
  if (sternumTop && sternumBottom) {
    const c: Vec3 = [
      (sternumTop[0] + sternumBottom[0]) / 2,
      (sternumTop[1] + sternumBottom[1]) / 2,
      (sternumTop[2] + sternumBottom[2]) / 2,
    ];
    const len = Math.hypot(sternumTop[1] - sternumBottom[1], sternumTop[2] - sternumBottom[2]) / 2;
    const axis: Vec3 = [
      0,
      (sternumTop[1] - sternumBottom[1]) / (2 * len),
      (sternumTop[2] - sternumBottom[2]) / (2 * len),
    ];
    const axes = { x: [1, 0, 0] as Vec3, y: [0, axis[2], -axis[1]] as Vec3, z: axis };
    out.push(
      box(c, axes, [16, 6, len], cortical('sternum')),
      box(c, axes, [14.6, 4.6, len - 1.4], trabecular('sternum')),
    );
  }
  return out;
}
