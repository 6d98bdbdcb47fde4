import { BMI_CLASS_LABELS, displayBmi } from '../calculators/bmi.ts';
import type { BmiClass } from '../calculators/bmi.ts';
import { T_SCORE_OSTEOPOROSIS_AT, Z_SCORE_LOW_AT } from '../calculators/bone.ts';
import { packYears } from '../calculators/smoking.ts';
import { VITAMIN_D_DEFICIENT_BELOW, VITAMIN_D_INSUFFICIENT_BELOW } from '../calculators/vitamin-d.ts';
import { addMonths } from '../dates.ts';
import { formatNumber } from '../format.ts';
import { describeQuantity } from '../reader.ts';
import type { FlagFinding, FlagRule } from './types.ts';
import { combineFindings, derivedCode, derivedNumber, derivedText } from './types.ts';

/** HbA1c ≥ 7.0 % raises surgical-site infection; ≥ 8.0 % more so (Hikata T et al., J Orthop Sci 2014). */
export const HBA1C_CAUTION_PERCENT = 7.0;
export const HBA1C_WARNING_PERCENT = 8.0;
/** BMI ≥ 30: infection after spinal surgery (Olsen MA et al., J Bone Joint Surg Am 2008). */
export const BMI_OBESE_FROM = 30;
/** Albumin < 3.5 g/dL: wound and infectious complications (Bohl DD et al., Spine 2016). */
export const ALBUMIN_LOW_BELOW_G_DL = 3.5;
/** Smoking and non-union; quitting before surgery helps (Glassman SD et al., Spine 2000). */
export const SMOKING_QUIT_MONTHS = 1;

/** Nicotine products other than cigarettes that count as current nicotine use. */
const NICOTINE_LABELS: Readonly<Record<string, string>> = {
  cigarettes: 'cigarettes',
  cigarsPipe: 'cigars/pipe',
  vaping: 'vaping',
  snus: 'snus/smokeless tobacco',
  nrt: 'nicotine replacement',
};

const smoking: FlagRule = {
  id: 'smoking',
  label: 'Smoking',
  threshold: 'Current smoker, quit less than 1 month ago, or nicotine from any product',
  source: 'Glassman SD et al., Spine 2000 (smoking, cessation and non-union)',
  fieldIds: ['health.smoking', 'health.quitDate', 'health.nicotineProducts', 'health.cotinine'],
  evaluate({ r, today }) {
    const status = r.code('health.smoking');
    const perDay = r.number('health.cigarettesPerDay');
    const years = r.number('health.yearsSmoked');
    const amount =
      perDay !== undefined && years !== undefined
        ? ` (${perDay}/day, ${formatNumber(packYears(perDay, years), 1)} pack-years)`
        : '';
    const cotinine = r.code('health.cotinine') === 'positive' ? '; cotinine positive' : '';
    const products = (r.codes('health.nicotineProducts') ?? []).flatMap((c) => NICOTINE_LABELS[c] ?? []);
    const nicotine = products.length ? `; nicotine: ${products.join(', ')}` : '';
    if (status === 'current')
      return { severity: 'warning', detail: `Current smoker${amount}${nicotine}${cotinine}` };
    const quit = r.date('health.quitDate');
    if (status === 'former' && quit && today && addMonths(quit, SMOKING_QUIT_MONTHS) > today) {
      return {
        severity: 'warning',
        detail: `Former smoker, quit ${quit} — less than 1 month ago${cotinine}`,
      };
    }
    if (products.length) {
      const who =
        status === 'never'
          ? 'Never smoked cigarettes'
          : status === 'former'
            ? 'Former smoker'
            : 'Nicotine use';
      return { severity: 'warning', detail: `${who}${nicotine}${cotinine}` };
    }
    if (status === 'former' && cotinine) return { severity: 'warning', detail: `Former smoker${cotinine}` };
    return undefined;
  },
};

