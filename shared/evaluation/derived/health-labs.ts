import { bmi, bmiClass, BMI_CLASS_LABELS, displayBmi } from '../calculators/bmi.ts';
import { BONE_DENSITY_LABELS, mean, tScoreClass, zScoreClass } from '../calculators/bone.ts';
import { frailtyClass, mfi5 } from '../calculators/frailty.ts';
import type { Mfi5Items } from '../calculators/frailty.ts';
import {
  CHRONIC_OPIOID_DAYS_OVER,
  dailyMme,
  isChronicOpioidUse,
  isOpioidAgent,
} from '../calculators/opioids.ts';
import { packYears } from '../calculators/smoking.ts';
import { vitaminDClass, VITAMIN_D_LABELS } from '../calculators/vitamin-d.ts';
import { formatNumber } from '../format.ts';
import type { ValueReader } from '../reader.ts';
import { ctHuInstrumentedField, HU_VERTEBRAE } from '../sections/labs-bone.ts';
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
    return isDerived(v) ? v : derived(v, `${displayBmi(v)} kg/m²`);
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
    const entered = HU_VERTEBRAE.flatMap((v) => {
      const hu = r.number(`labs.ctHu${v}`);
      return hu === undefined ? [] : [{ v, hu, instrumented: r.bool(ctHuInstrumentedField(v)) === true }];
    });
    const used = entered.filter((e) => !e.instrumented);
    const left = entered.filter((e) => e.instrumented).map((e) => e.v);
    const m = mean(used.map((e) => e.hu));
    if (m === undefined) {
      return needs(left.length ? 'at least one non-instrumented vertebra of L1–L4' : 'at least one of L1–L4');
    }
    const omitted = left.length ? `; ${left.join(', ')} instrumented, left out` : '';
    return derived(m, `${formatNumber(m, 0)} HU (${vertebraRange(used.map((e) => e.v))}${omitted})`);
  },
  'health.opioidMmeDaily': (r) => {
    const agent = r.code('health.opioidAgent');
    const dose = r.number('health.opioidDoseMg');
    const perDay = r.number('health.opioidDosesPerDay');
    if (agent === undefined || !isOpioidAgent(agent) || dose === undefined) {
      return needs(agent === undefined && 'the opioid', dose === undefined && 'the dose');
    }
    if (agent !== 'fentanylPatch' && perDay === undefined) return needs('doses per day');
    const mme = dailyMme(agent, dose, perDay ?? 1);
    return derived(mme, `${formatNumber(mme, 1)} MME/day`);
  },
};

/** "L1–L3" for a consecutive run, else "L1, L3". */
function vertebraRange(vertebrae: readonly string[]): string {
  const idx = vertebrae.map((v) => HU_VERTEBRAE.indexOf(v as (typeof HU_VERTEBRAE)[number]));
  const consecutive = idx.every((n, i) => i === 0 || n === (idx[i - 1] ?? 0) + 1);
  return consecutive && vertebrae.length > 2
    ? `${vertebrae[0] ?? ''}–${vertebrae.at(-1) ?? ''}`
    : vertebrae.join(', ');
}
