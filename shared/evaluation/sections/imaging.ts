import { LEVELS_FUSED_FIELD } from '../conditions.ts';
import type { NumberField, SectionDefinition } from '../types.ts';
import { options } from './builders.ts';
import { LEVEL_COLUMNS } from './imaging-levels.ts';
import { SCREW_FINDINGS_FIELD } from './imaging-screws.ts';

function angle(id: string, label: string, min: number, max: number, help?: string): NumberField {
  return {
    id,
    kind: 'decimal',
    label,
    unit: '°',
    min,
    max,
    step: 1,
    range: 'plausible',
    ...(help ? { help } : {}),
  };
}

export const IMAGING_GRID_FIELD = 'imaging.levels';

/** Per-level findings, screws and standing alignment. */
export const IMAGING_SECTION: SectionDefinition = {
  id: 'imaging',
  title: 'Imaging findings',
  fields: [
    { id: 'imaging.date', kind: 'date', label: 'Date of the most recent imaging', notInFuture: true },
    {
      id: 'imaging.fusionModality',
      kind: 'multiChoice',
      label: 'Fusion assessed on',
      help: 'Thin-slice CT with reformats is the preferred fusion test (Kaiser MG et al., J Neurosurg Spine 2014).',
      options: options([
        ['ct', 'Thin-slice CT with reformats'],
        ['flexEx', 'Flexion/extension radiographs'],
        ['radiographs', 'Standing radiographs'],
        ['mri', 'MRI'],
      ]),
      requiredForDecision: true,
    },
    {
      id: IMAGING_GRID_FIELD,
      kind: 'levelGrid',
      label: 'Findings per level',
      help: 'Rows: the fused levels plus two above and two below.',
      levelsField: LEVELS_FUSED_FIELD,
      margin: 2,
      requiredForDecision: true,
      columns: LEVEL_COLUMNS,
    },
    SCREW_FINDINGS_FIELD,
    angle(
      'imaging.pi',
      'Pelvic incidence (PI)',
      20,
      110,
      'PI = PT + SS (Legaye J et al., Eur Spine J 1998).',
    ),
    angle('imaging.pt', 'Pelvic tilt (PT)', -30, 70),
    angle('imaging.ss', 'Sacral slope (SS)', -10, 90),
    angle('imaging.ll', 'Lumbar lordosis (LL, L1–S1)', -60, 110, 'Lordosis positive.'),
    {
      id: 'imaging.svaMm',
      kind: 'decimal',
      label: 'Sagittal vertical axis (SVA)',
      help: 'C7 plumb line to the posterosuperior S1 corner; positive anterior. Needs calibrated mm.',
      unit: 'mm',
      min: -200,
      max: 400,
      step: 1,
      range: 'plausible',
    },
    angle('imaging.tpa', 'T1 pelvic angle (TPA)', -30, 90),
    angle(
      'imaging.l4s1Lordosis',
      'Segmental lordosis L4–S1',
      -30,
      70,
      'About two thirds of LL lies at L4–S1.',
    ),
    {
      id: 'imaging.coronalBalanceMm',
      kind: 'decimal',
      label: 'Coronal balance (C7 plumb line to central sacral vertical line)',
      help: 'Positive to the right. Needs calibrated mm.',
      unit: 'mm',
      min: -200,
      max: 200,
      step: 1,
      range: 'plausible',
    },
    {
      id: 'imaging.roussouly',
      kind: 'singleChoice',
      label: 'Roussouly type',
      help: 'Roussouly P et al., Spine 2005; 3AP = anteverted pelvis (Laouissat F et al., Eur Spine J 2018).',
      options: options([
        ['1', 'Type 1 — SS < 35°, long thoracolumbar kyphosis, short lordosis'],
        ['2', 'Type 2 — SS < 35°, flat back'],
        ['3', 'Type 3 — SS 35–45°, balanced'],
        ['3AP', 'Type 3 with anteverted pelvis (PI < 50°)'],
        ['4', 'Type 4 — SS > 45°, long pronounced lordosis'],
      ]),
    },
    {
      id: 'imaging.piMinusLl',
      kind: 'computed',
      label: 'PI–LL mismatch',
      unit: '°',
      formula: 'PI − LL',
      source: 'Schwab F et al., Spine 2012',
    },
    {
      id: 'imaging.schwabPiLl',
      kind: 'computed',
      label: 'SRS–Schwab PI–LL modifier',
      formula: '< 10° → 0, 10–20° → +, > 20° → ++',
      source: 'Schwab F et al., Spine 2012 (SRS–Schwab classification)',
    },
    {
      id: 'imaging.schwabPt',
      kind: 'computed',
      label: 'SRS–Schwab PT modifier',
      formula: '< 20° → 0, 20–30° → +, > 30° → ++',
      source: 'Schwab F et al., Spine 2012 (SRS–Schwab classification)',
    },
    {
      id: 'imaging.schwabSva',
      kind: 'computed',
      label: 'SRS–Schwab SVA modifier',
      formula: '< 4 cm → 0, 4–9.5 cm → +, > 9.5 cm → ++',
      source: 'Schwab F et al., Spine 2012 (SRS–Schwab classification)',
    },
    angle('imaging.coronalCobb', 'Coronal Cobb angle', 0, 150, 'Between the most tilted end vertebrae.'),
    {
      id: 'imaging.scoliosis',
      kind: 'computed',
      label: 'Scoliosis',
      formula: 'coronal Cobb ≥ 10°',
      source: 'Scoliosis Research Society definition (Cobb JR, Instr Course Lect 1948)',
    },
    { id: 'imaging.summary', kind: 'longText', label: 'Imaging summary', maxLength: 8000 },
  ],
};
