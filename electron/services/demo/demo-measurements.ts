import { instanceIdByUid } from '../../../db/instances.ts';
import type { CreateMeasurementInput } from '../../../shared/contract/measurement-schemas.ts';
import { femoralHeadCircle } from '../../../shared/phantom/femoral-heads.ts';
import type { PhantomGroundTruth } from '../../../shared/phantom/ground-truth.ts';
import type { LandmarkName } from '../../../shared/phantom/landmarks.ts';
import { RADIOGRAPHS, type RadiographName } from '../../../shared/phantom/radiograph.ts';
import type { ImagePoint } from '../../../shared/measurements/types.ts';
import type { BackendContext } from '../../backend/context.ts';
import { measurementHandlers } from '../../backend/measurement-handlers.ts';
import { phantomUid } from '../phantom/uids.ts';

const SPINOPELVIC: readonly LandmarkName[] = [
  's1Anterior',
  's1Posterior',
  'l1UpperAnterior',
  'l1UpperPosterior',
  'c7Centre',
  't1Centre',
];
const L3_L4: readonly LandmarkName[] = [
  'l3LowerAnterior',
  'l3LowerPosterior',
  'l4UpperAnterior',
  'l4UpperPosterior',
];

/** The stored instance of a phantom film (the DX writer numbers series in RADIOGRAPHS order). */
function filmInstance(ctx: BackendContext, seed: number, film: RadiographName): number | null {
  const seriesNumber = RADIOGRAPHS.findIndex((r) => r.name === film) + 1;
  return instanceIdByUid(ctx.db, phantomUid(seed, 'DX', 'image', seriesNumber));
}

/**
 * Places the landmark measurements a reader would make on the demo's films, at the phantom's
 * ground-truth positions: spinopelvic alignment on the standing lateral, and the L3–L4 segment on
 * the flexion and extension films (their comparison is the flexion/extension motion).
 */
export async function placeDemoMeasurements(
  ctx: BackendContext,
  caseId: number,
  truth: PhantomGroundTruth,
): Promise<void> {
  const points = (film: RadiographName, names: readonly LandmarkName[]): ImagePoint[] =>
    names.map((n) => truth.radiographs[film].landmarks[n].image as ImagePoint);
  const lateral = truth.radiographs.lateral;
  const heads = (['femoralHeadLeft', 'femoralHeadRight'] as const).flatMap((n) =>
    femoralHeadCircle(lateral, lateral.landmarks[n].image),
  );
  const plan: { film: RadiographName; input: Omit<CreateMeasurementInput, 'caseId' | 'instanceId'> }[] = [
    {
      film: 'lateral',
      input: {
        frame: 0,
        tool: 'spinopelvic',
        points: [...heads, ...points('lateral', SPINOPELVIC)],
        label: 'Standing alignment',
        text: null,
        knownMm: null,
        level: null,
        screw: null,
      },
    },
    ...(['flexion', 'extension'] as const).map((film) => ({
      film,
      input: {
        frame: 0,
        tool: 'segment' as const,
        points: points(film, L3_L4),
        label: film === 'flexion' ? 'Flexion' : 'Extension',
        text: null,
        knownMm: null,
        level: 'L3-L4',
        screw: null,
      },
    })),
  ];
  for (const { film, input } of plan) {
    const instanceId = filmInstance(ctx, truth.seed, film);
    if (instanceId !== null)
      await measurementHandlers['measurements.create'](ctx, { ...input, caseId, instanceId });
  }
}

/** Wraps the demo import's cleanup: once the films are in the store, the measurements are placed. */
export const withDemoMeasurements =
  (ctx: BackendContext, caseId: number, truth: PhantomGroundTruth, cleanup: () => Promise<void>) =>
  async (): Promise<void> => {
    try {
      await placeDemoMeasurements(ctx, caseId, truth);
    } finally {
      await cleanup();
    }
  };
