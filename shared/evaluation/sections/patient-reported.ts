import { NDI_ITEMS } from '../options/ndi-items.ts';
import { ODI_ITEMS } from '../options/odi-items.ts';
import type { Condition, NumberField, SectionDefinition } from '../types.ts';
import { questionnaireFields } from './builders.ts';

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

/** ODI for thoracolumbar, NDI for cervical constructs, NRS pain. */
export const PATIENT_REPORTED_SECTION: SectionDefinition = {
  id: 'prom',
  title: 'Patient-reported measures',
  description: 'Shown by region of the construct; both sets while the levels fused are not entered.',
  fields: [
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
    {
      id: 'prom.eq5dIndex',
      kind: 'decimal',
      label: 'EQ-5D index (optional)',
      help: 'Index value from the national value set; 1 = full health.',
      unit: '',
      min: -1,
      max: 1,
      step: 0.001,
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
