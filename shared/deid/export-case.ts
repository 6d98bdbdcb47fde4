import type { ExportCaseInput } from '../evaluation-export/record.ts';
import { deidentifyEvaluation } from './evaluation.ts';
import type { KnownIdentifiers } from './identifiers.ts';
import { redactIdentifiers } from './identifiers.ts';

/**
 * The de-identified option of the JSON / CSV / FHIR evaluation exports: a pass over each case
 * before any exporter sees it. Name and MRN go (the MRN becomes a per-export pseudonym), free text
 * loses its likely identifiers, and every date moves by the export's one offset.
 */
export function deidentifyExportCase(
  input: ExportCaseInput,
  known: KnownIdentifiers,
  pseudonym: string,
  dateOffsetDays: number,
): ExportCaseInput {
  return {
    ...input,
    title: redactIdentifiers(input.title, known),
    mrn: pseudonym,
    patientName: null,
    document: deidentifyEvaluation(input.document, { dateOffsetDays, known }),
  };
}
