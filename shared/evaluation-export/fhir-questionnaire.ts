import { EVALUATION_SCHEMA, SCHEMA_VERSION, SEGMENTS } from '../evaluation/index.ts';
import type {
  CellField,
  ChoiceOption,
  ComputedField,
  Condition,
  FieldDefinition,
} from '../evaluation/index.ts';
import {
  EXT_OPTION_EXCLUSIVE,
  EXT_ORDINAL,
  EXT_UNIT_OPTION,
  loincCoding,
  unitOptionCodings,
  QUESTIONNAIRE_URL,
  coding,
  enableWhenOf,
} from './fhir-codes.ts';
import type { AnswerOption, Questionnaire, QuestionnaireItem, QuestionnaireItemType } from './fhir-types.ts';

/**
 * Computed fields without a unit whose value is a number or yes/no; the rest (classes, bands,
 * modifiers) travel as their display text. A test checks each against real derived values.
 */
const COMPUTED_TYPES: Readonly<Record<string, QuestionnaireItemType>> = {
  'history.levelCount': 'integer',
  'health.packYears': 'decimal',
  'health.mfi5Ratio': 'decimal',
  'imaging.scoliosis': 'boolean',
  'health.opioidChronic': 'boolean',
};

export function computedItemType(field: ComputedField): QuestionnaireItemType {
  if (field.unit) return 'quantity';
  return COMPUTED_TYPES[field.id] ?? 'string';
}

/** Item type of a scalar field: numbers with a unit are quantities (FHIR R4). */
export function cellItemType(field: CellField | { kind: 'score' }): QuestionnaireItemType {
  switch (field.kind) {
    case 'text':
      return 'string';
    case 'longText':
      return 'text';
    case 'integer':
    case 'decimal':
      return field.unit ? 'quantity' : field.kind;
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
    default:
      return 'choice';
  }
}

const unitExtension = (fieldId: string, unit: string) =>
  unitOptionCodings(fieldId, unit).map((valueCoding) => ({ url: EXT_UNIT_OPTION, valueCoding }));

const withLoinc = (fieldId: string) => {
  const code = loincCoding(fieldId);
  return code ? { code } : {};
};

function choiceOptions(fieldId: string, options: readonly ChoiceOption[]): AnswerOption[] {
  return options.map((o) => ({
    valueCoding: coding(fieldId, o.code, o.label),
    ...(o.exclusive ? { extension: [{ url: EXT_OPTION_EXCLUSIVE, valueBoolean: true }] } : {}),
  }));
}

function withCondition(item: QuestionnaireItem, condition: Condition | undefined): QuestionnaireItem {
  const translated = condition === undefined ? null : enableWhenOf(condition);
  if (!translated || translated.clauses.length === 0) return item;
  return {
    ...item,
    enableWhen: translated.clauses,
    ...(translated.clauses.length > 1 ? { enableBehavior: translated.behavior } : {}),
  };
}

function cellItem(linkId: string, field: CellField, required: boolean): QuestionnaireItem {
  const type = cellItemType(field);
  const base: QuestionnaireItem = {
    linkId,
    text: field.label,
    type,
    ...(required ? { required: true } : {}),
  };
  switch (field.kind) {
    case 'text':
    case 'longText':
      return { ...base, maxLength: field.maxLength };
    case 'integer':
    case 'decimal':
      return {
        ...base,
        ...withLoinc(field.id),
        ...(type === 'quantity' ? { extension: unitExtension(field.id, field.unit) } : {}),
      };
    case 'singleChoice':
      return { ...base, answerOption: choiceOptions(linkId, field.options) };
    case 'multiChoice':
      return { ...base, repeats: true, answerOption: choiceOptions(linkId, field.options) };
    default:
      return base;
  }
}

function fieldItem(field: FieldDefinition): QuestionnaireItem {
  const required = field.requiredForDecision === true;
  const common = { linkId: field.id, text: field.label, ...(required ? { required: true } : {}) };
  switch (field.kind) {
    case 'computed': {
      const type = computedItemType(field);
      return {
        ...common,
        type,
        readOnly: true,
        ...withLoinc(field.id),
        ...(type === 'quantity' && field.unit ? { extension: unitExtension(field.id, field.unit) } : {}),
      };
    }
    case 'score':
      return {
        ...common,
        type: 'choice',
        answerOption: field.options.map((o) => ({
          valueCoding: coding(field.id, String(o.score), o.label),
          extension: [{ url: EXT_ORDINAL, valueDecimal: o.score }],
        })),
      };
    case 'sideGrid':
      return {
        ...common,
        type: 'group',
        item: field.rows.map((row) =>
          withCondition(
            {
              linkId: `${field.id}.${row.id}`,
              text: row.label,
              type: 'group',
              item: (['left', 'right'] as const).map((side) => ({
                linkId: `${field.id}.${row.id}.${side}`,
                text: side === 'left' ? 'Left' : 'Right',
                type: 'choice' as const,
                answerOption: choiceOptions(field.id, field.options),
              })),
            },
            row.visibleWhen,
          ),
        ),
      };
    case 'levelGrid':
      return {
        ...common,
        type: 'group',
        repeats: true,
        item: [
          {
            linkId: `${field.id}.level`,
            text: 'Level',
            type: 'choice',
            required: true,
            answerOption: SEGMENTS.map((s) => ({ valueCoding: coding(`${field.id}.level`, s, s) })),
          },
          ...field.columns.map((c) =>
            withCondition(cellItem(`${field.id}.${c.id}`, c, false), c.visibleWhen),
          ),
        ],
      };
    case 'list':
      return {
        ...common,
        type: 'group',
        repeats: true,
        item: field.itemFields.map((f) =>
          withCondition(cellItem(`${field.id}.${f.id}`, f, f.requiredInItem === true), f.visibleWhen),
        ),
      };
    default:
      return cellItem(field.id, field, required);
  }
}

/** The evaluation form as an R4 Questionnaire: one group per section, linkIds = field ids. */
export function buildQuestionnaire(): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: 'spine-revision-evaluation',
    url: QUESTIONNAIRE_URL,
    version: String(SCHEMA_VERSION),
    name: 'SpineRevisionEvaluation',
    title: 'Evaluation of a failed spinal fusion for revision',
    status: 'active',
    subjectType: ['Patient'],
    item: EVALUATION_SCHEMA.sections.map((section) => ({
      linkId: section.id,
      text: section.title,
      type: 'group',
      item: [
        ...(section.description
          ? [{ linkId: `${section.id}.description`, text: section.description, type: 'display' as const }]
          : []),
        // A unit choice travels inside its quantity (valueQuantity.unit), not as an item of its own.
        ...section.fields
          .filter((f) => !(f.kind === 'singleChoice' && f.unitOf))
          .map((f) => withCondition(fieldItem(f), f.visibleWhen)),
      ],
    })),
  };
}
