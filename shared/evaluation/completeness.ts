import { isVisible, requirementHolds } from './conditions.ts';
import { computeDerived } from './derived.ts';
import type { DerivedValues } from './derived.ts';
import type { EvaluationConfigOverride } from './config.ts';
import { columnAppliesTo, levelGridRows, levelGridValue, visibleColumns } from './level-grid.ts';
import { EVALUATION_SCHEMA } from './schema.ts';
import type { FieldDefinition, LevelGridField, SideGridField } from './types.ts';
import { validateEvaluation } from './validation/validate.ts';
import type { ValidationResult } from './validation/validate.ts';
import { SIDES, isBlank, isPlainObject } from './values.ts';
import type { EvaluationValues } from './values.ts';

/** 'conference': `requiredForDecision` (ready for conference); 'record': `requiredForRecord`. */
export type RequirementStage = 'conference' | 'record';

export interface MissingItem {
  readonly sectionId: string;
  readonly fieldId: string;
  readonly label: string;
  /** unanswered: nothing entered; incomplete: part of a grid; invalid: entered but failing validation. */
  readonly reason: 'unanswered' | 'incomplete' | 'invalid';
  readonly detail: string;
}

export interface SectionCompleteness {
  readonly sectionId: string;
  readonly title: string;
  /** Required fields currently visible. */
  readonly required: number;
  /** Of those, how many hold an answer (valid or not). */
  readonly answered: number;
  readonly missing: readonly MissingItem[];
}

export interface CompletenessReport {
  readonly stage: RequirementStage;
  readonly sections: readonly SectionCompleteness[];
  /** Every required field present and valid. */
  readonly complete: boolean;
  readonly missing: readonly MissingItem[];
}

export interface CompletenessOptions {
  readonly today: string;
  readonly stage?: RequirementStage;
  readonly config?: EvaluationConfigOverride;
}

type Gap = Pick<MissingItem, 'reason' | 'detail'> | undefined;

function sideGridGap(field: SideGridField, values: EvaluationValues): Gap {
  const grid = isPlainObject(values[field.id]) ? (values[field.id] as Record<string, unknown>) : {};
  const visibleRows = field.rows.filter((row) => isVisible(row, values));
  const empty = visibleRows.flatMap((row) => {
    const cell = grid[row.id];
    return SIDES.filter((side) => isBlank(isPlainObject(cell) ? cell[side] : undefined)).map(
      (side) => `${row.label} ${side}`,
    );
  });
  return cellsGap(empty, visibleRows.length * SIDES.length);
}

/** Nothing recorded counts as unanswered; some cells recorded, as incomplete. */
function cellsGap(empty: readonly string[], total: number): Gap {
  if (empty.length === 0) return undefined;
  if (empty.length === total) return { reason: 'unanswered', detail: 'Not recorded' };
  return { reason: 'incomplete', detail: `Not recorded: ${empty.join(', ')}` };
}

function levelGridGap(field: LevelGridField, values: EvaluationValues): Gap {
  const rows = levelGridRows(field, values).filter((r) => !r.extra);
  if (rows.length === 0) return { reason: 'unanswered', detail: 'Enter the levels fused first' };
  const grid = levelGridValue(field, values);
  const required = visibleColumns(field, values).filter((c) =>
    requirementHolds(c.requiredForDecision, values),
  );
  const cells = required.flatMap((column) =>
    rows.filter((row) => columnAppliesTo(column, row)).map((row) => ({ row, column })),
  );
  const empty = cells
    .filter(({ row, column }) => isBlank(grid[row.level]?.[column.id]))
    .map(({ row, column }) => `${row.level} ${column.label}`);
  return cellsGap(empty, cells.length);
}

function gap(
  field: FieldDefinition,
  values: EvaluationValues,
  derived: DerivedValues,
  validation: ValidationResult,
): Gap {
  if (field.kind === 'computed') {
    const d = derived[field.id];
    return d?.available ? undefined : { reason: 'unanswered', detail: d?.reason ?? 'Not computed' };
  }
  if (field.kind === 'sideGrid') return sideGridGap(field, values) ?? invalid(field, validation);
  if (field.kind === 'levelGrid') return levelGridGap(field, values) ?? invalid(field, validation);
  if (isBlank(values[field.id])) return { reason: 'unanswered', detail: 'Not answered' };
  return invalid(field, validation);
}

function invalid(field: FieldDefinition, validation: ValidationResult): Gap {
  const errors = (validation.byField[field.id] ?? []).filter((m) => m.severity === 'error');
  return errors.length === 0
    ? undefined
    : { reason: 'invalid', detail: errors.map((m) => m.message).join(' ') };
}

/**
 * Per section: required fields answered / required, and what is missing or invalid.
 * Only visible fields whose requirement holds count (a never-smoker needs no quit date).
 */
export function evaluationCompleteness(
  values: EvaluationValues,
  options: CompletenessOptions,
): CompletenessReport {
  const stage = options.stage ?? 'conference';
  const derived = computeDerived(values, { today: options.today, config: options.config });
  const validation = validateEvaluation(values, { today: options.today, config: options.config });
  const sections = EVALUATION_SCHEMA.sections.map((section): SectionCompleteness => {
    const required = section.fields.filter(
      (f) =>
        isVisible(f, values) &&
        requirementHolds(stage === 'conference' ? f.requiredForDecision : f.requiredForRecord, values),
    );
    const missing: MissingItem[] = [];
    let answered = 0;
    for (const field of required) {
      const g = gap(field, values, derived, validation);
      if (!g || g.reason !== 'unanswered') answered += 1;
      if (g) missing.push({ sectionId: section.id, fieldId: field.id, label: field.label, ...g });
    }
    return { sectionId: section.id, title: section.title, required: required.length, answered, missing };
  });
  const missing = sections.flatMap((s) => s.missing);
  return { stage, sections, complete: missing.length === 0, missing };
}

/** Whether the case can be marked "ready for conference", and what stands in the way. */
export function readyForConference(
  values: EvaluationValues,
  options: Omit<CompletenessOptions, 'stage'>,
): { ready: boolean; missing: readonly MissingItem[] } {
  const report = evaluationCompleteness(values, { ...options, stage: 'conference' });
  return { ready: report.complete, missing: report.missing };
}
