import type { P2 } from './alignment.ts';
import type { PhantomScene } from './scene.ts';
import type { VertebraPose } from './spinal-column.ts';
import { type Vec3, combine } from './vec3.ts';
import type { VertebraName } from './vertebra-table.ts';

/** Named anatomical points of one posture (patient coordinates, mm). */
export const LANDMARK_NAMES = [
  'femoralHeadLeft',
  'femoralHeadRight',
  'hipAxisMid',
  's1Anterior',
  's1Posterior',
  's1Mid',
  'l1UpperAnterior',
  'l1UpperPosterior',
  'l3LowerAnterior',
  'l3LowerPosterior',
  'l4UpperAnterior',
  'l4UpperPosterior',
  't1Centre',
  'c7Centre',
] as const;
export type LandmarkName = (typeof LANDMARK_NAMES)[number];

function pose(scene: PhantomScene, name: VertebraName): VertebraPose {
  const v = scene.column.vertebrae.find((p) => p.name === name);
  if (!v) throw new Error(`No ${name}`);
  return v;
}

/** Endplate corner: body centre ± half height along the endplate normal ± half depth anteriorly. */
const corner = (v: VertebraPose, upper: boolean, anterior: boolean): Vec3 =>
  combine(
    v.centre,
    [v.up, ((upper ? 1 : -1) * v.dims.height) / 2],
    [v.anterior, ((anterior ? 1 : -1) * v.dims.depth) / 2],
  );

export function sceneLandmarks(scene: PhantomScene): Record<LandmarkName, Vec3> {
  const c = scene.column;
  const l1 = pose(scene, 'L1');
  const l3 = pose(scene, 'L3');
  const l4 = pose(scene, 'L4');
  return {
    femoralHeadLeft: c.femoralHeadLeft,
    femoralHeadRight: c.femoralHeadRight,
    hipAxisMid: c.hipAxisMid,
    s1Anterior: c.sacralPlate.anteriorCorner,
    s1Posterior: c.sacralPlate.posteriorCorner,
    s1Mid: c.sacralPlate.mid,
    l1UpperAnterior: corner(l1, true, true),
    l1UpperPosterior: corner(l1, true, false),
    l3LowerAnterior: corner(l3, false, true),
    l3LowerPosterior: corner(l3, false, false),
    l4UpperAnterior: corner(l4, true, true),
    l4UpperPosterior: corner(l4, true, false),
    t1Centre: pose(scene, 'T1').centre,
    c7Centre: pose(scene, 'C7').centre,
  };
}

/** Sagittal (a = anterior, u = up) coordinates of a patient point. */
export const sagittal = (p: Vec3): P2 => ({ a: -p[1], u: p[2] });
