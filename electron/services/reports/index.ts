export { renderAgendaPdf } from './agenda-pdf.ts';
export type { RenderedPdf } from './agenda-pdf.ts';
export { renderCaseReport, renderCaseReportPdf } from './case-report-pdf.ts';
export { renderMinutesPdf } from './minutes-pdf.ts';
export { measurementsForCaseReport } from './measurements.ts';
export type { ReportContext } from './report-context.ts';
