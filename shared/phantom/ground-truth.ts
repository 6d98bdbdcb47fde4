import { HU_ROI_RADIUS_MM, measuredLumbarHu } from './bone-density.ts';
import {
  type P2,
  type SpinopelvicParameters,
  segmentAngleDeg,
  segmentTranslation,
  spinopelvicParameters,
} from './alignment.ts';
import { ALIGNMENT, FINDINGS, FLEX_EXT_RANGE, PATIENT, SYNTHETIC_NOTICE, sacralSlopeDeg } from './design.ts';
import { type LevelTruth, levelTruths } from './level-truth.ts';
import type { ScrewSpec } from './hardware-builder.ts';
import { type LandmarkName, LANDMARK_NAMES, sagittal, sceneLandmarks } from './landmarks.ts';
import { projectPoint } from './projector.ts';
import { RADIOGRAPHS, type RadiographName, radiographGeometry } from './radiograph.ts';
import { phantomScene } from './scene.ts';
import { type Vec3, roundVec } from './vec3.ts';

export type { Bridwell, LevelTruth, MotionSegment } from './level-truth.ts';
export { duralSacAreaMm2 } from './level-truth.ts';

export interface RadiographTruth {
  readonly view: 'LL' | 'AP';
  readonly posture: string;
  readonly sidMm: number;
  readonly sodMm: number;
  /** SID/SOD for the reference plane (midsagittal for laterals): the DICOM ERMF. */
  readonly magnification: number;
  readonly imagerPixelSpacingMm: number;
  readonly columns: number;
  readonly rows: number;
  /** Patient (mm) and image (column, row; 0-based, pixel centres) coordinates of each landmark. */
  readonly landmarks: Record<
    LandmarkName,
    { readonly patient: Vec3; readonly image: readonly [number, number] }
  >;
  /** Parameters computed from the image landmarks (detector mm ÷ magnification) — laterals only. */
  readonly measured: SpinopelvicParameters | null;
}

export interface PhantomGroundTruth {
  readonly schema: 'spine-case-review/phantom-ground-truth@1';
  readonly synthetic: true;
  readonly notice: string;
  readonly seed: number;
  readonly patient: {
    readonly name: string;
    readonly id: string;
    readonly sex: string;
    readonly birthDate: string;
  };
  readonly coordinateSystem: string;
  readonly alignment: SpinopelvicParameters & {
    readonly thoracicKyphosisDeg: number;
    readonly source: string;
  };
  readonly landmarks: Record<LandmarkName, Vec3>;
  readonly radiographs: Record<RadiographName, RadiographTruth>;
  readonly motion: {
    readonly level: 'L3-L4';
    readonly translationMm: number;
    readonly angleDeg: number;
    /** L3–L4 angle (lordosis positive) and L3 offset on L4 in each film. */
    readonly films: Record<
      'flexion' | 'extension' | 'lateral',
      { readonly angleDeg: number; readonly translationMm: number }
    >;
    readonly perLevel: typeof FLEX_EXT_RANGE;
  };
  readonly levels: readonly LevelTruth[];
  readonly screws: readonly ScrewSpec[];
  readonly looseScrew: {
    readonly vertebra: string;
    readonly side: string;
    readonly haloWidthMm: number;
    readonly sclerosisMm: number;
  };
  /** Trabecular CT numbers as measured on the generated CT (bone-density.ts). */
  readonly boneDensity: {
    readonly method: string;
    readonly huByVertebra: Readonly<Record<'L1' | 'L2' | 'L3' | 'L4', number>>;
  };
}

const round = (v: number, d = 2): number => Math.round(v * 10 ** d) / 10 ** d;

function roundParams(p: SpinopelvicParameters): SpinopelvicParameters {
  return {
    pelvicIncidenceDeg: round(p.pelvicIncidenceDeg),
    pelvicTiltDeg: round(p.pelvicTiltDeg),
    sacralSlopeDeg: round(p.sacralSlopeDeg),
    lumbarLordosisDeg: round(p.lumbarLordosisDeg),
    piMinusLlDeg: round(p.piMinusLlDeg),
    svaMm: round(p.svaMm),
  };
}

function paramsFrom(get: (n: LandmarkName) => P2): SpinopelvicParameters {
  return spinopelvicParameters({
    femoralHead1: get('femoralHeadLeft'),
    femoralHead2: get('femoralHeadRight'),
    s1Anterior: get('s1Anterior'),
    s1Posterior: get('s1Posterior'),
    l1Anterior: get('l1UpperAnterior'),
    l1Posterior: get('l1UpperPosterior'),
    c7Centre: get('c7Centre'),
  });
}

