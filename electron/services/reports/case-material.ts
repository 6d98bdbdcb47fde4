import { currentDecision } from '../../../db/decisions.ts';
import { listKeyImages } from '../../../db/key-images.ts';
import { buildCaseSummary } from '../../../shared/conference/case-summary.ts';
import type { CaseSummary } from '../../../shared/conference/case-summary.ts';
import type { CaseReadiness } from '../../../shared/conference/readiness.ts';
import { caseReadiness } from '../../../shared/conference/readiness.ts';
import type { DecisionRecord } from '../../../shared/conference/types.ts';
import type { CaseRecord } from '../../../shared/domain/case.ts';
import { evaluationCompleteness } from '../../../shared/evaluation/index.ts';
import type { KeyImage } from '../../../shared/viewer/viewer-types.ts';
import type { ReportMeasurement } from './measurements.ts';
import { measurementsForCaseReport } from './measurements.ts';
import type { ReportContext } from './report-context.ts';
import { caseOrThrow, evaluationValues, reportToday } from './report-context.ts';

export function readinessOf(ctx: ReportContext, caseId: number): CaseReadiness {
  const today = reportToday(ctx);
  const { values } = evaluationValues(ctx.db, caseId);
  const report = evaluationCompleteness(values, { today, stage: 'conference' });
  const required = report.sections.reduce((n, s) => n + s.required, 0);
  const answered = report.sections.reduce((n, s) => n + s.answered, 0);
  return caseReadiness({
    form: { required, answered, complete: report.complete },
    keyImages: listKeyImages(ctx.db, caseId).length,
    measurements: measurementsForCaseReport(ctx, caseId).length,
  });
}

/** Everything shown about one case on a slide, in the minutes and in its report. */
export interface CaseMaterial {
  record: CaseRecord;
  summary: CaseSummary;
  keyImages: KeyImage[];
  measurements: ReportMeasurement[];
  decision: DecisionRecord | null;
}

export function caseMaterial(ctx: ReportContext, caseId: number): CaseMaterial {
  const record = caseOrThrow(ctx.db, caseId);
  const { values } = evaluationValues(ctx.db, caseId);
  return {
    record,
    summary: buildCaseSummary(record, values, reportToday(ctx)),
    keyImages: listKeyImages(ctx.db, caseId),
    measurements: measurementsForCaseReport(ctx, caseId),
    decision: currentDecision(ctx.db, caseId),
  };
}
