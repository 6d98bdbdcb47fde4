import { EQ5D_DIMENSIONS, EQ5D_SOURCE, eq5dFieldId, eq5dLevels } from '../options/eq5d-items.ts';
import { NDI_ITEMS } from '../options/ndi-items.ts';
import { ODI_ITEMS } from '../options/odi-items.ts';
import type { Condition, FieldDefinition, NumberField, SectionDefinition } from '../types.ts';
import { options, questionnaireFields } from './builders.ts';

const THORACOLUMBAR: Condition = { region: 'thoracolumbar' };
const CERVICAL: Condition = { region: 'cervical' };

export const ODI_ITEM_IDS = ODI_ITEMS.map((_, i) => `prom.odi${i + 1}`);
export const NDI_ITEM_IDS = NDI_ITEMS.map((_, i) => `prom.ndi${i + 1}`);

function nrs(id: string, label: string, visibleWhen: Condition): NumberField {
  return {
    id,
    kind: 'integer',
    label,
    help: '0 = no pain, 10 = worst imaginable (numeric rating scale; Farrar JT et al., Pain 2001).',
    unit: '',
    min: 0,
    max: 10,
    step: 1,
    range: 'scale',
    visibleWhen,
    requiredForDecision: true,
  };
}

/** When the questionnaires were answered: registries pair every PROM with its date and time point. */
const WHEN_FIELDS: readonly FieldDefinition[] = [
  { id: 'prom.date', kind: 'date', label: 'Date the questionnaires were completed', notInFuture: true },
  {
    id: 'prom.timePoint',
    kind: 'singleChoice',
    label: 'PROM time point',
    help: 'Pre-operative: the baseline before the surgery now being considered. Follow-up: time since the last spine operation.',
    options: options([
      ['preop', 'Pre-operative baseline'],
      ['3m', '3-month follow-up'],
      ['6m', '6-month follow-up'],
      ['12m', '12-month follow-up'],
      ['24m', '24-month follow-up'],
      ['60m', '5-year follow-up'],
      ['other', 'Other follow-up'],
    ]),
  },
];

/** EQ-5D-5L: the five dimensions (levels 1–5) and the EQ-VAS; the index comes from a national value set. */
const EQ5D_FIELDS: readonly FieldDefinition[] = [
  ...EQ5D_DIMENSIONS.map((d): FieldDefinition => ({
    id: eq5dFieldId(d),
    kind: 'score',
    label: `EQ-5D-5L ${d.title} (1–5)`,
    help: `1 = no problems … 5 = ${d.worst.toLowerCase()} (${EQ5D_SOURCE}).`,
    options: eq5dLevels(d),
  })),
  {
    id: 'prom.eq5dVas',
    kind: 'integer',
    label: 'EQ-VAS (0–100)',
    help: `Own health today: 0 = worst, 100 = best imaginable (${EQ5D_SOURCE}).`,
    unit: '',
    min: 0,
    max: 100,
    step: 1,
    range: 'scale',
  },
];

/** ODI for thoracolumbar, NDI for cervical constructs, NRS pain, EQ-5D-5L and COMI. */
export const PATIENT_REPORTED_SECTION: SectionDefinition = {
  id: 'prom',
  title: 'Patient-reported measures',
  description: 'Shown by region of the construct; both sets while the levels fused are not entered.',
  fields: [
    ...WHEN_FIELDS,
    ...questionnaireFields('prom.odi', 'ODI', ODI_ITEMS, THORACOLUMBAR),
    {
      id: 'prom.odiPercent',
      kind: 'computed',
      label: 'ODI',
      unit: '%',
      formula: 'sum of answered sections / (5 × sections answered) × 100',
      source: 'Fairbank JC, Pynsent PB, Spine 2000 (ODI)',
      visibleWhen: THORACOLUMBAR,
      requiredForDecision: true,
    },
    {
      id: 'prom.odiBand',
      kind: 'computed',
      label: 'ODI band',
      formula: '0–20 minimal, 21–40 moderate, 41–60 severe, 61–80 crippled, 81–100 bed-bound',
      source: 'Fairbank JC, Pynsent PB, Spine 2000 (ODI)',
      visibleWhen: THORACOLUMBAR,
    },
    ...questionnaireFields('prom.ndi', 'NDI', NDI_ITEMS, CERVICAL),
    {
      id: 'prom.ndiRaw',
      kind: 'computed',
      label: 'NDI raw score',
      unit: 'points',
      formula: 'sum of the 10 items (prorated × 10 / answered when items are missing)',
      source: 'Vernon H, Mior S, J Manipulative Physiol Ther 1991 (NDI)',
      visibleWhen: CERVICAL,
      requiredForDecision: true,
    },
    {
      id: 'prom.ndiPercent',
      kind: 'computed',
      label: 'NDI',
      unit: '%',
      formula: 'sum / (5 × items answered) × 100 (= raw × 2)',
      source: 'Vernon H, Mior S, J Manipulative Physiol Ther 1991 (NDI)',
      visibleWhen: CERVICAL,
    },
    {
      id: 'prom.ndiBand',
      kind: 'computed',
      label: 'NDI band',
      formula: 'raw 0–4 none, 5–14 mild, 15–24 moderate, 25–34 severe, > 34 complete',
      source: 'Vernon H, Mior S, JMPT 1991; Vernon H, JMPT 2008 (bands; minimal important change 5 points)',
      visibleWhen: CERVICAL,
    },
    nrs('prom.nrsBack', 'Back pain (NRS 0–10)', THORACOLUMBAR),
    nrs('prom.nrsLeg', 'Leg pain (NRS 0–10)', THORACOLUMBAR),
    nrs('prom.nrsNeck', 'Neck pain (NRS 0–10)', CERVICAL),
    nrs('prom.nrsArm', 'Arm pain (NRS 0–10)', CERVICAL),
    ...EQ5D_FIELDS,
    {
      id: 'prom.eq5dIndex',
      kind: 'decimal',
      label: 'EQ-5D index (optional)',
      help: 'Index value of the five answers from the national value set; 1 = full health.',
      unit: '',
      min: -1,
      max: 1,
      step: 0.001,
      range: 'scale',
    },
    {
      id: 'prom.comi',
      kind: 'decimal',
      label: 'COMI score 0–10 (optional)',
      help: 'Core Outcome Measures Index (back or neck version), scored 0 = best … 10 = worst health (Mannion AF et al., Eur Spine J 2005; Mannion AF et al., Eur Spine J 2009).',
      unit: '',
      min: 0,
      max: 10,
      step: 0.1,
      range: 'scale',
    },
    {
      id: 'prom.mjoa',
      kind: 'integer',
      label: 'mJOA 0–18 (optional)',
      unit: '',
      min: 0,
      max: 18,
      step: 1,
      range: 'scale',
      visibleWhen: CERVICAL,
    },
  ],
};
