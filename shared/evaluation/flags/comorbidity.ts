import { frailtyClass, MFI5_MILD_RATIO, MFI5_SEVERE_RATIO } from '../calculators/frailty.ts';
import type { FlagRule } from './types.ts';
import { combineFindings, derivedNumber } from './types.ts';

/** ASA ≥ 3: more complications after spine surgery (Fu KM et al., J Neurosurg Spine 2011). */
export const ASA_FLAG_FROM = 3;

const ASA_ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI'];

const frailty: FlagRule = {
  id: 'frailty',
  label: 'Frailty',
  threshold: `mFI-5 ratio ≥ ${MFI5_MILD_RATIO} mild, > ${MFI5_SEVERE_RATIO} severe`,
  source:
    'Subramaniam S et al., J Am Coll Surg 2018; Weaver DJ et al., World Neurosurg 2019 (mFI-5 and lumbar fusion)',
  fieldIds: ['health.mfi5Ratio'],
  evaluate({ derived }) {
    const ratio = derivedNumber(derived, 'health.mfi5Ratio');
    if (ratio === undefined) return undefined;
    const c = frailtyClass(ratio);
    if (c === 'notFrail') return undefined;
    return {
      severity: c === 'severe' ? 'warning' : 'caution',
      detail: `mFI-5 ratio ${ratio.toFixed(1)} (${c === 'severe' ? 'severe' : 'mild'} frailty)`,
    };
  },
};

const comorbidity: FlagRule = {
  id: 'comorbidity',
  label: 'Comorbidity',
  threshold: (config) =>
    `ASA ≥ ${ASA_FLAG_FROM}, or Charlson ≥ ${config.charlsonAtLeast} (cut-off 2–3 in use (check))`,
  source: 'Fu KM et al., J Neurosurg Spine 2011 (ASA); Charlson ME et al., J Chronic Dis 1987',
  fieldIds: ['health.asa', 'health.charlson'],
  evaluate({ r, config }) {
    const code = r.code('health.asa');
    const asa = code === undefined ? undefined : Number(code);
    const charlson = r.number('health.charlson');
    return combineFindings([
      asa !== undefined && asa >= ASA_FLAG_FROM
        ? { severity: 'caution', detail: `ASA ${ASA_ROMAN[asa] ?? code}` }
        : undefined,
      charlson !== undefined && charlson >= config.charlsonAtLeast
        ? { severity: 'caution', detail: `Charlson ${charlson}` }
        : undefined,
    ]);
  },
};

export const COMORBIDITY_FLAGS: readonly FlagRule[] = [frailty, comorbidity];
