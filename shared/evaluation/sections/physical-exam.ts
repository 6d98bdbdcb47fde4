import { MRC_GRADES, REFLEX_GRADES, SENSORY_GRADES, SLR_RESULTS } from '../options/exam-grades.ts';
import type { Condition, SectionDefinition, SideGridRow } from '../types.ts';
import { withNone } from './builders.ts';

/** Upper-limb rows only for cervical constructs; lower-limb rows always (myelopathy reaches the legs). */
const CERVICAL: Condition = { region: 'cervical' };

/** ISNCSCI key muscles (Kirshblum SC et al., J Spinal Cord Med 2011). */
const KEY_MUSCLES: readonly SideGridRow[] = [
  { id: 'C5', label: 'C5 elbow flexors', visibleWhen: CERVICAL },
  { id: 'C6', label: 'C6 wrist extensors', visibleWhen: CERVICAL },
  { id: 'C7', label: 'C7 elbow extensors', visibleWhen: CERVICAL },
  { id: 'C8', label: 'C8 finger flexors', visibleWhen: CERVICAL },
  { id: 'T1', label: 'T1 finger abductors', visibleWhen: CERVICAL },
  { id: 'L2', label: 'L2 hip flexors' },
  { id: 'L3', label: 'L3 knee extensors' },
  { id: 'L4', label: 'L4 ankle dorsiflexors' },
  { id: 'L5', label: 'L5 long toe extensors' },
  { id: 'S1', label: 'S1 ankle plantar flexors' },
];

const DERMATOMES: readonly SideGridRow[] = [
  ...['C5', 'C6', 'C7', 'C8', 'T1'].map((d) => ({ id: d, label: d, visibleWhen: CERVICAL })),
  ...['L2', 'L3', 'L4', 'L5', 'S1'].map((d) => ({ id: d, label: d })),
  { id: 'S3-S5', label: 'S3–S5 (saddle)' },
];

const REFLEXES: readonly SideGridRow[] = [
  { id: 'biceps', label: 'Biceps (C5)', visibleWhen: CERVICAL },
  { id: 'brachioradialis', label: 'Brachioradialis (C6)', visibleWhen: CERVICAL },
  { id: 'triceps', label: 'Triceps (C7)', visibleWhen: CERVICAL },
  { id: 'patellar', label: 'Patellar (L4)' },
  { id: 'achilles', label: 'Achilles (S1)' },
];

/** Gait, posture, motion, neurological examination, provocative tests. */
export const PHYSICAL_EXAM_SECTION: SectionDefinition = {
  id: 'exam',
  title: 'Physical examination',
  fields: [
    {
      id: 'exam.gait',
      kind: 'multiChoice',
      label: 'Gait',
      options: [
        { code: 'normal', label: 'Normal', exclusive: true },
        { code: 'antalgic', label: 'Antalgic' },
        { code: 'trendelenburg', label: 'Trendelenburg' },
        { code: 'ataxic', label: 'Wide-based / ataxic' },
        { code: 'stooped', label: 'Stooped / forward-leaning' },
        { code: 'aid', label: 'Uses a walking aid' },
      ],
      requiredForDecision: true,
    },
    {
      id: 'exam.posture',
      kind: 'multiChoice',
      label: 'Posture',
      options: [
        { code: 'normal', label: 'Normal', exclusive: true },
        { code: 'sagittalImbalance', label: 'Sagittal imbalance' },
        { code: 'flatback', label: 'Flatback' },
        { code: 'coronalShift', label: 'Coronal shift' },
      ],
    },
    {
      id: 'exam.flexionDeg',
      kind: 'decimal',
      label: 'Flexion range of motion',
      unit: '°',
      min: 0,
      max: 150,
      step: 5,
      range: 'plausible',
    },
    {
      id: 'exam.extensionDeg',
      kind: 'decimal',
      label: 'Extension range of motion',
      unit: '°',
      min: 0,
      max: 90,
      step: 5,
      range: 'plausible',
    },
    {
      id: 'exam.painOnMotion',
      kind: 'multiChoice',
      label: 'Pain on motion',
      options: withNone('No pain on motion', [
        ['flexion', 'Flexion'],
        ['extension', 'Extension'],
        ['rotation', 'Rotation'],
        ['lateralBending', 'Lateral bending'],
      ]),
    },
    {
      id: 'exam.motor',
      kind: 'sideGrid',
      label: 'Motor (MRC 0–5)',
      help: 'ASIA key muscles, left and right.',
      rows: KEY_MUSCLES,
      options: MRC_GRADES,
      requiredForDecision: true,
    },
    {
      id: 'exam.sensory',
      kind: 'sideGrid',
      label: 'Sensory by dermatome',
      help: '0 absent, 1 altered, 2 normal.',
      rows: DERMATOMES,
      options: SENSORY_GRADES,
    },
    {
      id: 'exam.reflexes',
      kind: 'sideGrid',
      label: 'Reflexes',
      rows: REFLEXES,
      options: REFLEX_GRADES,
    },
    {
      id: 'exam.slr',
      kind: 'sideGrid',
      label: 'Straight-leg raise',
      rows: [{ id: 'slr', label: 'Straight-leg raise' }],
      options: SLR_RESULTS,
    },
    {
      id: 'exam.umnSigns',
      kind: 'multiChoice',
      label: 'Upper-motor-neuron signs',
      options: withNone('None', [
        ['hoffmann', 'Hoffmann sign'],
        ['babinski', 'Babinski sign (upgoing plantar)'],
        ['clonus', 'Sustained ankle clonus'],
        ['hyperreflexia', 'Hyperreflexia'],
      ]),
      requiredForDecision: true,
    },
    {
      id: 'exam.femoralStretch',
      kind: 'sideGrid',
      label: 'Femoral stretch test',
      rows: [{ id: 'femoralStretch', label: 'Femoral stretch test' }],
      options: SLR_RESULTS,
    },
    {
      id: 'exam.perineal',
      kind: 'singleChoice',
      label: 'S2–S4 and perianal examination',
      help: 'Perianal sensation, anal tone and squeeze; reduced findings are a cauda equina red flag.',
      options: [
        { code: 'normal', label: 'Normal sensation, tone and squeeze' },
        { code: 'reducedSensation', label: 'Reduced perianal sensation' },
        { code: 'reducedTone', label: 'Reduced anal tone or squeeze' },
        { code: 'notExamined', label: 'Not examined' },
      ],
    },
    {
      id: 'exam.otherSources',
      kind: 'multiChoice',
      label: 'Other pain generators examined',
      help: 'Sacroiliac joint, hip and vascular causes mimic failed-fusion pain.',
      options: withNone('None found', [
        ['siJoint', 'Sacroiliac joint provocation positive (≥ 3 of 5 tests)'],
        ['hip', 'Hip pain on rotation / reduced hip motion'],
        ['vascular', 'Weak or absent foot pulses (vascular claudication)'],
        ['peripheralNerve', 'Peripheral neuropathy signs'],
      ]),
    },
    { id: 'exam.notes', kind: 'longText', label: 'Examination notes', maxLength: 4000 },
  ],
};