const hba1c: FlagRule = {
  id: 'hba1c',
  label: 'HbA1c raised',
  threshold: 'HbA1c ≥ 7.0 % (53 mmol/mol); ≥ 8.0 % (64 mmol/mol) warning',
  source: 'Hikata T et al., J Orthop Sci 2014 (surgical-site infection)',
  fieldIds: ['health.hba1c'],
  evaluate({ r }) {
    const q = r.quantity('health.hba1c');
    // Compared at one decimal, as HbA1c % is reported (64 mmol/mol = 7.99 % reads as 8.0 %).
    const v = q && Math.round(q.canonical * 10) / 10;
    if (!q || v === undefined || v < HBA1C_CAUTION_PERCENT) return undefined;
    return {
      severity: v >= HBA1C_WARNING_PERCENT ? 'warning' : 'caution',
      detail: `HbA1c ${describeQuantity(q)}`,
    };
  },
};

const obesity: FlagRule = {
  id: 'bmi',
  label: 'Obesity',
  threshold: 'BMI ≥ 30 kg/m² (unrounded), graded I / II / III',
  source: 'Olsen MA et al., J Bone Joint Surg Am 2008 (surgical-site infection); WHO 2000 classes',
  fieldIds: ['health.heightCm', 'health.weightKg', 'health.bmi'],
  evaluate({ derived }) {
    const v = derivedNumber(derived, 'health.bmi');
    if (v === undefined || v < BMI_OBESE_FROM) return undefined;
    const c = derivedCode(derived, 'health.bmiClass') as BmiClass | undefined;
    const label = c ? BMI_CLASS_LABELS[c] : '';
    return {
      severity: c === 'obese3' ? 'warning' : 'caution',
      detail: `BMI ${displayBmi(v)} kg/m² — ${label}`,
    };
  },
};

const boneQuality: FlagRule = {
  id: 'osteoporosis',
  label: 'Poor bone quality',
  threshold: (config) =>
    `T-score ≤ ${formatNumber(T_SCORE_OSTEOPOROSIS_AT)} (Z-score ≤ ${formatNumber(Z_SCORE_LOW_AT)} where it applies), or mean CT L1–L4 < ${config.lowCtHu} HU (check)`,
  source:
    'WHO 1994 (T-score); Pickhardt PJ et al., Ann Intern Med 2013 (CT HU); Bredow J et al., Arch Orthop Trauma Surg 2016 (screw loosening)',
  fieldIds: ['labs.tScore', 'labs.zScore', 'labs.fragilityFracture', 'labs.ctHuMean', 'labs.dexaSites'],
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
        ? {
            severity: 'caution',
            detail: `Mean CT ${derivedText(derived, 'labs.ctHuMean') ?? `${formatNumber(hu, 0)} HU`}`,
          }
        : undefined,
      t !== undefined && r.codes('labs.dexaSites')?.includes('lumbarIncludingInstrumented')
        ? {
            severity: 'caution',
            detail:
              'Lumbar T-score includes instrumented/fused levels: falsely high — use non-instrumented levels, hip or one-third radius',
          }
        : undefined,
    ];
    return combineFindings(findings);
  },
};

const albumin: FlagRule = {
  id: 'albumin',
  label: 'Low albumin',
  threshold: 'Albumin < 3.5 g/dL (35 g/L)',
  source: 'Bohl DD et al., Spine 2016 (malnutrition and complications after lumbar fusion)',
  fieldIds: ['labs.albumin'],
  evaluate({ r }) {
    const q = r.quantity('labs.albumin');
    if (!q || q.canonical >= ALBUMIN_LOW_BELOW_G_DL) return undefined;
    return { severity: 'warning', detail: `Albumin ${describeQuantity(q)}` };
  },
};

const vitaminD: FlagRule = {
  id: 'vitaminD',
  label: 'Low vitamin D',
  threshold: `25-OH vitamin D < ${VITAMIN_D_DEFICIENT_BELOW} ng/mL (50 nmol/L) deficient; < ${VITAMIN_D_INSUFFICIENT_BELOW} ng/mL (75 nmol/L) insufficient`,
  source: 'Holick MF et al., J Clin Endocrinol Metab 2011; Ravindra VM et al., Spine 2015 (fusion)',
  fieldIds: ['labs.vitaminD'],
  evaluate({ r }) {
    const q = r.quantity('labs.vitaminD');
    if (!q || q.canonical >= VITAMIN_D_INSUFFICIENT_BELOW) return undefined;
    const deficient = q.canonical < VITAMIN_D_DEFICIENT_BELOW;
    return {
      severity: deficient ? 'caution' : 'info',
      detail: `25-OH vitamin D ${describeQuantity(q)} (${deficient ? 'deficient' : 'insufficient'})`,
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
