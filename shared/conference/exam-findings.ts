import type { SideGridField } from '../evaluation/index.ts';
import { fieldById, isPlainObject } from '../evaluation/index.ts';
import { createReader } from '../evaluation/reader.ts';
import type { EvaluationValues } from '../evaluation/index.ts';
import { displayValue, isScalarField } from '../evaluation-export/display.ts';

type Cell = { left?: unknown; right?: unknown };

function sideGrid(id: string): SideGridField {
  const field = fieldById(id);
  if (field.kind !== 'sideGrid') throw new Error(`${id} is not a side grid`);
  return field;
}

/** "L5 long toe extensors left 4" for each cell the test finds abnormal. */
function abnormalCells(values: EvaluationValues, id: string, abnormal: (code: string) => boolean): string[] {
  const field = sideGrid(id);
  const grid = isPlainObject(values[id]) ? (values[id] as Record<string, Cell | undefined>) : {};
  return field.rows.flatMap((row) =>
    (['left', 'right'] as const).flatMap((side) => {
      const code = grid[row.id]?.[side];
      return typeof code === 'string' && abnormal(code) ? [`${row.label} ${side} ${code}`] : [];
    }),
  );
}

/**
 * The examination findings the team needs on a slide: weakness (MRC below 5), altered or absent
 * sensation, a positive straight-leg raise, upper-motor-neuron signs, gait and posture.
 */
export function examFindings(values: EvaluationValues, today: string): string[] {
  const r = createReader(values, today);
  const weak = abnormalCells(values, 'exam.motor', (c) => /^[0-4]$/.test(c));
  const sensory = abnormalCells(values, 'exam.sensory', (c) => c === '0' || c === '1');
  const slr = abnormalCells(values, 'exam.slr', (c) => c === 'positive');
  const umn = (r.codes('exam.umnSigns') ?? []).filter((c) => c !== 'none');
  const listed = (id: string): string => {
    const field = fieldById(id);
    return isScalarField(field) ? displayValue(field, values[id]) : '';
  };
  return [
    ...(weak.length ? [`Weakness (MRC): ${weak.join(', ')}`] : []),
    ...(sensory.length ? [`Sensation (0 absent, 1 altered): ${sensory.join(', ')}`] : []),
    ...(slr.length
      ? ['Straight-leg raise positive ' + slr.map((s) => s.split(' ').at(-2)).join(' and ')]
      : []),
    ...(umn.length ? [`Upper-motor-neuron signs: ${listed('exam.umnSigns')}`] : []),
    ...(listed('exam.gait') ? [`Gait: ${listed('exam.gait')}`] : []),
    ...(listed('exam.posture') ? [`Posture: ${listed('exam.posture')}`] : []),
  ];
}
