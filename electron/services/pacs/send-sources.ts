import { listCaseMeasurements } from '../../../db/measurements.ts';
import type { BackendContext } from '../../backend/context.ts';

/**
 * Where the objects other features make come from when a case is sent to the archive. The
 * measurement SR (DICOM SR, Part 10 bytes with the patient's identifiers) and the case report
 * (PDF bytes) are built by their own features; this is the one place they are wired in.
 * Null means the case has nothing of that kind yet.
 */
export interface SendSources {
  measurementSr(ctx: BackendContext, caseId: number): Promise<Uint8Array | null>;
  caseReportPdf(ctx: BackendContext, caseId: number): Promise<Uint8Array | null>;
}

// Loaded when first used: the SR writer and the PDF library are large and every backend holds these.
export const defaultSendSources: SendSources = {
  measurementSr: async (ctx, caseId) =>
    listCaseMeasurements(ctx.db, caseId).length
      ? (await import('../sr/measurement-sr.ts')).buildMeasurementSr(ctx, caseId)
      : null,
  caseReportPdf: async (ctx, caseId) =>
    (await import('../reports/case-report-pdf.ts')).renderCaseReportPdf(ctx, caseId),
};
