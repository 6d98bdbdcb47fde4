import { LEVELS_FUSED_FIELD } from '../conditions.ts';
import type { NumberField, SectionDefinition } from '../types.ts';
import { options } from './builders.ts';
import { LEVEL_COLUMNS } from './imaging-levels.ts';

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

/** DOMAIN.md §6 (per level) and §7 (alignment). */
export const IMAGING_SECTION: SectionDefinition = {
  id: 'imaging',
  title: 'Imaging findings',
  fields: [
    { id: 'imaging.date', kind: 'date', label: 'Date of the most recent imaging', notInFuture: true },
    {
      id: 'imaging.fusionModality',
      kind: 'multiChoice',
      label: 'Fusion assessed on',
      help: 'Thin-slice CT with reformats is the preferred fusion test (DOMAIN.md §6).',
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
    angle('imaging.pi', 'Pelvic incidence (PI)', 20, 110, 'PI = PT + SS; typical 55 ± 10° (DOMAIN.md §7).'),
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
    {
      id: 'imaging.piMinusLl',
      kind: 'computed',
      label: 'PI–LL mismatch',
      unit: '°',
      formula: 'PI − LL',
      source: 'DOMAIN.md §7',
    },
    {
      id: 'imaging.schwabPiLl',
      kind: 'computed',
      label: 'SRS–Schwab PI–LL modifier',
      formula: '< 10° → 0, 10–20° → +, > 20° → ++',
      source: 'DOMAIN.md §7 (SRS–Schwab)',
    },
    {
      id: 'imaging.schwabPt',
      kind: 'computed',
      label: 'SRS–Schwab PT modifier',
      formula: '< 20° → 0, 20–30° → +, > 30° → ++',
      source: 'DOMAIN.md §7 (SRS–Schwab)',
    },
    {
      id: 'imaging.schwabSva',
      kind: 'computed',
      label: 'SRS–Schwab SVA modifier',
      formula: '< 4 cm → 0, 4–9.5 cm → +, > 9.5 cm → ++',
      source: 'DOMAIN.md §7 (SRS–Schwab)',
    },
    angle('imaging.coronalCobb', 'Coronal Cobb angle', 0, 150, 'Between the most tilted end vertebrae.'),
    {
      id: 'imaging.scoliosis',
      kind: 'computed',
      label: 'Scoliosis',
      formula: 'coronal Cobb ≥ 10°',
      source: 'DOMAIN.md §7',
    },
    { id: 'imaging.summary', kind: 'longText', label: 'Imaging summary', maxLength: 8000 },
  ],
};
