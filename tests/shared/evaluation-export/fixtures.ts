import type { ExportCaseInput } from '../../../shared/evaluation-export/index.ts';
import type { EvaluationValues } from '../../../shared/evaluation/index.ts';
import { lumbarCase } from '../evaluation/fixtures.ts';
import { SCHEMA_VERSION } from '../../../shared/evaluation/schema.ts';

/** One case as the backend hands it to the export builders. */
export function caseInput(
  id: number,
  values: EvaluationValues = lumbarCase(),
  extra: Partial<ExportCaseInput> = {},
): ExportCaseInput {
  return {
    caseId: id,
    title: `Case ${id}`,
    status: 'ready',
    mrn: `M-${id}`,
    patientName: 'DOE^JANE',
    version: 3,
    savedAt: '2025-06-14T09:30:00.000Z',
    savedBy: { name: 'Dr Ada', discipline: 'spine-surgery' },
    document: { schemaVersion: SCHEMA_VERSION, values },
    ...extra,
  };
}
