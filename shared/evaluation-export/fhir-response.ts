import { DISCIPLINE_LABELS } from '../domain/user.ts';
import {
  EVALUATION_SCHEMA,
  SCHEMA_VERSION,
  SIDES,
  columnAppliesTo,
  isBlank,
  isPlainObject,
  isVisible,
  levelGridRows,
} from '../evaluation/index.ts';
import type { CellField, EvaluationValues, FieldDefinition, ScoreField } from '../evaluation/index.ts';
import { fieldInUnit, selectedUnit, unitSpecOf } from '../evaluation/units.ts';
import type { UnitOption } from '../evaluation/units.ts';
import { checkCell } from '../evaluation/validation/cell.ts';
import {
  CASE_IDENTIFIER_SYSTEM,
  MRN_IDENTIFIER_SYSTEM,
  QUESTIONNAIRE_URL,
  coding,
  quantity,
  UCUM,
} from './fhir-codes.ts';
import { cellItemType, computedItemType } from './fhir-questionnaire.ts';
import type { QuestionnaireResponse, ResponseAnswer, ResponseItem } from './fhir-types.ts';
import type { ExportRecord } from './record.ts';

type Today = { today: string };

/**
 * Answers of one scalar value, typed as its Questionnaire item. Values that fail the form's own
 * checks (a weight typed "8O") cannot be written as FHIR values and are left out; the response
 * is then "in-progress", and the JSON export keeps them.
 */
function cellAnswers(
  field: CellField | ScoreField,
  codeKey: string,
  value: unknown,
  ctx: Today,
  unitOption?: UnitOption,
): ResponseAnswer[] {
  // A value entered in another unit is checked, and exported, in that unit.
  const asEntered =
    unitOption && (field.kind === 'integer' || field.kind === 'decimal')
      ? fieldInUnit(field, unitOption)
      : field;
  if (isBlank(value) || checkCell(asEntered, value, field.label, ctx).length > 0) return [];
  const label = (code: string) =>
    'options' in field && field.kind !== 'score'
      ? field.options.find((o) => o.code === code)?.label
      : undefined;
  switch (field.kind) {
    case 'text':
    case 'longText':
      return [{ valueString: value as string }];
    case 'integer':
    case 'decimal': {
      const n = value as number;
      if (unitOption)
        return [{ valueQuantity: { value: n, unit: unitOption.code, system: UCUM, code: unitOption.ucum } }];
      if (cellItemType(field) === 'quantity') return [{ valueQuantity: quantity(n, field.unit) }];
      return [field.kind === 'integer' ? { valueInteger: n } : { valueDecimal: n }];
    }
    case 'date':
      return [{ valueDate: value as string }];
    case 'boolean':
      return [{ valueBoolean: value as boolean }];
    case 'singleChoice':
      return [{ valueCoding: coding(codeKey, value as string, label(value as string)) }];
    case 'multiChoice':
      return (value as string[]).map((c) => ({ valueCoding: coding(codeKey, c, label(c)) }));
    case 'score': {
      const option = field.options.find((o) => o.score === value);
      return [{ valueCoding: coding(codeKey, String(value), option?.label) }];
    }
  }
}

const answered = (linkId: string, text: string, answer: ResponseAnswer[]): ResponseItem[] =>
  answer.length ? [{ linkId, text, answer }] : [];

const group = (linkId: string, text: string, item: ResponseItem[]): ResponseItem[] =>
  item.length ? [{ linkId, text, item }] : [];

function computedAnswers(field: FieldDefinition & { kind: 'computed' }, r: ExportRecord): ResponseAnswer[] {
  const d = r.derived[field.id];
  if (!d?.available) return [];
  const type = computedItemType(field);
  if (type === 'string') return [{ valueString: d.text }];
  if (type === 'boolean') return typeof d.value === 'boolean' ? [{ valueBoolean: d.value }] : [];
  if (typeof d.value !== 'number') return [];
  if (type === 'quantity') return [{ valueQuantity: quantity(d.value, field.unit ?? '') }];
  return [type === 'integer' ? { valueInteger: d.value } : { valueDecimal: d.value }];
}

