import type { SectionDefinition } from '../types.ts';
import { options, withNone, withUnitChoice } from './builders.ts';
import { OPIOID_AND_PSYCHOSOCIAL_FIELDS } from './health-psychosocial.ts';
import { SMOKING_FIELDS } from './health-smoking.ts';

/** Comorbidity, smoking and nicotine, diabetes, BMI, frailty, opioids and psychosocial factors. */
export const HEALTH_SECTION: SectionDefinition = {
  id: 'health',
  title: 'Overall health',
  fields: [
    {
      id: 'health.asa',
      kind: 'singleChoice',
      label: 'ASA physical status',
      options: options([
        ['1', 'ASA I — healthy'],
        ['2', 'ASA II — mild systemic disease'],
        ['3', 'ASA III — severe systemic disease'],
        ['4', 'ASA IV — severe disease, constant threat to life'],
        ['5', 'ASA V — moribund'],
        ['6', 'ASA VI — brain-dead organ donor'],
      ]),
      requiredForDecision: true,
    },
    {
      id: 'health.cardiovascular',
      kind: 'multiChoice',
      label: 'Cardiovascular disease',
      options: withNone('None', [
        ['coronary', 'Coronary artery disease'],
        ['heartFailure', 'Heart failure'],
        ['arrhythmia', 'Arrhythmia'],
        ['strokeTia', 'Stroke / TIA'],
        ['peripheral', 'Peripheral vascular disease'],
        ['hypertension', 'Hypertension'],
      ]),
    },
    {
      id: 'health.anticoagulation',
      kind: 'multiChoice',
      label: 'Anticoagulation / antiplatelets',
      options: withNone('None', [
        ['antiplatelet', 'Antiplatelet'],
        ['vka', 'Vitamin K antagonist'],
        ['doac', 'Direct oral anticoagulant'],
        ['heparin', 'Heparin / LMWH'],
      ]),
      requiredForDecision: true,
    },
    ...SMOKING_FIELDS,
    {
      id: 'health.diabetes',
      kind: 'singleChoice',
      label: 'Diabetes',
      options: options([
        ['none', 'No diabetes'],
        ['type1', 'Type 1'],
        ['type2', 'Type 2'],
        ['other', 'Other type'],
      ]),
      requiredForDecision: true,
    },
    ...withUnitChoice({
      id: 'health.hba1c',
      kind: 'decimal',
      label: 'HbA1c',
      unit: '%',
      min: 3,
      max: 20,
      step: 0.1,
      range: 'plausible',
      requiredForDecision: { field: 'health.diabetes', oneOf: ['type1', 'type2', 'other'] },
    }),
    ...withUnitChoice({
      id: 'health.heightCm',
      kind: 'decimal',
      label: 'Height',
      unit: 'cm',
      min: 100,
      max: 230,
      step: 1,
      range: 'plausible',
    }),
    ...withUnitChoice({
      id: 'health.weightKg',
      kind: 'decimal',
      label: 'Weight',
      unit: 'kg',
      min: 20,
      max: 400,
      step: 0.1,
      range: 'plausible',
    }),
    {
      id: 'health.bmi',
      kind: 'computed',
      label: 'BMI',
      unit: 'kg/m²',
      formula: 'weight (kg) / height (m)², shown to 0.1; the class uses the unrounded value',
      source: 'WHO Technical Report Series 894, 2000',
      requiredForDecision: true,
    },
    {
      id: 'health.bmiClass',
      kind: 'computed',
      label: 'BMI class',
      formula:
        '< 18.5, 18.5 to < 25, 25 to < 30, 30 to < 35 (obese I), 35 to < 40 (II), ≥ 40 (III), on the unrounded BMI',
      source: 'WHO Technical Report Series 894, 2000',
    },
    {
      id: 'health.charlson',
      kind: 'integer',
      label: 'Charlson comorbidity index',
      unit: '',
      min: 0,
      max: 40,
      step: 1,
      range: 'scale',
    },
    ...(
      [
        ['health.mfiHeartFailure', 'mFI-5: congestive heart failure'],
        ['health.mfiCopd', 'mFI-5: COPD or pneumonia'],
        ['health.mfiDependent', 'mFI-5: dependent functional status (partly or totally)'],
        ['health.mfiHypertension', 'mFI-5: hypertension requiring medication'],
      ] as const
    ).map(([id, label]) => ({
      id,
      kind: 'boolean' as const,
      label,
      help: 'The fifth item, diabetes, is taken from the Diabetes answer above.',
      requiredForDecision: true,
    })),
    {
      id: 'health.mfi5Score',
      kind: 'computed',
      label: 'mFI-5 score',
      unit: 'points',
      formula:
        '1 point each: heart failure, diabetes, COPD/pneumonia, dependent status, treated hypertension',
      source: 'Subramaniam S et al., J Am Coll Surg 2018 (mFI-5)',
    },
    {
      id: 'health.mfi5Ratio',
      kind: 'computed',
      label: 'mFI-5 ratio',
      formula: 'score / 5',
      source: 'Subramaniam S et al., J Am Coll Surg 2018; Weaver DJ et al., World Neurosurg 2019',
      requiredForDecision: true,
    },
    ...OPIOID_AND_PSYCHOSOCIAL_FIELDS,
    { id: 'health.notes', kind: 'longText', label: 'Health notes', maxLength: 4000 },
  ],
};
