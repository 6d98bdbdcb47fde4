import { isOpioidAgent, MME_CAUTION_FROM, MME_FACTORS, MME_HIGH_FROM } from '../calculators/opioids.ts';
import type { DerivedValues } from '../derived/types.ts';
import { formatNumber } from '../format.ts';
import type { ValueReader } from '../reader.ts';
import type { FlagRule } from './types.ts';
import { combineFindings, derivedCode, derivedNumber } from './types.ts';

/** PHQ-9 ≥ 10: moderate depressive symptoms (Kroenke K et al., J Gen Intern Med 2001). */
export const PHQ9_MODERATE_FROM = 10;
/** PCS ≥ 30: clinically relevant catastrophising (Sullivan MJL et al., Psychol Assess 1995). */
export const PCS_RELEVANT_FROM = 30;

const chronicOpioids: FlagRule = {
  id: 'chronicOpioids',
  label: 'Chronic opioid use',
  threshold: '> 90 days of opioids in the past year',
  source: 'Lee D et al., J Bone Joint Surg Am 2014 (worse outcomes after spine surgery)',
  fieldIds: ['health.opioidDays', 'health.opioidMme', 'health.opioidDrug'],
  evaluate({ r, derived }) {
    if (derivedCode(derived, 'health.opioidChronic') !== true) return undefined;
    const days = r.number('health.opioidDays');
    const mme = dailyMmeOf(r, derived);
    const drug = r.code('health.opioidAgent');
    const parts = [
      `${days ?? '?'} days in the past year`,
      mme !== undefined && `${formatNumber(mme, 1)} MME/day`,
      drug && isOpioidAgent(drug) ? MME_FACTORS[drug].label : undefined,
      r.text('health.opioidDrug'),
    ];
    return { severity: 'caution', detail: parts.filter((p) => typeof p === 'string' && p !== '').join(', ') };
  },
};

const depression: FlagRule = {
  id: 'depression',
  label: 'Depression',
  threshold: 'Diagnosis of depression',
  source: 'Anderson JT et al., Spine 2015 (depression and lumbar fusion outcomes)',
  fieldIds: ['health.depression'],
  evaluate({ r }) {
    const d = r.code('health.depression');
    if (d === 'diagnosed') return { severity: 'caution', detail: 'Depression diagnosed' };
    if (d === 'suspected') return { severity: 'info', detail: 'Depression suspected, not diagnosed' };
    return undefined;
  },
};

const claims: FlagRule = {
  id: 'compensationLitigation',
  label: 'Compensation or litigation',
  threshold: 'Active workers’ compensation claim or litigation',
  source: 'Carreon LY et al., Spine 2010 (workers’ compensation and fusion outcomes)',
  fieldIds: ['health.compensation', 'health.litigation'],
  evaluate({ r }) {
    const active = [
      r.code('health.compensation') === 'active' && 'workers’ compensation claim',
      r.code('health.litigation') === 'active' && 'litigation',
    ].filter((s): s is string => typeof s === 'string');
    return active.length === 0
      ? undefined
      : { severity: 'caution', detail: `Active ${active.join(' and ')}` };
  },
};

/** The larger of the calculated main opioid and the entered total, so a combination is not missed. */
function dailyMmeOf(r: ValueReader, derived: DerivedValues): number | undefined {
  const values = [derivedNumber(derived, 'health.opioidMmeDaily'), r.number('health.opioidMme')].filter(
    (v): v is number => v !== undefined,
  );
  return values.length ? Math.max(...values) : undefined;
}

const opioidDose: FlagRule = {
  id: 'opioidDose',
  label: 'Opioid dose',
  threshold: `≥ ${MME_CAUTION_FROM} MME/day caution; ≥ ${MME_HIGH_FROM} MME/day high dose`,
  source:
    'Dowell D et al., MMWR Recomm Rep 2022 (CDC Clinical Practice Guideline for Prescribing Opioids for Pain)',
  fieldIds: ['health.opioidAgent', 'health.opioidDoseMg', 'health.opioidDosesPerDay', 'health.opioidMme'],
  evaluate({ r, derived }) {
    const mme = dailyMmeOf(r, derived);
    if (mme === undefined || mme < MME_CAUTION_FROM) return undefined;
    const high = mme >= MME_HIGH_FROM;
    return {
      severity: high ? 'warning' : 'caution',
      detail: `${formatNumber(mme, 1)} MME/day${high ? ' (high dose)' : ''}`,
    };
  },
};

const moodScreen: FlagRule = {
  id: 'moodScreen',
  label: 'Psychological screening',
  threshold: `PHQ-9 ≥ ${PHQ9_MODERATE_FROM} or Pain Catastrophizing Scale ≥ ${PCS_RELEVANT_FROM}`,
  source: 'Kroenke K et al., J Gen Intern Med 2001 (PHQ-9); Sullivan MJL et al., Psychol Assess 1995 (PCS)',
  fieldIds: ['health.phq9', 'health.pcs'],
  evaluate({ r }) {
    const phq = r.number('health.phq9');
    const pcs = r.number('health.pcs');
    return combineFindings([
      phq !== undefined && phq >= PHQ9_MODERATE_FROM
        ? { severity: 'caution', detail: `PHQ-9 ${phq}` }
        : undefined,
      pcs !== undefined && pcs >= PCS_RELEVANT_FROM
        ? { severity: 'caution', detail: `PCS ${pcs}` }
        : undefined,
    ]);
  },
};

export const PSYCHOSOCIAL_FLAGS: readonly FlagRule[] = [
  chronicOpioids,
  opioidDose,
  depression,
  moodScreen,
  claims,
];