function motionFrom(get: (n: LandmarkName) => P2): { angleDeg: number; translationMm: number } {
  const s = {
    upperInferiorAnterior: get('l3LowerAnterior'),
    upperInferiorPosterior: get('l3LowerPosterior'),
    lowerSuperiorAnterior: get('l4UpperAnterior'),
    lowerSuperiorPosterior: get('l4UpperPosterior'),
  };
  return { angleDeg: round(segmentAngleDeg(s), 3), translationMm: round(segmentTranslation(s), 3) };
}

function radiographTruth(name: RadiographName): RadiographTruth {
  const spec = RADIOGRAPHS.find((r) => r.name === name);
  if (!spec) throw new Error(`No radiograph ${name}`);
  const scene = phantomScene(spec.posture);
  const g = radiographGeometry(spec);
  const pts = sceneLandmarks(scene);
  const magnification = spec.sid / spec.sod;
  const landmarks = Object.fromEntries(
    LANDMARK_NAMES.map((n) => {
      const [c, r] = projectPoint(g, pts[n]);
      return [n, { patient: roundVec(pts[n]), image: [round(c, 3), round(r, 3)] as const }];
    }),
  ) as RadiographTruth['landmarks'];
  // Lateral image: columns run posteriorly, rows downwards; mm at the midsagittal plane.
  const k = g.spacing / magnification;
  const imagePoint = (n: LandmarkName): P2 => {
    const [c, r] = projectPoint(g, pts[n]);
    return { a: -c * k, u: -r * k };
  };
  return {
    view: spec.view,
    posture: spec.posture,
    sidMm: spec.sid,
    sodMm: spec.sod,
    magnification: round(magnification, 6),
    imagerPixelSpacingMm: spec.spacing,
    columns: g.columns,
    rows: g.rows,
    landmarks,
    measured: spec.view === 'LL' && spec.posture === 'neutral' ? roundParams(paramsFrom(imagePoint)) : null,
  };
}

export function buildGroundTruth(seed: number, patientId: string): PhantomGroundTruth {
  const neutral = phantomScene('neutral');
  const pts = sceneLandmarks(neutral);
  const design = paramsFrom((n) => sagittal(pts[n]));
  const radiographs = Object.fromEntries(RADIOGRAPHS.map((r) => [r.name, radiographTruth(r.name)])) as Record<
    RadiographName,
    RadiographTruth
  >;
  const filmMotion = (posture: 'flexion' | 'extension' | 'neutral') => {
    const p = sceneLandmarks(phantomScene(posture));
    return motionFrom((n) => sagittal(p[n]));
  };
  const levels = levelTruths(neutral);
  const films = {
    flexion: filmMotion('flexion'),
    extension: filmMotion('extension'),
    lateral: filmMotion('neutral'),
  };
  return {
    schema: 'spine-case-review/phantom-ground-truth@1',
    synthetic: true,
    notice: SYNTHETIC_NOTICE,
    seed,
    patient: { name: PATIENT.name, id: patientId, sex: PATIENT.sex, birthDate: PATIENT.birthDate },
    coordinateSystem:
      'DICOM patient coordinates (LPS: +x left, +y posterior, +z head), mm; origin at the S1 endplate midpoint. CT and MR share this frame of reference. Image coordinates are (column, row), 0-based, pixel centres.',
    alignment: {
      ...roundParams(design),
      thoracicKyphosisDeg: round(neutral.column.thoracicKyphosisDeg),
      source: `design PI ${ALIGNMENT.pelvicIncidenceDeg}, PT ${ALIGNMENT.pelvicTiltDeg}, SS ${sacralSlopeDeg}, LL ${ALIGNMENT.lumbarLordosisDeg}, SVA ${ALIGNMENT.svaMm} mm; values here are recomputed from the 3-D landmarks (Legaye 1998 / SRS–Schwab formulas)`,
    },
    landmarks: Object.fromEntries(LANDMARK_NAMES.map((n) => [n, roundVec(pts[n])])) as Record<
      LandmarkName,
      Vec3
    >,
    radiographs,
    motion: {
      level: 'L3-L4',
      angleDeg: round(films.extension.angleDeg - films.flexion.angleDeg, 3),
      translationMm: round(films.flexion.translationMm - films.extension.translationMm, 3),
      films,
      perLevel: FLEX_EXT_RANGE,
    },
    levels,
    screws: neutral.screws.map((s) => ({
      ...s,
      entry: roundVec(s.entry),
      tip: roundVec(s.tip),
      head: roundVec(s.head),
    })),
    looseScrew: {
      vertebra: FINDINGS.looseScrew.vertebra,
      side: FINDINGS.looseScrew.side,
      haloWidthMm: FINDINGS.haloWidthMm,
      sclerosisMm: FINDINGS.haloSclerosisMm,
    },
    boneDensity: {
      method: `mean of a ${HU_ROI_RADIUS_MM} mm radius circular ROI in the vertebral body on the axial CT slice nearest its centre (default series: 375 × 1 mm, 512²)`,
      huByVertebra: measuredLumbarHu(neutral, seed),
    },
  };
}
