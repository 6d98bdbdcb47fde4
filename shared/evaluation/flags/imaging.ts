import { formatNumber } from '../format.ts';
import { IMAGING_GRID_FIELD } from '../sections/imaging.ts';
import type { EvaluationValues } from '../values.ts';
import { imagingLevels } from './level-cells.ts';
import type { FlagRule } from './types.ts';

/**
 * Motion on flexion/extension at a level that should be fused: ≥ 3 mm translation or ≥ 5°
 * angulation suggests pseudarthrosis (Kaiser MG et al., J Neurosurg Spine 2014).
 */
export const FUSED_TRANSLATION_MM = 3;
export const FUSED_ANGULATION_DEG = 5;

/**
 * Instability at a mobile level: sagittal translation > 4.5 mm or rotation > 15° on flexion/
 * extension (White AA, Panjabi MM, Clinical Biomechanics of the Spine, 2nd ed., 1990).
 */
export const MOBILE_TRANSLATION_OVER_MM = 4.5;
export const MOBILE_ANGULATION_OVER_DEG = 15;

const describe = (mm: number | undefined, deg: number | undefined) =>
  [mm !== undefined && `${formatNumber(mm, 1)} mm`, deg !== undefined && `${formatNumber(deg, 1)}°`]
    .filter((p): p is string => typeof p === 'string')
    .join(', ');

/** "L4-L5: 3.5 mm, 6°" for each fused level over either threshold. */
export function fusedLevelsWithMotion(values: EvaluationValues): string[] {
  return imagingLevels(values)
    .filter((l) => l.row.fused)
    .flatMap((l) => {
      const mm = l.number('translationMm');
      const deg = l.number('angulationDeg');
      const over = (mm ?? 0) >= FUSED_TRANSLATION_MM || (deg ?? 0) >= FUSED_ANGULATION_DEG;
      return over ? [`${l.row.level}: ${describe(mm, deg)}`] : [];
    });
}

/** "L3-L4: 5 mm, 8°" for each mobile (not fused) level over the White–Panjabi limits. */
export function mobileLevelsUnstable(values: EvaluationValues): string[] {
  return imagingLevels(values)
    .filter((l) => !l.row.fused)
    .flatMap((l) => {
      const mm = l.number('translationMm');
      const deg = l.number('angulationDeg');
      const over = (mm ?? 0) > MOBILE_TRANSLATION_OVER_MM || (deg ?? 0) > MOBILE_ANGULATION_OVER_DEG;
      return over ? [`${l.row.level}: ${describe(mm, deg)}`] : [];
    });
}

const fusedLevelMotion: FlagRule = {
  id: 'fusedLevelMotion',
  label: 'Motion at a fused level',
  threshold: `Flexion/extension translation ≥ ${FUSED_TRANSLATION_MM} mm or angulation ≥ ${FUSED_ANGULATION_DEG}° at a level that should be fused`,
  source:
    'Kaiser MG et al., J Neurosurg Spine 2014 (radiographic assessment of fusion) — suspected pseudarthrosis',
  fieldIds: [IMAGING_GRID_FIELD],
  evaluate({ r }) {
    const levels = fusedLevelsWithMotion(r.values);
    return levels.length === 0 ? undefined : { severity: 'warning', detail: levels.join('; ') };
  },
};

const adjacentInstability: FlagRule = {
  id: 'adjacentInstability',
  label: 'Instability at a mobile level',
  threshold: `Flexion/extension translation > ${MOBILE_TRANSLATION_OVER_MM} mm or rotation > ${MOBILE_ANGULATION_OVER_DEG}° at a level that is not fused`,
  source: 'White AA, Panjabi MM, Clinical Biomechanics of the Spine, 2nd ed., Lippincott 1990',
  fieldIds: [IMAGING_GRID_FIELD],
  evaluate({ r }) {
    const levels = mobileLevelsUnstable(r.values);
    return levels.length === 0 ? undefined : { severity: 'warning', detail: levels.join('; ') };
  },
};

export const IMAGING_FLAGS: readonly FlagRule[] = [fusedLevelMotion, adjacentInstability];
