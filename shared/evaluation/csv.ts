import { ALL_FIELDS } from './schema.ts';
import { unitSpecOf } from './units.ts';
import type { CellField, FieldDefinition } from './types.ts';
import { SIDES } from './values.ts';

/**
 * Stable export columns derived from the schema: keys are field ids (never reused), headers carry
 * units. One row per case; the level grid and lists export as their own long tables.
 */
export interface CsvColumn {
  readonly key: string;
  readonly header: string;
  readonly fieldId: string;
  readonly unit?: string;
}

export interface CsvTable {
  readonly fieldId: string;
  readonly name: string;
  readonly columns: readonly CsvColumn[];
}

function unitOf(field: FieldDefinition | CellField): string | undefined {
  if (field.kind === 'integer' || field.kind === 'decimal') return field.unit || undefined;
  if (field.kind === 'computed') return field.unit;
  return undefined;
}

function column(key: string, label: string, fieldId: string, unit: string | undefined): CsvColumn {
  return unit ? { key, header: `${label} (${unit})`, fieldId, unit } : { key, header: label, fieldId };
}

export function csvColumns(): CsvColumn[] {
  return ALL_FIELDS.flatMap((f): CsvColumn[] => {
    if (f.kind === 'levelGrid' || f.kind === 'list') return [];
    if (f.kind === 'sideGrid') {
      return f.rows.flatMap((row) =>
        SIDES.map((side) =>
          column(`${f.id}.${row.id}.${side}`, `${f.label}: ${row.label} ${side}`, f.id, undefined),
        ),
      );
    }
    const spec = unitSpecOf(f.id);
    // Entered in a chosen unit: the value as entered (its unit in the unit column that follows)
    // and the canonical value in its own column, so no registry reads mg/dL as mg/L.
    if (spec)
      return [
        column(f.id, `${f.label} as entered`, f.id, undefined),
        column(`${f.id}.canonical`, f.label, f.id, spec.options[0]?.code),
      ];
    return [column(f.id, f.label, f.id, unitOf(f))];
  });
}

export function csvNestedTables(): CsvTable[] {
  return ALL_FIELDS.flatMap((f): CsvTable[] => {
    if (f.kind === 'levelGrid') {
      const cols = f.columns.map((c) => column(`${f.id}.${c.id}`, c.label, f.id, unitOf(c)));
      return [
        {
          fieldId: f.id,
          name: f.label,
          columns: [column(`${f.id}.level`, 'Level', f.id, undefined), ...cols],
        },
      ];
    }
    if (f.kind === 'list') {
      const cols = f.itemFields.map((c) => column(`${f.id}.${c.id}`, c.label, f.id, unitOf(c)));
      return [
        {
          fieldId: f.id,
          name: f.label,
          columns: [column(`${f.id}.item`, f.itemLabel, f.id, undefined), ...cols],
        },
      ];
    }
    return [];
  });
}
