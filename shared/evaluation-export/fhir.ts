import type { ExportFile } from '../contract/evaluation-schemas.ts';
import { checkBundle } from './fhir-check.ts';
import { buildQuestionnaire } from './fhir-questionnaire.ts';
import { buildQuestionnaireResponse } from './fhir-response.ts';
import type { Bundle } from './fhir-types.ts';
import type { ExportOptions, ExportRecord } from './record.ts';

/** A collection Bundle: the Questionnaire generated from the form, then one response per case. */
export function fhirBundle(records: readonly ExportRecord[], options: ExportOptions): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: options.exportedAt,
    entry: [
      { resource: buildQuestionnaire() },
      ...records.map((r) => ({ resource: buildQuestionnaireResponse(r, options.today) })),
    ],
  };
}

export function fhirFiles(records: readonly ExportRecord[], options: ExportOptions): ExportFile[] {
  const bundle = fhirBundle(records, options);
  // Refuse to hand out a file another system would reject: a bug here must surface, not travel.
  const problems = checkBundle(bundle);
  if (problems.length)
    throw new Error(`FHIR export failed its own checks: ${problems.slice(0, 5).join('; ')}`);
  return [
    {
      name: `evaluations-${options.today}.fhir.json`,
      mimeType: 'application/fhir+json',
      content: `${JSON.stringify(bundle, null, 2)}\n`,
    },
  ];
}
