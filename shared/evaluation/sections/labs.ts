import type { NumberField, SectionDefinition } from '../types.ts';

function lab(
  id: string,
  label: string,
  unit: string,
  min: number,
  max: number,
  step: number,
  extra: Partial<Pick<NumberField, 'help' | 'requiredForDecision' | 'kind'>> = {},
): NumberField {
  return { id, kind: 'decimal', label, unit, min, max, step, range: 'plausible', ...extra };
}

const LUMBAR_HU = ['L1', 'L2', 'L3', 'L4'];
export const CT_HU_FIELDS = LUMBAR_HU.map((v) => `labs.ctHu${v}`);

/** DOMAIN.md §5. Conventional US units, as DOMAIN.md gives albumin in g/dL. */
export const LABS_SECTION: SectionDefinition = {
  id: 'labs',
  title: 'Labs and bone density',
  fields: [
    {
      id: 'labs.date',
      kind: 'date',
      label: 'Date of blood tests',
      help: 'Needed to tell a raised CRP from the expected early post-operative rise.',
      notInFuture: true,
      requiredForDecision: true,
    },
    lab('labs.wbc', 'White cell count (WBC)', '×10⁹/L', 0.5, 100, 0.1),
    lab('labs.hb', 'Haemoglobin', 'g/dL', 3, 25, 0.1),
    lab('labs.platelets', 'Platelets', '×10⁹/L', 5, 2000, 1, { kind: 'integer' }),
    lab('labs.creatinine', 'Creatinine', 'mg/dL', 0.1, 20, 0.01),
    lab('labs.glucose', 'Glucose', 'mg/dL', 20, 1000, 1),
    lab('labs.albumin', 'Albumin', 'g/dL', 1, 6, 0.1),
    lab('labs.crp', 'C-reactive protein (CRP)', 'mg/L', 0, 500, 0.1, {
      help: 'Normal < 10 mg/L; peaks day 2–3 after surgery and halves every ~2.6 days (DOMAIN.md §1, §5).',
      requiredForDecision: true,
    }),
    lab('labs.esr', 'ESR', 'mm/h', 0, 150, 1, {
      kind: 'integer',
      help: 'May stay raised 6 weeks after surgery (DOMAIN.md §5).',
      requiredForDecision: true,
    }),
    lab('labs.vitaminD', '25-OH vitamin D', 'ng/mL', 2, 150, 0.1),
    {
      id: 'labs.vitaminDClass',
      kind: 'computed',
      label: 'Vitamin D status',
      formula: '< 20 ng/mL deficient, < 30 insufficient, ≥ 30 sufficient',
      source: 'DOMAIN.md §5',
    },
    lab('labs.tScore', 'DEXA T-score (lowest site)', '', -7, 5, 0.1),
    lab('labs.zScore', 'DEXA Z-score (lowest site)', '', -7, 5, 0.1),
    {
      id: 'labs.zScoreApplies',
      kind: 'boolean',
      label: 'Premenopausal woman or man under 50',
      help: 'The Z-score (≤ −2.0 below the expected range for age) is interpreted instead of the T-score.',
    },
    { id: 'labs.fragilityFracture', kind: 'boolean', label: 'Fragility fracture' },
    {
      id: 'labs.boneDensityClass',
      kind: 'computed',
      label: 'Bone density',
      formula:
        'T ≥ −1.0 normal; −1.0 to −2.5 osteopenia; ≤ −2.5 osteoporosis (+ fragility fracture = severe); Z ≤ −2.0 below expected range for age',
      source: 'DOMAIN.md §5',
    },
    ...LUMBAR_HU.map((v) =>
      lab(`labs.ctHu${v}`, `CT attenuation ${v}`, 'HU', -100, 1000, 1, { kind: 'integer' }),
    ),
    {
      id: 'labs.ctHuMean',
      kind: 'computed',
      label: 'Mean CT attenuation L1–L4',
      unit: 'HU',
      formula: 'mean of the L1–L4 values entered',
      source: 'DOMAIN.md §5 (CT Hounsfield units as a bone-quality measure)',
    },
  ],
};
