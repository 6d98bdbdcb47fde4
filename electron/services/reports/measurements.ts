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

/**
 * The case's measurements for the case report and the readiness check. Today these are the
 * alignment values entered in the evaluation form; stored image measurements plug in here, so
 * every report, slide and readiness count reads them from this one function.
 */
export function measurementsForCaseReport(ctx: ReportContext, caseId: number): ReportMeasurement[] {
  const { values } = evaluationValues(ctx.db, caseId);
  const r = createReader(values, reportToday(ctx));
  return ALIGNMENT_FIELDS.flatMap((id) => {
    const n = r.number(id);
    const field = fieldById(id);
    if (n === undefined || (field.kind !== 'integer' && field.kind !== 'decimal')) return [];
    return [{ label: field.label, value: formatQuantity(n, field.unit, 1), source: 'Evaluation form' }];
  });
}
