import { buildBodyWall } from './body-wall-builder.ts';
import { type CanalNode, buildCanal, foraminalRoot } from './canal-builder.ts';
import { ALIGNMENT, FINDINGS } from './design.ts';
import { type DiscSpace, type DiscState, type Endplate, buildDisc, discSpace } from './disc-builder.ts';
import {
  type ScrewSpec,
  buildInterbody,
  buildPosterolateralGraft,
  buildRod,
  buildScrew,
  rodPath,
  screwSpec,
} from './hardware-builder.ts';
import { buildOrgans } from './organs-builder.ts';
import { buildFemora, buildInnominates } from './pelvis-builder.ts';
import type { Primitive } from './primitives.ts';
import { buildRibs } from './rib-builder.ts';
import { type SacralSegment, buildSacrum, sacralCanalCentres, sacralSegments } from './sacrum-builder.ts';
import { sortForPainting } from './slice-renderer.ts';
import { type PostureName, type SpinalColumn, type VertebraPose, spinalColumn } from './spinal-column.ts';
import { type Vec3, combine, normalize, sub } from './vec3.ts';
import {
  type VertebraOptions,
  buildVertebra,
  pedicleAxis,
  posteriorLandmarks,
  transverseProcessAxis,
} from './vertebra-builder.ts';
import { convergentDirection, frameOf } from './vertebral-frame.ts';
import { S1_PLATE, type VertebraName } from './vertebra-table.ts';

/** Everything a renderer or the ground truth needs for one posture. */
export interface PhantomScene {
  readonly posture: PostureName;
  /** Sorted by paint priority. */
  readonly primitives: readonly Primitive[];
  readonly column: SpinalColumn;
  readonly sacrum: readonly SacralSegment[];
  readonly discs: readonly DiscSpace[];
  readonly screws: readonly ScrewSpec[];
}

const ENDPLATE_FINDINGS: Partial<Record<VertebraName, VertebraOptions>> = {
  L3: { lower: { sclerosis: true, osteophyteMm: FINDINGS.osteophyteMm } },
  L4: { upper: { sclerosis: true, osteophyteMm: FINDINGS.osteophyteMm }, lower: { remodelled: true } },
  L5: { upper: { remodelled: true }, lower: { sclerosis: true } },
};

const DISC_STATE: Record<string, DiscState> = {
  'L5-S1': 'pseudarthrosis',
  'L4-L5': 'fused',
  'L3-L4': 'degenerate',
};

const upperEndplate = (v: VertebraPose): Endplate => ({
  mid: combine(v.centre, [v.up, v.dims.height / 2]),
  up: v.up,
  anterior: v.anterior,
  width: v.dims.width,
  depth: v.dims.depth,
});
const lowerEndplate = (v: VertebraPose): Endplate => ({
  mid: combine(v.centre, [v.up, -v.dims.height / 2]),
  up: v.up,
  anterior: v.anterior,
  width: v.dims.width,
  depth: v.dims.depth,
});

function canalNodes(
  col: SpinalColumn,
  sacrum: readonly SacralSegment[],
  discs: readonly DiscSpace[],
): CanalNode[] {
  const nodes: CanalNode[] = sacralCanalCentres(sacrum).map((s) => ({
    level: s.name,
    centre: s.centre,
    anterior: s.anterior,
    halfWidth: s.canal[0],
    halfDepth: s.canal[1],
    sac: s.name === 'S1' ? [6.5, 4.5] : [0, 0],
    cord: [0, 0],
    flavumMm: 0,
  }));
  col.vertebrae.forEach((v, i) => {
    const disc = discs[i] as DiscSpace;
    const lower =
      i === 0
        ? { halfWidth: 13, halfDepth: 7 }
        : {
            halfWidth: (col.vertebrae[i - 1] as VertebraPose).dims.canalHalfWidth,
            halfDepth: (col.vertebrae[i - 1] as VertebraPose).dims.canalHalfDepth,
          };
    const hw = (lower.halfWidth + v.dims.canalHalfWidth) / 2;
    const hd = (lower.halfDepth + v.dims.canalHalfDepth) / 2;
    const lumbar = v.name[0] === 'L';
    const sacAt = (w: number, d: number): readonly [number, number] =>
      lumbar ? [Math.min(9, w - 2.5), Math.min(7, d - 1.2)] : [w - 2, d - 1.5];
    const cordAt = (name: string): readonly [number, number] =>
      name[0] === 'C' || name[0] === 'T' ? [4.6, 3.6] : name === 'L1' ? [2.6, 2.2] : [0, 0];
    const stenotic = disc.level === 'L3-L4';
    nodes.push({
      level: disc.level,
      centre: combine(disc.centre, [disc.anterior, -disc.depth / 2 - hd]),
      anterior: disc.anterior,
      halfWidth: hw,
      halfDepth: hd,
      sac: stenotic ? FINDINGS.stenoticSacSemiAxesMm : sacAt(hw, hd),
      cord: cordAt(v.name === 'L1' ? 'T12' : v.name),
      flavumMm: stenotic ? 7 : 2.5,
    });
    const f = frameOf(v);
    nodes.push({
      level: v.name,
      centre: f.at(0, -v.dims.depth / 2 - v.dims.canalHalfDepth, 0),
      anterior: v.anterior,
      halfWidth: v.dims.canalHalfWidth,
      halfDepth: v.dims.canalHalfDepth,
      sac: sacAt(v.dims.canalHalfWidth, v.dims.canalHalfDepth),
      cord: cordAt(v.name),
      flavumMm: 0,
    });
  });
  return nodes;
}

