import { bmi, bmiClass, BMI_CLASS_LABELS } from '../calculators/bmi.ts';
import { BONE_DENSITY_LABELS, mean, tScoreClass, zScoreClass } from '../calculators/bone.ts';
import { frailtyClass, mfi5 } from '../calculators/frailty.ts';
import type { Mfi5Items } from '../calculators/frailty.ts';
import { CHRONIC_OPIOID_DAYS_OVER, isChronicOpioidUse } from '../calculators/opioids.ts';
import { packYears } from '../calculators/smoking.ts';
import { vitaminDClass, VITAMIN_D_LABELS } from '../calculators/vitamin-d.ts';
import { formatNumber } from '../format.ts';
import type { ValueReader } from '../reader.ts';
import { CT_HU_FIELDS } from '../sections/labs.ts';
import type { Derivation, DerivedValue } from './types.ts';
import { derived, needs } from './types.ts';

function bmiValue(r: ValueReader): number | DerivedValue {
  const h = r.number('health.heightCm');
  const w = r.number('health.weightKg');
  if (h === undefined || w === undefined)
    return needs(h === undefined && 'height', w === undefined && 'weight');
  return bmi(h, w);
}

/** The diabetes item comes from the Diabetes answer, so it is never entered twice. */
function mfi5Items(r: ValueReader): Mfi5Items | DerivedValue {
  const diabetes = r.code('health.diabetes');
  const items = {
    heartFailure: r.bool('health.mfiHeartFailure'),
    diabetes: diabetes === undefined ? undefined : diabetes !== 'none',
    copdOrPneumonia: r.bool('health.mfiCopd'),
    dependent: r.bool('health.mfiDependent'),
    treatedHypertension: r.bool('health.mfiHypertension'),
  };
  const missing = Object.values(items).filter((v) => v === undefined).length;
  if (missing > 0) return needs(`all 5 mFI-5 items (${missing} unanswered)`);
  return items as Mfi5Items;
}

const isDerived = (v: unknown): v is DerivedValue => typeof v === 'object' && v !== null && 'available' in v;

export const HEALTH_LABS_DERIVATIONS: Readonly<Record<string, Derivation>> = {
  'health.packYears': (r) => {
    const perDay = r.number('health.cigarettesPerDay');
    const years = r.number('health.yearsSmoked');
    if (perDay === undefined || years === undefined) {
      return needs(perDay === undefined && 'cigarettes per day', years === undefined && 'years smoked');
    }
    const py = packYears(perDay, years);
    return derived(py, `${formatNumber(py, 1)} pack-years`);
  },
  'health.bmi': (r) => {
    const v = bmiValue(r);
    return isDerived(v) ? v : derived(v, `${v.toFixed(1)} kg/m²`);
  },
  'health.bmiClass': (r) => {
    const v = bmiValue(r);
    if (isDerived(v)) return v;
    const c = bmiClass(v);
    return derived(c, BMI_CLASS_LABELS[c]);
  },
  'health.mfi5Score': (r) => {
    const items = mfi5Items(r);
    if (isDerived(items)) return items;
    const { score } = mfi5(items);
    return derived(score, `${score} of 5`);
  },
  'health.mfi5Ratio': (r) => {
    const items = mfi5Items(r);
    if (isDerived(items)) return items;
    const { ratio } = mfi5(items);
    const label = { notFrail: 'not frail', mild: 'mild frailty', severe: 'severe frailty' }[
      frailtyClass(ratio)
    ];
    return derived(ratio, `${ratio.toFixed(1)} (${label})`);
  },
  'health.opioidChronic': (r) => {
    const days = r.number('health.opioidDays');
    if (days === undefined) return needs('days on opioids in the past year');
    const chronic = isChronicOpioidUse(days);
    return derived(chronic, chronic ? `Chronic (> ${CHRONIC_OPIOID_DAYS_OVER} days)` : 'Not chronic');
  },
  'labs.vitaminDClass': (r) => {
    const d = r.number('labs.vitaminD');
    if (d === undefined) return needs('25-OH vitamin D');
    const c = vitaminDClass(d);
    return derived(c, VITAMIN_D_LABELS[c]);
  },
  'labs.boneDensityClass': (r) => {
    if (r.bool('labs.zScoreApplies') === true) {
      const z = r.number('labs.zScore');
      if (z === undefined) return needs('the Z-score');
      const c = zScoreClass(z);
      return derived(c, BONE_DENSITY_LABELS[c]);
    }
    const t = r.number('labs.tScore');
    if (t === undefined) return needs('the T-score');
    const c = tScoreClass(t, r.bool('labs.fragilityFracture') === true);
    return derived(c, BONE_DENSITY_LABELS[c]);
  },
  'labs.ctHuMean': (r) => {
    const m = mean(CT_HU_FIELDS.map((id) => r.number(id)).filter((v): v is number => v !== undefined));
    return m === undefined ? needs('at least one of L1–L4') : derived(m, `${formatNumber(m, 0)} HU`);
  },
};
