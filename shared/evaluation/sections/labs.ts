import type { FieldDefinition, NumberField, SectionDefinition } from '../types.ts';
import { withUnitChoice } from './builders.ts';
import { BONE_DENSITY_FIELDS } from './labs-bone.ts';
import { INFECTION_WORKUP_FIELDS } from './labs-infection.ts';

export function lab(
  id: string,
  label: string,
  unit: string,
  min: number,
  max: number,
  step: number,
  extra: Partial<Pick<NumberField, 'help' | 'requiredForDecision' | 'kind' | 'visibleWhen'>> = {},
): NumberField {
  return { id, kind: 'decimal', label, unit, min, max, step, range: 'plausible', ...extra };
}

/**
 * Blood tests, bone density and the infection work-up. Ranges are in the canonical (first) unit;
 * labs reported in more than one unit carry a unit choice (units.ts).
 */
const BLOOD_FIELDS: readonly FieldDefinition[] = [
  {
    id: 'labs.date',
    kind: 'date',
    label: 'Date of blood tests',
    help: 'Needed to tell a raised CRP from the expected early post-operative rise.',
    notInFuture: true,
    requiredForDecision: true,
  },
  lab('labs.wbc', 'White cell count (WBC)', '×10⁹/L', 0.5, 100, 0.1),
  ...withUnitChoice(lab('labs.hb', 'Haemoglobin', 'g/dL', 3, 25, 0.1)),
  lab('labs.platelets', 'Platelets', '×10⁹/L', 5, 2000, 1, { kind: 'integer' }),
  ...withUnitChoice(lab('labs.creatinine', 'Creatinine', 'mg/dL', 0.1, 20, 0.01)),
  ...withUnitChoice(lab('labs.glucose', 'Glucose', 'mg/dL', 20, 1000, 1)),
  ...withUnitChoice(lab('labs.albumin', 'Albumin', 'g/dL', 1, 6, 0.1)),
  ...withUnitChoice(
    lab('labs.crp', 'C-reactive protein (CRP)', 'mg/L', 0, 500, 0.1, {
      help: 'Normal < 10 mg/L. After surgery CRP peaks on day 2–3 and falls by 2 weeks; a second rise or a failure to fall is the signal (Mok et al., Spine 2008).',
      requiredForDecision: true,
    }),
  ),
  ...withUnitChoice(
    lab('labs.crpPrevious', 'Previous CRP', 'mg/L', 0, 500, 0.1, {
      help: 'An earlier value after the index surgery, to see the course (falling, stalled or rising again).',
    }),
  ),
  { id: 'labs.crpPreviousDate', kind: 'date', label: 'Date of the previous CRP', notInFuture: true },
  lab('labs.esr', 'ESR', 'mm/h', 0, 150, 1, {
    kind: 'integer',
    help: 'May stay raised for weeks after surgery (Thelander and Larsson, Spine 1992).',
    requiredForDecision: true,
  }),
  ...withUnitChoice(lab('labs.vitaminD', '25-OH vitamin D', 'ng/mL', 2, 150, 0.1)),
  {
    id: 'labs.vitaminDClass',
    kind: 'computed',
    label: 'Vitamin D status',
    formula: '< 20 ng/mL (< 50 nmol/L) deficient, 20–29 insufficient, ≥ 30 sufficient',
    source: 'Holick MF et al., J Clin Endocrinol Metab 2011 (Endocrine Society guideline)',
  },
];

export const LABS_SECTION: SectionDefinition = {
  id: 'labs',
  title: 'Labs, bone density and infection work-up',
  fields: [...BLOOD_FIELDS, ...BONE_DENSITY_FIELDS, ...INFECTION_WORKUP_FIELDS],
};
