import type { EvaluationValues } from '../../../shared/evaluation/values.ts';

export const TODAY = '2025-06-15';

const odi = (scores: readonly number[]) => Object.fromEntries(scores.map((s, i) => [`prom.odi${i + 1}`, s]));
const ndi = (scores: readonly number[]) => Object.fromEntries(scores.map((s, i) => [`prom.ndi${i + 1}`, s]));

const intactMotor = Object.fromEntries(
  ['L2', 'L3', 'L4', 'L5', 'S1'].map((m) => [m, { left: '5', right: '5' }]),
);

/** A lumbar L4–S1 revision work-up with every field needed for "ready for conference". */
export function lumbarCase(overrides: EvaluationValues = {}): EvaluationValues {
  return {
    'history.levelsFused': ['L4-L5', 'L5-S1'],
    'history.indexSurgeryDate': '2021-03-01',
    'history.approach': ['tlif'],
    'history.indication': ['spondylolisthesis'],
    'history.implants': ['screwsRods', 'cagePeek'],
    'history.symptoms': ['axialPain', 'radicularPain'],
    'history.symptomsVsPreop': 'new',
    'history.course': 'recurred',
    'history.symptomOnsetDate': '2022-09-01',
    'history.workStatus': 'offWorkSpine',
    ...odi([3, 2, 3, 3, 2, 3, 2, 2, 3, 2]),
    'prom.nrsBack': 7,
    'prom.nrsLeg': 6,
    'exam.gait': ['antalgic'],
    'exam.motor': { ...intactMotor, L5: { left: '4', right: '5' } },
    'exam.umnSigns': ['none'],
    'imaging.fusionModality': ['ct', 'flexEx'],
    'imaging.levels': {
      'L4-L5': { bridwell: 'I', hardware: ['intact'] },
      'L5-S1': { bridwell: 'IV', hardware: ['screwLoosening'], translationMm: 1, angulationDeg: 2 },
      'L3-L4': { pfirrmann: 'III', schizas: 'B' },
    },
    'health.asa': '2',
    'health.anticoagulation': ['none'],
    'health.smoking': 'never',
    'health.diabetes': 'none',
    'health.heightCm': 175,
    'health.weightKg': 80,
    'health.mfiHeartFailure': false,
    'health.mfiCopd': false,
    'health.mfiDependent': false,
    'health.mfiHypertension': false,
    'health.opioids': false,
    'health.depression': 'none',
    'health.compensation': 'none',
    'health.litigation': 'none',
    'labs.date': '2025-06-01',
    'labs.crp': 4,
    'labs.esr': 12,
    'expectations.patientGoals': 'Walk the dog for an hour; back to work as a carpenter.',
    'expectations.preference': 'undecided',
    'secondOpinion.status': 'notRequested',
    ...overrides,
  };
}

/** A cervical C5–C7 case: NDI and neck/arm NRS instead of ODI and back/leg. */
export function cervicalCase(overrides: EvaluationValues = {}): EvaluationValues {
  const base: Record<string, unknown> = { ...lumbarCase() };
  for (const key of Object.keys(base)) {
    if (/^prom\.(odi\d+|nrsBack|nrsLeg)$/.test(key)) delete base[key];
  }
  return {
    ...(base as EvaluationValues),
    'history.levelsFused': ['C5-C6', 'C6-C7'],
    'history.approach': ['acdf'],
    'history.implants': ['cagePeek', 'anteriorPlate'],
    'imaging.levels': { 'C5-C6': { bridwell: 'II' }, 'C6-C7': { bridwell: 'III' } },
    ...ndi([2, 1, 2, 2, 1, 2, 3, 2, 1, 2]),
    'prom.nrsNeck': 6,
    'prom.nrsArm': 5,
    'exam.motor': Object.fromEntries(
      ['C5', 'C6', 'C7', 'C8', 'T1', 'L2', 'L3', 'L4', 'L5', 'S1'].map((m) => [m, { left: '5', right: '5' }]),
    ),
    ...overrides,
  };
}
