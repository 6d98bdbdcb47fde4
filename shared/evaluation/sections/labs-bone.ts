import type { FieldDefinition } from '../types.ts';
import { options, withNone, withUnitChoice } from './builders.ts';

export const HU_VERTEBRAE = ['L1', 'L2', 'L3', 'L4'] as const;
export const CT_HU_FIELDS = HU_VERTEBRAE.map((v) => `labs.ctHu${v}`);
export const ctHuInstrumentedField = (vertebra: string) => `labs.ctHu${vertebra}Instrumented`;

const ISCD =
  'Exclude vertebrae with instrumentation, fusion or other structural change; use the hip or the one-third radius when fewer than two lumbar vertebrae can be evaluated (ISCD Official Positions; Shuhart CR et al., J Clin Densitom 2019).';

/** DEXA and CT attenuation (trabecular HU of the vertebral body, Schreiber JJ et al., JBJS Am 2011). */
export const BONE_DENSITY_FIELDS: readonly FieldDefinition[] = [
  {
    id: 'labs.dexaSites',
    kind: 'multiChoice',
    label: 'DEXA sites measured',
    help: ISCD,
    options: options([
      ['lumbarUninstrumented', 'Lumbar spine, instrumented/fused levels excluded'],
      ['lumbarIncludingInstrumented', 'Lumbar spine including instrumented/fused levels'],
      ['totalHip', 'Total hip'],
      ['femoralNeck', 'Femoral neck'],
      ['radius33', 'One-third (33 %) radius'],
    ]),
  },
  {
    id: 'labs.tScore',
    kind: 'decimal',
    label: 'DEXA T-score (lowest valid site)',
    help: ISCD,
    unit: '',
    min: -7,
    max: 5,
    step: 0.1,
    range: 'plausible',
  },
  {
    id: 'labs.zScore',
    kind: 'decimal',
    label: 'DEXA Z-score (lowest valid site)',
    unit: '',
    min: -7,
    max: 5,
    step: 0.1,
    range: 'plausible',
  },
  {
    id: 'labs.zScoreApplies',
    kind: 'boolean',
    label: 'Premenopausal woman or man under 50',
    help: 'The Z-score (≤ −2.0 below the expected range for age) is interpreted instead of the T-score.',
  },
  { id: 'labs.fragilityFracture', kind: 'boolean', label: 'Fragility fracture' },
  {
    id: 'labs.osteoporosisTreatment',
    kind: 'multiChoice',
    label: 'Osteoporosis treatment',
    options: withNone('None', [
      ['teriparatide', 'Anabolic: teriparatide or abaloparatide'],
      ['romosozumab', 'Anabolic: romosozumab'],
      ['bisphosphonate', 'Antiresorptive: bisphosphonate'],
      ['denosumab', 'Antiresorptive: denosumab'],
      ['calciumVitaminD', 'Calcium and vitamin D'],
    ]),
  },
  ...withUnitChoice({
    id: 'labs.pth',
    kind: 'decimal',
    label: 'Parathyroid hormone (PTH)',
    unit: 'pg/mL',
    min: 1,
    max: 2000,
    step: 0.1,
    range: 'plausible',
  }),
  ...withUnitChoice({
    id: 'labs.calcium',
    kind: 'decimal',
    label: 'Calcium (serum)',
    unit: 'mg/dL',
    min: 4,
    max: 16,
    step: 0.1,
    range: 'plausible',
  }),
  {
    id: 'labs.boneDensityClass',
    kind: 'computed',
    label: 'Bone density',
    formula:
      'T ≥ −1.0 normal; −1.0 to −2.5 osteopenia; ≤ −2.5 osteoporosis (+ fragility fracture = severe); Z ≤ −2.0 below expected range for age',
    source:
      'WHO Technical Report Series 843, 1994 (Kanis JA); ISCD Official Positions (Shuhart CR et al., J Clin Densitom 2019)',
  },
  ...HU_VERTEBRAE.flatMap((v): FieldDefinition[] => [
    {
      id: `labs.ctHu${v}`,
      kind: 'integer',
      label: `CT attenuation ${v}`,
      help: 'Mean HU of an oval ROI in trabecular bone of the vertebral body (mid-axial slice), avoiding cortex and screws.',
      unit: 'HU',
      min: -100,
      max: 1000,
      step: 1,
      range: 'plausible',
    },
    {
      id: ctHuInstrumentedField(v),
      kind: 'boolean',
      label: `${v} instrumented (screw, cement or fused)`,
      help: 'Instrumented vertebrae read falsely high and are left out of the mean.',
    },
  ]),
  {
    id: 'labs.ctHuMean',
    kind: 'computed',
    label: 'Mean CT attenuation, non-instrumented L1–L4',
    unit: 'HU',
    formula:
      'mean of the L1–L4 values entered, leaving out instrumented vertebrae (the vertebrae used are named)',
    source: 'Schreiber JJ et al., J Bone Joint Surg Am 2011; Pickhardt PJ et al., Ann Intern Med 2013',
  },
];
