import { pelvicSumDiscrepancy } from '../calculators/alignment.ts';
import { LEVELS_FUSED_FIELD } from '../conditions.ts';
import type { EvaluationConfig } from '../config.ts';
import { formatNumber } from '../format.ts';
import { hasGaps, sortSegments } from '../levels.ts';
import type { ValueReader } from '../reader.ts';

export interface CrossFieldMessage {
  readonly fieldId: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

type Rule = (r: ValueReader, config: EvaluationConfig) => CrossFieldMessage | undefined;

const onsetAfterSurgery: Rule = (r) => {
  const surgery = r.date('history.indexSurgeryDate');
  const onset = r.date('history.symptomOnsetDate');
  if (!surgery || !onset || onset >= surgery) return undefined;
  return {
    fieldId: 'history.symptomOnsetDate',
    severity: 'error',
    message: `Onset of current symptoms (${onset}) is before the date of index surgery (${surgery}); if the symptoms were never relieved, choose “Never relieved” instead.`,
  };
};

/** PI = PT + SS is geometric (Legaye J et al., Eur Spine J 1998); a larger gap than the tolerance (check) is likely a typo. */
const pelvicSum: Rule = (r, config) => {
  const pi = r.number('imaging.pi');
  const pt = r.number('imaging.pt');
  const ss = r.number('imaging.ss');
  if (pi === undefined || pt === undefined || ss === undefined) return undefined;
  const gap = pelvicSumDiscrepancy(pi, pt, ss);
  if (gap <= config.pelvicSumToleranceDeg) return undefined;
  const f = (n: number) => `${formatNumber(n, 1)}°`;
  return {
    fieldId: 'imaging.pi',
    severity: 'warning',
    message: `PI ${f(pi)} differs from PT + SS (${f(pt)} + ${f(ss)} = ${f(pt + ss)}) by ${f(gap)}; PI should equal PT + SS — check the measurements.`,
  };
};

const contiguousLevels: Rule = (r) => {
  const levels = r.codes(LEVELS_FUSED_FIELD);
  if (!levels || !hasGaps(levels)) return undefined;
  return {
    fieldId: LEVELS_FUSED_FIELD,
    severity: 'warning',
    message: `Levels fused are not contiguous (${sortSegments(levels).join(', ')}) — check that this is intended.`,
  };
};

/** mFI-5 items should agree with the cardiovascular history. */
const frailtyAgreesWithHistory: Rule = (r) => {
  const cardio = r.codes('health.cardiovascular');
  if (!cardio?.includes('none')) return undefined;
  const ticked = [
    r.bool('health.mfiHeartFailure') && 'heart failure',
    r.bool('health.mfiHypertension') && 'treated hypertension',
  ].filter((s): s is string => typeof s === 'string');
  if (ticked.length === 0) return undefined;
  return {
    fieldId: 'health.cardiovascular',
    severity: 'warning',
    message: `Cardiovascular disease is “None” but mFI-5 records ${ticked.join(' and ')}.`,
  };
};

export const CROSS_FIELD_RULES: readonly Rule[] = [
  onsetAfterSurgery,
  pelvicSum,
  contiguousLevels,
  frailtyAgreesWithHistory,
];

export function checkCrossField(r: ValueReader, config: EvaluationConfig): CrossFieldMessage[] {
  return CROSS_FIELD_RULES.map((rule) => rule(r, config)).filter(
    (m): m is CrossFieldMessage => m !== undefined,
  );
}
