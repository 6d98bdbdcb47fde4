import type { EvaluationValues } from '../../../shared/evaluation/values.ts';
import type { PhantomGroundTruth } from '../../../shared/phantom/ground-truth.ts';

const PFIRRMANN = ['I', 'II', 'III', 'IV', 'V'] as const;

/**
 * The demo case's work-up: a realistic late-failure story (recurrent leg pain 18 months after an
 * L4–S1 PLIF) whose imaging findings are the phantom's planted truth, so the grid agrees with the images.
 */
export function demoEvaluationValues(truth: PhantomGroundTruth): EvaluationValues {
  const levels: Record<string, Record<string, unknown>> = {};
  for (const level of truth.levels) {
    const row: Record<string, unknown> = {};
    if (level.bridwell) row.bridwell = level.bridwell;
    if (level.cageFusion) row.bsf = level.cageFusion;
    if (level.pfirrmann) row.pfirrmann = PFIRRMANN[level.pfirrmann - 1];
    if (level.schizas !== 'A' || level.pfirrmann) row.schizas = level.schizas;
    if (level.operated) row.hardware = level.level === 'L5-S1' ? ['screwLoosening'] : ['intact'];
    if (level.posterolateralFusion) row.lenke = level.posterolateralFusion === 'bridging' ? 'A' : 'D';
    if (level.operated) row.fusionOn = 'ct';
    if (level.flexExtTranslationMm > 0.5 || level.flexExtAngleDeg > 1) {
      row.translationMm = Math.round(level.flexExtTranslationMm * 10) / 10;
      row.angulationDeg = Math.round(level.flexExtAngleDeg * 10) / 10;
    }
    if (level.osteophytes) row.adjacentFindings = ['facetArthropathy'];
    row.notes = level.note;
    levels[level.level] = row;
  }
  const a = truth.alignment;
  return {
    'history.levelsFused': ['L4-L5', 'L5-S1'],
    'history.indexSurgeryDate': '2023-05-09',
    'history.surgeon': 'DEMO^SURGEON (synthetic)',
    'history.hospital': 'Demo Hospital (synthetic)',
    'history.approach': ['plif'],
    'history.indication': ['spondylolisthesis', 'stenosis'],
    'history.previousOperations': 1,
    'history.indexComplications': ['none'],
    'history.constitutional': ['none'],
    'history.implants': ['screwsRods', 'cagePeek'],
    'history.graft': ['localAutograft', 'allograft'],
    'history.symptoms': ['axialPain', 'radicularPain', 'claudication'],
    'history.symptomsVsPreop': 'new',
    'history.course': 'recurred',
    'history.symptomOnsetDate': '2024-11-15',
    'history.functionalGoals': ['returnToWork', 'dailyLiving'],
    'history.goalsNotes': 'Back to part-time work at the bakery; walk 30 minutes without stopping.',
    'history.workStatus': 'offWorkSpine',
    'history.education': 'upperSecondary',
    'prom.date': '2026-03-12',
    'prom.timePoint': 'preop',
    'prom.odi1': 3,
    'prom.odi2': 2,
    'prom.odi3': 3,
    'prom.odi4': 3,
    'prom.odi5': 2,
    'prom.odi6': 3,
    'prom.odi7': 3,
    'prom.odi8': 2,
    'prom.odi9': 3,
    'prom.odi10': 2,
    'prom.nrsBack': 6,
    'prom.nrsLeg': 7,
    'prom.eq5dMobility': 3,
    'prom.eq5dSelfCare': 1,
    'prom.eq5dUsualActivities': 3,
    'prom.eq5dPainDiscomfort': 4,
    'prom.eq5dAnxietyDepression': 2,
    'prom.eq5dVas': 45,
    'exam.gait': ['antalgic', 'stooped'],
    'exam.posture': ['sagittalImbalance', 'flatback'],
    'exam.flexionDeg': 40,
    'exam.extensionDeg': 5,
    'exam.painOnMotion': ['extension'],
    // No focal deficit: the phantom has no root compression that would explain one; the leg
    // symptoms are neurogenic claudication from the L3–L4 central stenosis.
    'exam.motor': {
      L2: { left: '5', right: '5' },
      L3: { left: '5', right: '5' },
      L4: { left: '5', right: '5' },
      L5: { left: '5', right: '5' },
      S1: { left: '5', right: '5' },
    },
    'exam.sensory': {
      L5: { left: '2', right: '2' },
      S1: { left: '2', right: '2' },
      'S3-S5': { left: '2', right: '2' },
    },
    'exam.reflexes': { patellar: { left: '2+', right: '2+' }, achilles: { left: '2+', right: '2+' } },
    'exam.slr': { slr: { left: 'negative', right: 'negative' } },
    'exam.umnSigns': ['none'],
    'imaging.date': '2026-03-17',
    'imaging.fusionModality': ['ct', 'flexEx', 'radiographs', 'mri'],
    'imaging.levels': levels,
    'imaging.screws': [
      {
        id: 'demo-screw-1',
        values: {
          vertebra: truth.looseScrew.vertebra,
          side: truth.looseScrew.side,
          haloMm: truth.looseScrew.haloWidthMm,
          breach: 'none',
          fracture: false,
          pullOut: false,
        },
      },
    ],
    'imaging.pi': a.pelvicIncidenceDeg,
    'imaging.pt': a.pelvicTiltDeg,
    'imaging.ss': a.sacralSlopeDeg,
    'imaging.ll': a.lumbarLordosisDeg,
    'imaging.svaMm': a.svaMm,
    'imaging.summary':
      `Left S1 screw loose (lucent halo ${truth.looseScrew.haloWidthMm} mm). L5–S1 pseudarthrosis: cleft through graft and cages, ` +
      'non-bridging posterolateral masses (Lenke D). L4–L5 solidly fused (Lenke A). L3–L4 degenerated (Pfirrmann IV, osteophytes, Schizas B) ' +
      `and unstable on flexion/extension (${truth.motion.translationMm} mm translation, ${truth.motion.angleDeg}°).`,
    'health.asa': '2',
    'health.cardiovascular': ['hypertension'],
    'health.anticoagulation': ['none'],
    'health.smoking': 'current',
    'health.cigarettesPerDay': 15,
    'health.yearsSmoked': 30,
    'health.nicotineProducts': ['cigarettes'],
    'health.cotinine': 'positive',
    'health.diabetes': 'type2',
    'health.hba1c': 7.4,
    'health.hba1cUnit': '%',
    'health.heightCm': 164,
    'health.heightUnit': 'cm',
    'health.weightKg': 72,
    'health.weightUnit': 'kg',
    'health.charlson': 1,
    'health.mfiHeartFailure': false,
    'health.mfiCopd': false,
    'health.mfiDependent': false,
    'health.mfiHypertension': true,
    'health.opioids': true,
    'health.opioidAgent': 'tramadol',
    'health.opioidDoseMg': 50,
    'health.opioidDosesPerDay': 3,
    'health.opioidDays': 150,
    'health.depression': 'none',
    'health.compensation': 'none',
    'health.litigation': 'none',
    'labs.date': '2026-03-12',
    'labs.wbc': 7.1,
    'labs.hb': 13.2,
    'labs.hbUnit': 'g/dL',
    'labs.platelets': 260,
    'labs.creatinine': 0.8,
    'labs.creatinineUnit': 'mg/dL',
    'labs.glucose': 132,
    'labs.glucoseUnit': 'mg/dL',
    'labs.albumin': 3.9,
    'labs.albuminUnit': 'g/dL',
    'labs.crp': 3,
    'labs.crpUnit': 'mg/L',
    'labs.esr': 14,
    'labs.vitaminD': 18,
    'labs.vitaminDUnit': 'ng/mL',
    'labs.dexaSites': ['totalHip', 'femoralNeck'],
    'labs.tScore': -1.8,
    // What a user measures on the demo CT (ROI in each body); L4 carries screws and is left out.
    'labs.ctHuL1': truth.boneDensity.huByVertebra.L1,
    'labs.ctHuL2': truth.boneDensity.huByVertebra.L2,
    'labs.ctHuL3': truth.boneDensity.huByVertebra.L3,
    'labs.ctHuL4': truth.boneDensity.huByVertebra.L4,
    'labs.ctHuL4Instrumented': true,
    'labs.contrastMri': 'notDone',
    'labs.cultureResult': 'notDone',
    'labs.sonication': 'notDone',
    'expectations.benefitsDiscussed': ['painReduction', 'stability'],
    'expectations.risksDiscussed': [
      'infection',
      'nerveInjury',
      'duralTear',
      'nonUnion',
      'adjacentSegment',
      'prolongedRecovery',
    ],
    'expectations.patientGoals':
      'Less leg pain so she can stand at work; would accept surgery if the chance of improvement is good.',
    'expectations.preference': 'undecided',
    'alternatives.treatments': [
      {
        id: 'demo-pt',
        values: { treatment: 'physicalTherapy', status: 'tried', durationWeeks: 12, effect: 'none' },
      },
      {
        id: 'demo-esi',
        values: { treatment: 'epiduralInjection', status: 'tried', durationWeeks: 6, effect: 'partial' },
      },
      {
        id: 'demo-med',
        values: { treatment: 'medication', status: 'ongoing', durationWeeks: 40, effect: 'partial' },
      },
    ],
    'secondOpinion.status': 'notRequested',
  };
}
