import { listCaseMeasurements } from '../../../db/measurements.ts';
import type { BackendContext } from '../../backend/context.ts';
import { renderCaseReportPdf } from '../reports/case-report-pdf.ts';
import { buildMeasurementSr } from '../sr/measurement-sr.ts';

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

export const defaultSendSources: SendSources = {
  measurementSr: (ctx, caseId) =>
    listCaseMeasurements(ctx.db, caseId).length ? buildMeasurementSr(ctx, caseId) : Promise.resolve(null),
  caseReportPdf: (ctx, caseId) => renderCaseReportPdf(ctx, caseId),
};
