/**
 * Pure exports of evaluations (no Node, no DOM): JSON, registry CSV, FHIR R4, plus the field-level
 * diff the history view shows. The backend reads the cases; everything else is computed here.
 */
import type { ExportFile, ExportFormat } from '../contract/evaluation-schemas.ts';
import { csvFiles } from './csv.ts';
import { dataDictionaryCsv } from './data-dictionary.ts';
import { fhirFiles } from './fhir.ts';
import { jsonFiles } from './json.ts';
import type { ExportCaseInput, ExportOptions } from './record.ts';
import { exportRecord } from './record.ts';

export * from './diff.ts';
export * from './display.ts';
export type { ExportCaseInput, ExportOptions, ExportRecord } from './record.ts';
export { exportRecord } from './record.ts';
export {
  REGISTRY_COLUMNS,
  registryCsv,
  registryDictionaryCsv,
  registryDictionaryFile,
  registryFiles,
} from './registry.ts';
export type { RegistryCaseInput } from './registry.ts';

export function buildExport(
  format: ExportFormat,
  cases: readonly ExportCaseInput[],
  options: ExportOptions,
): ExportFile[] {
  const records = cases.map((c) => exportRecord(c, options.today));
  if (format === 'csv') {
    // The registry's data dictionary travels with every CSV export.
    const dictionary = {
      name: `evaluations-${options.today}.data-dictionary.csv`,
      mimeType: 'text/csv;charset=utf-8',
      content: dataDictionaryCsv(),
    };
    return [...csvFiles(records, options), dictionary];
  }
  if (format === 'fhir') return fhirFiles(records, options);
  // The registry CSV has one row per decided version, not per case: see registryFiles.
  if (format === 'registry')
    throw new Error('The registry export reads decided versions: use registryFiles.');
  return jsonFiles(records, options);
}
