import { SCHEMA_VERSION } from '../evaluation/index.ts';
import type { ExportFile } from '../contract/evaluation-schemas.ts';
import type { ExportOptions, ExportRecord } from './record.ts';

export const JSON_EXPORT_FORMAT = 'spine-case-review.evaluations/1';

/** Documents exactly as stored (invalid entries included), with every computed value and prompt. */
export function jsonExport(records: readonly ExportRecord[], options: ExportOptions) {
  return {
    format: JSON_EXPORT_FORMAT,
    exportedAt: options.exportedAt,
    formVersion: SCHEMA_VERSION,
    cases: records.map((r) => ({
      case: { id: r.caseId, title: r.title, status: r.status, mrn: r.mrn, patientName: r.patientName },
      evaluation: { version: r.version, savedAt: r.savedAt, savedBy: r.savedBy, document: r.document },
      derived: r.derived,
      flags: r.flags,
      readyForConference: r.completeness.complete,
      missing: r.completeness.missing,
      validation: r.validation.messages,
    })),
  };
}

export function jsonFiles(records: readonly ExportRecord[], options: ExportOptions): ExportFile[] {
  return [
    {
      name: `evaluations-${options.today}.json`,
      mimeType: 'application/json',
      content: `${JSON.stringify(jsonExport(records, options), null, 2)}\n`,
    },
  ];
}
