import { BMI_CLASS_LABELS } from '../calculators/bmi.ts';
import type { BmiClass } from '../calculators/bmi.ts';
import { T_SCORE_OSTEOPOROSIS_AT, Z_SCORE_LOW_AT } from '../calculators/bone.ts';
import { packYears } from '../calculators/smoking.ts';
import { VITAMIN_D_DEFICIENT_BELOW, VITAMIN_D_INSUFFICIENT_BELOW } from '../calculators/vitamin-d.ts';
import { addMonths } from '../dates.ts';
import { formatNumber } from '../format.ts';
import type { FlagFinding, FlagRule } from './types.ts';
import { combineFindings, derivedCode, derivedNumber } from './types.ts';

/** Flag thresholds and their reasons from DOMAIN.md §8 ("thresholds from the literature"). */
export const HBA1C_CAUTION_PERCENT = 7.0; // surgical-site infection
export const HBA1C_WARNING_PERCENT = 8.0; // doubles wound complications
export const BMI_OBESE_FROM = 30; // infection OR ~2.3, worse ODI
export const ALBUMIN_LOW_BELOW_G_DL = 3.5; // infection OR ~3, wound breakdown
export const SMOKING_QUIT_MONTHS = 1; // quit ≥ 1 month before surgery; non-union RR ~1.9

const smoking: FlagRule = {
  id: 'smoking',
  label: 'Smoking',
  threshold: 'Current smoker, or quit less than 1 month ago',
  source: 'DOMAIN.md §8 — non-union RR ~1.9',
  fieldIds: ['health.smoking', 'health.quitDate', 'health.cotinine'],
  evaluate({ r, today }) {
    const status = r.code('health.smoking');
    const perDay = r.number('health.cigarettesPerDay');
    const years = r.number('health.yearsSmoked');
    const amount =
      perDay !== undefined && years !== undefined
        ? ` (${perDay}/day, ${formatNumber(packYears(perDay, years), 1)} pack-years)`
        : '';
    const cotinine = r.code('health.cotinine') === 'positive' ? '; cotinine positive' : '';
    if (status === 'current') return { severity: 'warning', detail: `Current smoker${amount}${cotinine}` };
    const quit = r.date('health.quitDate');
    if (status === 'former' && quit && today && addMonths(quit, SMOKING_QUIT_MONTHS) > today) {
      return {
        severity: 'warning',
        detail: `Former smoker, quit ${quit} — less than 1 month ago${cotinine}`,
      };
    }
    if (status === 'former' && cotinine) return { severity: 'warning', detail: `Former smoker${cotinine}` };
    return undefined;
  },
};

const hba1c: FlagRule = {
  id: 'hba1c',
  label: 'HbA1c raised',
  threshold: 'HbA1c ≥ 7.0 % (≥ 8.0 % doubles wound complications)',
  source: 'DOMAIN.md §8 — surgical-site infection',
  fieldIds: ['health.hba1c'],
  evaluate({ r }) {
    const v = r.number('health.hba1c');
    if (v === undefined || v < HBA1C_CAUTION_PERCENT) return undefined;
    return {
      severity: v >= HBA1C_WARNING_PERCENT ? 'warning' : 'caution',
      detail: `HbA1c ${formatNumber(v, 1)} %`,
    };
  },
};

const obesity: FlagRule = {
  id: 'bmi',
  label: 'Obesity',
  threshold: 'BMI ≥ 30 kg/m², graded I / II / III',
  source: 'DOMAIN.md §8 — infection OR ~2.3, worse ODI',
  fieldIds: ['health.heightCm', 'health.weightKg', 'health.bmi'],
  evaluate({ derived }) {
    const v = derivedNumber(derived, 'health.bmi');
    if (v === undefined || v < BMI_OBESE_FROM) return undefined;
    const c = derivedCode(derived, 'health.bmiClass') as BmiClass | undefined;
    const label = c ? BMI_CLASS_LABELS[c] : '';
    return {
      severity: c === 'obese3' ? 'warning' : 'caution',
      detail: `BMI ${v.toFixed(1)} kg/m² — ${label}`,
    };
  },
};

const boneQuality: FlagRule = {
  id: 'osteoporosis',
  label: 'Poor bone quality',
  threshold: (config) =>
    `T-score ≤ ${formatNumber(T_SCORE_OSTEOPOROSIS_AT)} (Z-score ≤ ${formatNumber(Z_SCORE_LOW_AT)} where it applies), or mean CT L1–L4 < ${config.lowCtHu} HU (check)`,
  source: 'DOMAIN.md §5, §8 — screw loosening RR ~2.6, PJK, subsidence',
  fieldIds: ['labs.tScore', 'labs.zScore', 'labs.fragilityFracture', 'labs.ctHuMean'],
  evaluate({ r, derived, config }) {
    const bone = derivedCode(derived, 'labs.boneDensityClass');
    const hu = derivedNumber(derived, 'labs.ctHuMean');
    const t = r.number('labs.tScore');
    const z = r.number('labs.zScore');
    const osteoporotic = bone === 'osteoporosis' || bone === 'severeOsteoporosis';
    const severe = bone === 'severeOsteoporosis' ? ' with fragility fracture (severe)' : '';
    const findings: (FlagFinding | undefined)[] = [
      osteoporotic && t !== undefined
        ? { severity: 'warning', detail: `T-score ${formatNumber(t, 1)}${severe}` }
        : undefined,
      bone === 'belowExpectedForAge' && z !== undefined
        ? { severity: 'caution', detail: `Z-score ${formatNumber(z, 1)} (below the expected range for age)` }
        : undefined,
      hu !== undefined && hu < config.lowCtHu
        ? { severity: 'caution', detail: `Mean CT L1–L4 ${formatNumber(hu, 0)} HU` }
        : undefined,
    ];
    return combineFindings(findings);
  },
};

const albumin: FlagRule = {
  id: 'albumin',
  label: 'Low albumin',
  threshold: 'Albumin < 3.5 g/dL',
  source: 'DOMAIN.md §8 — infection OR ~3, wound breakdown',
  fieldIds: ['labs.albumin'],
  evaluate({ r }) {
    const v = r.number('labs.albumin');
    if (v === undefined || v >= ALBUMIN_LOW_BELOW_G_DL) return undefined;
    return { severity: 'warning', detail: `Albumin ${formatNumber(v, 1)} g/dL` };
  },
};

const vitaminD: FlagRule = {
  id: 'vitaminD',
  label: 'Low vitamin D',
  threshold: `25-OH vitamin D < ${VITAMIN_D_DEFICIENT_BELOW} ng/mL deficient (< ${VITAMIN_D_INSUFFICIENT_BELOW} insufficient)`,
  source: 'DOMAIN.md §5, §8 — hardware failure',
  fieldIds: ['labs.vitaminD'],
  evaluate({ r }) {
    const v = r.number('labs.vitaminD');
    if (v === undefined || v >= VITAMIN_D_INSUFFICIENT_BELOW) return undefined;
    const deficient = v < VITAMIN_D_DEFICIENT_BELOW;
    return {
      severity: deficient ? 'caution' : 'info',
      detail: `25-OH vitamin D ${formatNumber(v, 1)} ng/mL (${deficient ? 'deficient' : 'insufficient'})`,
    };
  },
};

export const RISK_FACTOR_FLAGS: readonly FlagRule[] = [
  smoking,
  hba1c,
  obesity,
  boneQuality,
  albumin,
  vitaminD,
];
