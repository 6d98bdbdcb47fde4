import {
  FLAG_RULES,
  SIDES,
  csvColumns,
  csvNestedTables,
  findField,
  createReader,
  isBlank,
  isPlainObject,
  isVisible,
  levelGridRows,
  sortSegments,
} from '../evaluation/index.ts';
import type {
  CsvColumn,
  CsvTable,
  EvaluationValues,
  LevelGridField,
  ListField,
} from '../evaluation/index.ts';
import type { ExportFile } from '../contract/evaluation-schemas.ts';
import type { ExportOptions, ExportRecord } from './record.ts';

/**
 * Registry CSV: one row per case with stable column names (field ids, never
 * reused, with the unit in brackets), then one long table per level grid and list. RFC 4180:
 * comma-separated, CRLF line ends, fields quoted when they hold a comma, quote, CR or LF.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Column name: the stable key, with the unit when the value has one: `labs.crp [mg/L]`. */
export const columnName = (c: Pick<CsvColumn, 'key' | 'unit'>): string =>
  c.unit ? `${c.key} [${c.unit}]` : c.key;

/** Machine-readable cell: codes not labels, numbers as typed by JS, multi-choice codes joined by |. */
export function csvValue(value: unknown): string {
  if (isBlank(value)) return '';
  if (Array.isArray(value)) return value.map(String).join('|');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const CASE_COLUMNS = [
  'case.id',
  'case.title',
  'case.status',
  'patient.mrn',
  'evaluation.version',
  'evaluation.savedAt',
  'evaluation.savedBy',
  'evaluation.readyForConference',
  'evaluation.errors',
];

function caseCells(r: ExportRecord): string[] {
  return [
    String(r.caseId),
    r.title,
    r.status,
    r.mrn ?? '',
    String(r.version),
    r.savedAt,
    r.savedBy.name,
    String(r.completeness.complete),
    String(r.validation.messages.filter((m) => m.severity === 'error').length),
  ];
}

/** A plain field's value, or one side-grid cell; '' when hidden for this case. */
function columnValue(column: CsvColumn, r: ExportRecord): string {
  const values = r.document.values;
  const field = findField(column.fieldId);
  if (!field || !isVisible(field, values)) return '';
  if (field.kind === 'computed') {
    const d = r.derived[field.id];
    return d?.available ? String(d.value) : '';
  }
  if (field.kind === 'sideGrid') {
    const [rowId = '', side = ''] = column.key.slice(field.id.length + 1).split('.');
    const row = field.rows.find((x) => x.id === rowId);
    const cell = (values[field.id] as Record<string, Record<string, unknown> | null> | undefined)?.[rowId];
    return row && isVisible(row, values) && SIDES.includes(side as 'left') ? csvValue(cell?.[side]) : '';
  }
  if (column.key === `${field.id}.canonical`) {
    const q = createReader(values).quantity(field.id);
    return q ? String(Math.round(q.canonical * 1000) / 1000) : '';
  }
  return csvValue(values[field.id]);
}

export const flagColumn = (ruleId: string): string => `flag.${ruleId}`;

export function casesCsv(records: readonly ExportRecord[]): string {
  const columns = csvColumns();
  const header = [...CASE_COLUMNS, ...columns.map(columnName), ...FLAG_RULES.map((f) => flagColumn(f.id))];
  const rows = records.map((r) => [
    ...caseCells(r),
    ...columns.map((c) => columnValue(c, r)),
    ...FLAG_RULES.map((rule) => r.flags.find((f) => f.id === rule.id)?.severity ?? ''),
  ]);
  return csvText([header, ...rows]);
}

function levelRows(field: LevelGridField, values: EvaluationValues, table: CsvTable): string[][] {
  const grid = isPlainObject(values[field.id]) ? (values[field.id] as Record<string, unknown>) : {};
  const shown = new Set(levelGridRows(field, values).map((row) => row.level));
  return sortSegments(Object.keys(grid))
    .filter((level) => shown.has(level) && isPlainObject(grid[level]))
    .map((level) => {
      const cells = grid[level] as Record<string, unknown>;
      return table.columns.map((c) => {
        if (c.key === `${field.id}.level`) return level;
        const column = field.columns.find((col) => `${field.id}.${col.id}` === c.key);
        return column && isVisible(column, values) ? csvValue(cells[column.id]) : '';
      });
    })
    .filter((row) => row.slice(1).some((cell) => cell !== ''));
}

function listRows(field: ListField, values: EvaluationValues, table: CsvTable): string[][] {
  const items = Array.isArray(values[field.id]) ? (values[field.id] as readonly { values?: unknown }[]) : [];
  return items.map((item, index) => {
    const cells = isPlainObject(item.values) ? item.values : {};
    return table.columns.map((c) =>
      c.key === `${field.id}.item` ? String(index + 1) : csvValue(cells[c.key.slice(field.id.length + 1)]),
    );
  });
}

export function nestedCsv(table: CsvTable, records: readonly ExportRecord[]): string {
  const field = findField(table.fieldId);
  const header = ['case.id', ...table.columns.map(columnName)];
  const rows = records.flatMap((r) => {
    const values = r.document.values;
    if (!field || !isVisible(field, values)) return [];
    const body =
      field.kind === 'levelGrid'
        ? levelRows(field, values, table)
        : field.kind === 'list'
          ? listRows(field, values, table)
          : [];
    return body.map((row) => [String(r.caseId), ...row]);
  });
  return csvText([header, ...rows]);
}

export function csvFiles(records: readonly ExportRecord[], options: ExportOptions): ExportFile[] {
  const stem = `evaluations-${options.today}`;
  const mimeType = 'text/csv;charset=utf-8';
  return [
    { name: `${stem}.csv`, mimeType, content: casesCsv(records) },
    ...csvNestedTables().map((t) => ({
      name: `${stem}.${t.fieldId}.csv`,
      mimeType,
      content: nestedCsv(t, records),
    })),
  ];
}