function fieldItems(field: FieldDefinition, r: ExportRecord, ctx: Today): ResponseItem[] {
  const values: EvaluationValues = r.document.values;
  if (!isVisible(field, values)) return [];
  const value = values[field.id];
  switch (field.kind) {
    case 'computed':
      return answered(field.id, field.label, computedAnswers(field, r));
    case 'sideGrid': {
      const grid = isPlainObject(value) ? value : {};
      const rows = field.rows.filter((row) => isVisible(row, values));
      const pseudo: CellField = {
        id: field.id,
        kind: 'singleChoice',
        label: field.label,
        options: field.options,
      };
      return group(
        field.id,
        field.label,
        rows.flatMap((row) => {
          const cell = isPlainObject(grid[row.id]) ? (grid[row.id] as Record<string, unknown>) : {};
          const sides = SIDES.flatMap((side) =>
            answered(
              `${field.id}.${row.id}.${side}`,
              side === 'left' ? 'Left' : 'Right',
              cellAnswers(pseudo, field.id, cell[side], ctx),
            ),
          );
          return group(`${field.id}.${row.id}`, row.label, sides);
        }),
      );
    }
    case 'levelGrid': {
      const grid = isPlainObject(value) ? value : {};
      return levelGridRows(field, values).flatMap((row) => {
        const cells = isPlainObject(grid[row.level]) ? (grid[row.level] as Record<string, unknown>) : {};
        const columns = field.columns.filter((c) => isVisible(c, values) && columnAppliesTo(c, row));
        const answers = columns.flatMap((c) =>
          answered(`${field.id}.${c.id}`, c.label, cellAnswers(c, `${field.id}.${c.id}`, cells[c.id], ctx)),
        );
        if (!answers.length) return [];
        const level = { valueCoding: coding(`${field.id}.level`, row.level, row.level) };
        return [
          {
            linkId: field.id,
            text: field.label,
            item: [...answered(`${field.id}.level`, 'Level', [level]), ...answers],
          },
        ];
      });
    }
    case 'list': {
      const items: readonly unknown[] = Array.isArray(value) ? value : [];
      return items.flatMap((item) => {
        const cells = isPlainObject(item) && isPlainObject(item.values) ? item.values : {};
        const answers = field.itemFields.flatMap((f) =>
          answered(`${field.id}.${f.id}`, f.label, cellAnswers(f, `${field.id}.${f.id}`, cells[f.id], ctx)),
        );
        return group(field.id, field.label, answers);
      });
    }
    case 'singleChoice':
      // A unit choice is carried in its quantity's valueQuantity.unit.
      if (field.unitOf) return [];
      return answered(field.id, field.label, cellAnswers(field, field.id, value, ctx));
    default: {
      const spec = unitSpecOf(field.id);
      const option = spec ? selectedUnit(spec, values) : undefined;
      if (spec && !option) return [];
      return answered(field.id, field.label, cellAnswers(field, field.id, value, ctx, option));
    }
  }
}

/**
 * One case's evaluation as an R4 QuestionnaireResponse. Only what the form shows is answered:
 * hidden fields keep their values in the document but are not part of the response.
 * Completed when the case is ready for conference (every required answer present and valid).
 */
export function buildQuestionnaireResponse(r: ExportRecord, today: string): QuestionnaireResponse {
  const ctx = { today };
  const discipline = DISCIPLINE_LABELS[r.savedBy.discipline] ?? r.savedBy.discipline;
  return {
    resourceType: 'QuestionnaireResponse',
    id: `case-${r.caseId}-v${r.version}`,
    identifier: { system: CASE_IDENTIFIER_SYSTEM, value: String(r.caseId) },
    questionnaire: `${QUESTIONNAIRE_URL}|${SCHEMA_VERSION}`,
    status: r.completeness.complete ? 'completed' : 'in-progress',
    ...(r.mrn
      ? {
          subject: {
            identifier: { system: MRN_IDENTIFIER_SYSTEM, value: r.mrn },
            ...(r.patientName ? { display: r.patientName } : {}),
          },
        }
      : {}),
    authored: r.savedAt,
    author: { display: `${r.savedBy.name} (${discipline})` },
    item: EVALUATION_SCHEMA.sections.flatMap((section) =>
      group(
        section.id,
        section.title,
        section.fields.flatMap((f) => fieldItems(f, r, ctx)),
      ),
    ),
  };
}
