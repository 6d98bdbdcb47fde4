import type { CaseMeasurements, Measurement } from './measurement.ts';

/**
 * Which stored measurement fills which evaluation field: the one place the form and the
 * measurements meet. Scalar fields take a value key of the newest measurement of a tool; the
 * per-level grid takes flexion/extension motion. Halo widths stay with their screw in the measurements
 * panel, the SR and the report: the form's per-screw list is filled by hand from them. A second
 * opinion's measurements (merged from a reply) never fill the team's own form.
 */
const SCALAR_LINKS: readonly { fieldId: string; tool: Measurement['tool']; key: string }[] = [
  { fieldId: 'imaging.pi', tool: 'spinopelvic', key: 'PI' },
  { fieldId: 'imaging.pt', tool: 'spinopelvic', key: 'PT' },
  { fieldId: 'imaging.ss', tool: 'spinopelvic', key: 'SS' },
  { fieldId: 'imaging.ll', tool: 'spinopelvic', key: 'LL' },
  { fieldId: 'imaging.svaMm', tool: 'spinopelvic', key: 'SVA_mm' },
  { fieldId: 'imaging.tpa', tool: 'spinopelvic', key: 'TPA' },
  { fieldId: 'imaging.coronalBalanceMm', tool: 'coronalBalance', key: 'coronalBalance' },
];

export const LEVEL_GRID_FIELD = 'imaging.levels';

export interface MeasuredField {
  /** A top-level field id, or the level grid with its row and column. */
  fieldId: string;
  level: string | null;
  column: string | null;
  value: number;
  unit: string;
  /** The measurement (or the first of a pair) that gave it, to show its image. */
  measurementId: number;
  seriesId: number;
  instanceId: number;
  frame: number;
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

/** The form values the case's measurements give (only values in mm where the field wants mm). */
export function measuredFields(data: CaseMeasurements): MeasuredField[] {
  const out: MeasuredField[] = [];
  for (const link of SCALAR_LINKS) {
    const m = data.measurements.filter((x) => x.tool === link.tool && x.origin !== 'secondOpinion').at(-1);
    const v = m?.values.find((x) => x.key === link.key);
    if (!m || !v || typeof v.value !== 'number' || v.unit === 'px') continue;
    out.push({
      fieldId: link.fieldId,
      level: null,
      column: null,
      value: round1(v.value),
      unit: v.unit,
      measurementId: m.id,
      seriesId: m.seriesId,
      instanceId: m.instanceId,
      frame: m.frame,
    });
  }
  for (const mo of data.motions) {
    const m = data.measurements.find((x) => x.id === mo.measurementIds[1]);
    if (!m || m.origin === 'secondOpinion') continue;
    const at = {
      level: mo.level,
      measurementId: m.id,
      seriesId: m.seriesId,
      instanceId: m.instanceId,
      frame: m.frame,
    };
    if (mo.unit === 'mm')
      out.push({
        fieldId: LEVEL_GRID_FIELD,
        column: 'translationMm',
        value: round1(mo.translationMm),
        unit: 'mm',
        ...at,
      });
    out.push({
      fieldId: LEVEL_GRID_FIELD,
      column: 'angulationDeg',
      value: round1(mo.angleDeg),
      unit: '°',
      ...at,
    });
  }
  return out;
}
