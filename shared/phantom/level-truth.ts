import { FINDINGS, FLEX_EXT_RANGE } from './design.ts';
import { MAT, materialTable } from './materials.ts';
import type { PhantomScene } from './scene.ts';
import { renderPlane } from './slice-renderer.ts';
import { type Vec3, combine, cross, normalize } from './vec3.ts';

export type Bridwell = 'I' | 'II' | 'III' | 'IV';
export type MotionSegment = 'L1-L2' | 'L2-L3' | 'L3-L4' | 'L4-L5' | 'L5-S1';

/** Truth for one motion segment, in the published grades (Bridwell, BSF, Pfirrmann, Schizas). */
export interface LevelTruth {
  readonly level: MotionSegment;
  readonly operated: boolean;
  /** Bridwell interbody fusion grade; null where no fusion was attempted. */
  readonly bridwell: Bridwell | null;
  /** Brantigan–Steffee–Fraser cage grade (CF-A pseudarthrosis … CF-E locked fusion). */
  readonly cageFusion: 'CF-A' | 'CF-E' | null;
  readonly posterolateralFusion: 'bridging' | 'non-bridging' | null;
  readonly hardware: string;
  /** Pfirrmann disc grade 1–5 (T2 MR); null where the disc was replaced by cages and graft. */
  readonly pfirrmann: 1 | 2 | 3 | 4 | 5 | null;
  readonly discHeightMm: number;
  readonly osteophytes: boolean;
  /** Schizas grade of central stenosis and the dural sac area (axial T2). */
  readonly schizas: 'A' | 'B' | 'C' | 'D';
  readonly duralSacAreaMm2: number;
  /** Flexion–extension range (difference between the two films). */
  readonly flexExtAngleDeg: number;
  readonly flexExtTranslationMm: number;
  readonly note: string;
}

/** Dural sac cross-section (mm²) in the plane of a disc, measured on the model at 0.2 mm. */
export function duralSacAreaMm2(scene: PhantomScene, level: string): number {
  const disc = scene.discs.find((d) => d.level === level);
  if (!disc) throw new Error(`No disc ${level}`);
  const row: Vec3 = [1, 0, 0];
  const col = normalize(cross(disc.up, row));
  const centre = combine(disc.centre, [disc.anterior, -disc.depth / 2 - 9]);
  const n = 200;
  const px = 0.2;
  const values = materialTable(() => 0);
  values[MAT.csf] = 1;
  const out = new Float32Array(n * n);
  renderPlane(
    scene.primitives,
    {
      origin: combine(centre, [row, (-(n - 1) / 2) * px], [col, (-(n - 1) / 2) * px]),
      rowDir: row,
      colDir: col,
      columns: n,
      rows: n,
      columnSpacing: px,
      rowSpacing: px,
    },
    values,
    out,
    { background: 0, subRows: 2 },
  );
  let sum = 0;
  for (const v of out) sum += v;
  return round(sum * px * px, 1);
}

const round = (v: number, d = 2): number => Math.round(v * 10 ** d) / 10 ** d;

/** Per motion segment L1–L2 … L5–S1: what was planted, in the clinic's grades. */
export function levelTruths(neutral: PhantomScene): LevelTruth[] {
  const discHeight = (level: string) =>
    round(neutral.discs.find((d) => d.level === level)?.midHeight ?? 0, 1);
  const sac = (level: string) => duralSacAreaMm2(neutral, level);
  const screwsNote = 'L4–S1 bilateral pedicle screws (6.5 mm) and titanium rods';
  return [
    {
      level: 'L1-L2',
      operated: false,
      bridwell: null,
      cageFusion: null,
      posterolateralFusion: null,
      hardware: 'none',
      pfirrmann: 2,
      discHeightMm: discHeight('L1-L2'),
      osteophytes: false,
      schizas: 'A',
      duralSacAreaMm2: sac('L1-L2'),
      flexExtAngleDeg: FLEX_EXT_RANGE['L1-L2'].angleDeg,
      flexExtTranslationMm: 0,
      note: 'normal',
    },
    {
      level: 'L2-L3',
      operated: false,
      bridwell: null,
      cageFusion: null,
      posterolateralFusion: null,
      hardware: 'none',
      pfirrmann: 2,
      discHeightMm: discHeight('L2-L3'),
      osteophytes: false,
      schizas: 'A',
      duralSacAreaMm2: sac('L2-L3'),
      flexExtAngleDeg: FLEX_EXT_RANGE['L2-L3'].angleDeg,
      flexExtTranslationMm: 0,
      note: 'normal',
    },
    {
      level: 'L3-L4',
      operated: false,
      bridwell: null,
      cageFusion: null,
      posterolateralFusion: null,
      hardware: 'none (rods end at the L4 screw heads)',
      pfirrmann: 4,
      discHeightMm: discHeight('L3-L4'),
      osteophytes: true,
      // The rendered axial T2 keeps some CSF and separable rootlets in a narrowed sac: Schizas B
      // (Schizas C et al., Spine 2010), not C (which needs no CSF and no recognisable rootlets).
      schizas: 'B',
      duralSacAreaMm2: sac('L3-L4'),
      flexExtAngleDeg: FLEX_EXT_RANGE['L3-L4'].angleDeg,
      flexExtTranslationMm: FLEX_EXT_RANGE['L3-L4'].translationMm,
      note: 'adjacent-segment degeneration: narrowed dark disc with vacuum, anterior and lateral osteophytes, endplate sclerosis, posterior bulge and ligamentum flavum hypertrophy (central stenosis), unstable on flexion–extension',
    },
    {
      level: 'L4-L5',
      operated: true,
      bridwell: 'I',
      cageFusion: 'CF-E',
      posterolateralFusion: 'bridging',
      hardware: `${screwsNote}; bilateral PEEK PLIF cages`,
      pfirrmann: null,
      discHeightMm: discHeight('L4-L5'),
      osteophytes: false,
      schizas: 'A',
      duralSacAreaMm2: sac('L4-L5'),
      flexExtAngleDeg: 0,
      flexExtTranslationMm: 0,
      note: 'solid fusion: trabecular bone bridges through and around the cages; posterolateral masses continuous',
    },
    {
      level: 'L5-S1',
      operated: true,
      bridwell: 'IV',
      cageFusion: 'CF-A',
      posterolateralFusion: 'non-bridging',
      hardware: `${screwsNote}; bilateral PEEK PLIF cages; LEFT S1 SCREW LOOSE`,
      pfirrmann: null,
      discHeightMm: discHeight('L5-S1'),
      osteophytes: false,
      schizas: 'A',
      duralSacAreaMm2: sac('L5-S1'),
      flexExtAngleDeg: 0,
      flexExtTranslationMm: 0,
      note: `pseudarthrosis: ${FINDINGS.pseudarthrosisCleftMm} mm lucent cleft with sclerotic margins across the whole interbody graft and both cage windows (seen on sagittal and coronal reformats at bone window), resorbing graft, sclerotic endplates, ${FINDINGS.posterolateralGapMm} mm gap in both posterolateral grafts; motion below film resolution`,
    },
  ];
}