function hardware(
  col: SpinalColumn,
  s1: SacralSegment,
  discs: readonly DiscSpace[],
): { prims: Primitive[]; screws: ScrewSpec[] } {
  const screws: ScrewSpec[] = [];
  for (const name of ['L4', 'L5'] as const) {
    const v = col.vertebrae.find((x) => x.name === name) as VertebraPose;
    for (const side of [1, -1] as const) {
      const { back, front } = pedicleAxis(frameOf(v), v.dims, side);
      const dir = normalize(sub(front, back));
      screws.push(
        screwSpec(
          name,
          side > 0 ? 'left' : 'right',
          combine(back, [dir, -2]),
          dir,
          name === 'L4' ? 40 : 45,
          false,
        ),
      );
    }
  }
  for (const side of [1, -1] as const) {
    const sideName = side > 0 ? 'left' : 'right';
    const dir = convergentDirection(s1.frame, side, 25, 8);
    const loose = FINDINGS.looseScrew.side === sideName;
    screws.push(screwSpec('S1', sideName, s1.frame.at(side * 25, -31, 3), dir, 42, loose));
  }
  const prims = screws.flatMap(buildScrew);
  for (const sideName of ['left', 'right'] as const) {
    prims.push(...buildRod(rodPath(screws.filter((s) => s.side === sideName).map((s) => s.head)), sideName));
  }
  const disc = (level: string) => discs.find((d) => d.level === level) as DiscSpace;
  prims.push(...buildInterbody(disc('L4-L5'), 'fused'), ...buildInterbody(disc('L5-S1'), 'pseudarthrosis'));
  const l4 = col.vertebrae.find((x) => x.name === 'L4') as VertebraPose;
  const l5 = col.vertebrae.find((x) => x.name === 'L5') as VertebraPose;
  for (const side of [1, -1] as const) {
    const tp = (v: VertebraPose) => {
      const { root, tip } = transverseProcessAxis(frameOf(v), v.dims, side);
      return combine(root, [sub(tip, root), 0.55]);
    };
    const lateralBack: Vec3 = [side * 4, 6, 0];
    prims.push(
      ...buildPosterolateralGraft(
        tp(l4),
        tp(l5),
        lateralBack,
        true,
        `L4-L5 ${side > 0 ? 'left' : 'right'} posterolateral fusion mass`,
      ),
    );
    prims.push(
      ...buildPosterolateralGraft(
        tp(l5),
        s1.frame.at(side * 42, -20, -4),
        lateralBack,
        false,
        `L5-S1 ${side > 0 ? 'left' : 'right'} posterolateral graft`,
      ),
    );
  }
  return { prims, screws };
}

function exitingRoots(col: SpinalColumn): Primitive[] {
  const out: Primitive[] = [];
  for (const v of col.vertebrae.filter((x) => x.name[0] === 'L')) {
    const f = frameOf(v);
    const g = posteriorLandmarks(v.dims);
    for (const side of [1, -1] as const) {
      const entry = f.at(side * (v.dims.canalHalfWidth - 3), -v.dims.depth / 2 - 4, -v.dims.height / 2 + 4);
      const exit = f.at(side * (g.pedicleX + 16), -v.dims.depth / 2 + 2, -v.dims.height / 2 - 4);
      out.push(...foraminalRoot(entry, exit, v.name));
    }
  }
  return out;
}

const cache = new Map<PostureName, PhantomScene>();

/** Builds (once per posture) the full primitive list of the phantom. */
export function phantomScene(posture: PostureName = 'neutral'): PhantomScene {
  const hit = cache.get(posture);
  if (hit) return hit;
  const column = spinalColumn(posture);
  const sacrum = sacralSegments(column.sacralPlate);
  const s1 = sacrum[0] as SacralSegment;
  const discs: DiscSpace[] = [];
  let below: Endplate = {
    mid: column.sacralPlate.mid,
    up: column.sacralPlate.up,
    anterior: column.sacralPlate.anterior,
    width: S1_PLATE.width,
    depth: S1_PLATE.depth,
  };
  let belowName = 'S1';
  for (const v of column.vertebrae) {
    discs.push(discSpace(`${v.name}-${belowName}`, below, lowerEndplate(v)));
    below = upperEndplate(v);
    belowName = v.name;
  }
  const prims: Primitive[] = [];
  for (const v of column.vertebrae) prims.push(...buildVertebra(v, ENDPLATE_FINDINGS[v.name] ?? {}));
  for (const d of discs)
    prims.push(
      ...buildDisc(d, {
        state: DISC_STATE[d.level] ?? 'healthy',
        posteriorBulgeMm: d.level === 'L3-L4' ? 4 : 0.5,
      }),
    );
  const l5 = column.vertebrae[0] as VertebraPose;
  const l5g = posteriorLandmarks(l5.dims);
  prims.push(
    ...buildSacrum(
      sacrum,
      { sclerosis: true },
      l5g.pedicleX + Math.tan((l5.dims.pedicleAngleDeg * Math.PI) / 180) * l5g.pedicleLength - 5.2,
    ),
  );
  prims.push(...buildCanal(canalNodes(column, sacrum, discs)), ...exitingRoots(column));
  prims.push(...buildInnominates(column, s1.frame), ...buildFemora(column, ALIGNMENT.femoralHeadRadiusMm));
  const hw = hardware(column, s1, discs);
  prims.push(...hw.prims, ...buildRibs(column), ...buildBodyWall(column), ...buildOrgans(column));
  const scene: PhantomScene = {
    posture,
    primitives: sortForPainting(prims),
    column,
    sacrum,
    discs,
    screws: hw.screws,
  };
  cache.set(posture, scene);
  return scene;
}
