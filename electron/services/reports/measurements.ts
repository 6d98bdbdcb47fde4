import { listCaseMeasurements } from '../../../db/measurements.ts';
import type { Measurement } from '../../../shared/measurements/measurement.ts';
import type { MeasuredValue } from '../../../shared/measurements/types.ts';
import { fieldById } from '../../../shared/evaluation/index.ts';
import { createReader } from '../../../shared/evaluation/reader.ts';
import { formatQuantity } from '../../../shared/evaluation/format.ts';
import type { ReportContext } from './report-context.ts';
import { evaluationValues, reportToday } from './report-context.ts';

/** One measured value as a report lists it. */
export interface ReportMeasurement {
  label: string;
  value: string;
  /** Where it was measured (a key image caption, a series), when known. */
  source: string;
}

/** Spinopelvic parameters the form holds as numbers. */
const ALIGNMENT_FIELDS = [
  'imaging.pi',
  'imaging.pt',
  'imaging.ss',
  'imaging.ll',
  'imaging.svaMm',
  'imaging.coronalCobb',
];

const formatValue = (v: MeasuredValue): string =>
  typeof v.value === 'number' ? `${Math.round(v.value * 10) / 10} ${v.unit}`.trim() : v.value;

/** Where a stored measurement was made, in the words of the report. */
function measuredOn(m: Measurement): string {
  const image = [m.modality, m.seriesDescription].filter(Boolean).join(' ') || `Series ${m.seriesId}`;
  return m.level ? `${m.level}, ${image}` : image;
}

/**
 * The case's measurements for the case report and the readiness check: every value measured on
 * the images (as stored by the backend), then the alignment values typed into the evaluation form,
 * so every report, slide and readiness count reads them from this one function.
 */
export function measurementsForCaseReport(ctx: ReportContext, caseId: number): ReportMeasurement[] {
  const measured = listCaseMeasurements(ctx.db, caseId).flatMap((m) =>
    m.values.map((v) => ({ label: v.label, value: formatValue(v), source: measuredOn(m) })),
  );
  return [...measured, ...typedAlignment(ctx, caseId)];
}

function typedAlignment(ctx: ReportContext, caseId: number): ReportMeasurement[] {
  const { values } = evaluationValues(ctx.db, caseId);
  const r = createReader(values, reportToday(ctx));
  return ALIGNMENT_FIELDS.flatMap((id) => {
    const n = r.number(id);
    const field = fieldById(id);
    if (n === undefined || (field.kind !== 'integer' && field.kind !== 'decimal')) return [];
    return [{ label: field.label, value: formatQuantity(n, field.unit, 1), source: 'Evaluation form' }];
  });
}
