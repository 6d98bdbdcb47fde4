import {
  csvColumns,
  csvNestedTables,
  findField,
  FLAG_RULES,
  flagThreshold,
  resolveConfig,
} from '../evaluation/index.ts';
import type { CsvColumn, FieldDefinition } from '../evaluation/index.ts';
import { csvText } from './csv.ts';
import { UCUM_CODES } from './fhir-codes.ts';

const HEADER = ['table', 'column', 'label', 'type', 'unit', 'ucum', 'codes', 'definition'];

function codesOf(field: FieldDefinition | undefined, key: string): string {
  if (!field) return '';
  const cell =
    field.kind === 'levelGrid'
      ? field.columns.find((c) => key === `${field.id}.${c.id}`)
      : field.kind === 'list'
        ? field.itemFields.find((c) => key === `${field.id}.${c.id}`)
        : field;
  if (!cell) return '';
  if (cell.kind === 'sideGrid' || cell.kind === 'singleChoice' || cell.kind === 'multiChoice')
    return cell.options.map((o) => `${o.code}=${o.label}`).join('; ');
  if (cell.kind === 'score') return cell.options.map((o) => `${o.score}=${o.label}`).join('; ');
  if (cell.kind === 'boolean') return 'true; false';
  return '';
}

function typeOf(field: FieldDefinition | undefined, key: string): string {
  if (!field) return '';
  if (field.kind === 'levelGrid' || field.kind === 'list') {
    const cells = field.kind === 'levelGrid' ? field.columns : field.itemFields;
    return cells.find((c) => key === `${field.id}.${c.id}`)?.kind ?? 'code';
  }
  if (field.kind === 'multiChoice') return 'multiChoice (JSON array of codes)';
  return field.kind === 'sideGrid' ? 'singleChoice' : field.kind;
}

function row(table: string, c: CsvColumn): string[] {
  const field = findField(c.fieldId);
  const definition = field?.kind === 'computed' ? `${field.formula} (${field.source})` : (field?.help ?? '');
  const unit = c.unit ?? '';
  return [
    table,
    c.key,
    c.header,
    typeOf(field, c.key),
    unit,
    unit ? (UCUM_CODES[unit] ?? '') : '',
    codesOf(field, c.key),
    definition,
  ];
}

/**
 * The registry CSV's data dictionary: every column of every table with its label, type, unit (and
 * UCUM code), allowed codes with their meaning, and the formula and source of computed columns.
 */
export function dataDictionaryCsv(): string {
  const config = resolveConfig();
  const caseRows = csvColumns().map((c) => row('evaluations', c));
  const flagRows = FLAG_RULES.map((f) => [
    'evaluations',
    `flag.${f.id}`,
    f.label,
    'code',
    '',
    '',
    'urgent; warning; caution; info; empty = not raised',
    `${flagThreshold(f, config)} (${f.source})`,
  ]);
  const nested = csvNestedTables().flatMap((t) => t.columns.map((c) => row(t.fieldId, c)));
  return csvText([HEADER, ...caseRows, ...flagRows, ...nested]);
}
