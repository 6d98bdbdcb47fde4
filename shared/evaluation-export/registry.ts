import type { ExportFile } from '../contract/evaluation-schemas.ts';
import { csvText } from './csv.ts';
import { exportRecord } from './record.ts';
import type { ExportOptions } from './record.ts';
import { REGISTRY_COLUMNS, registryRecord } from './registry-columns.ts';
import type { RegistryCaseInput } from './registry-columns.ts';

export type { RegistryCaseInput } from './registry-columns.ts';
export { REGISTRY_COLUMNS } from './registry-columns.ts';

const MIME = 'text/csv;charset=utf-8';

/**
 * Registry CSV: one row per evaluation version a team decision was recorded on (a case decided,
 * reopened and decided again has two rows), registry-style column names and numeric codes. Derived
 * values and flags are computed as of the decision date.
 */
export function registryCsv(cases: readonly RegistryCaseInput[]): string {
  const rows = cases.map((input) => {
    const record = registryRecord(exportRecord(input, input.decidedAt.slice(0, 10)), input);
    return REGISTRY_COLUMNS.map((c) => c.value(record));
  });
  return csvText([REGISTRY_COLUMNS.map((c) => c.name), ...rows]);
}

const DICTIONARY_HEADER = ['column', 'description', 'type', 'unit', 'codes', 'source'];

/** The registry CSV's data dictionary, generated from the same column list as the file. */
export function registryDictionaryCsv(): string {
  return csvText([
    DICTIONARY_HEADER,
    ...REGISTRY_COLUMNS.map((c) => [
      c.name,
      c.description,
      c.type,
      c.unit,
      (c.codes ?? []).map(([code, meaning]) => `${code}=${meaning}`).join('; '),
      c.source,
    ]),
  ]);
}

export const registryDictionaryFile = (name = 'registry-data-dictionary.csv'): ExportFile => ({
  name,
  mimeType: MIME,
  content: registryDictionaryCsv(),
});

/** The registry CSV and, beside it, its data dictionary (registry-DATE.data-dictionary.csv). */
export function registryFiles(cases: readonly RegistryCaseInput[], options: ExportOptions): ExportFile[] {
  const stem = `registry-${options.today}`;
  return [
    { name: `${stem}.csv`, mimeType: MIME, content: registryCsv(cases) },
    registryDictionaryFile(`${stem}.data-dictionary.csv`),
  ];
}
