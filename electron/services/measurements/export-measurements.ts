import { listCaseMeasurements } from '../../../db/measurements.ts';
import type { MeasurementExport } from '../../../shared/contract/measurement-schemas.ts';
import { caseMotions } from '../../../shared/measurements/motions.ts';
import { measurementsCsv } from '../../../shared/measurements/measurements-csv.ts';
import type { BackendContext } from '../../backend/context.ts';
import { buildMeasurementSr } from '../sr/measurement-sr.ts';

/** A case's stored measurements as CSV (one row per value) or as one DICOM SR measurement report. */
export async function exportMeasurements(
  ctx: BackendContext,
  caseId: number,
  format: 'csv' | 'sr',
): Promise<MeasurementExport> {
  if (format === 'sr') {
    const bytes = await buildMeasurementSr(ctx, caseId);
    return {
      name: `case-${caseId}-measurements.dcm`,
      mimeType: 'application/dicom',
      content: Buffer.from(bytes).toString('base64'),
      encoding: 'base64',
    };
  }
  const measurements = listCaseMeasurements(ctx.db, caseId);
  return {
    name: `case-${caseId}-measurements.csv`,
    mimeType: 'text/csv',
    content: measurementsCsv(measurements, caseMotions(measurements)),
    encoding: 'utf8',
  };
}
