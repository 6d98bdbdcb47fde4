/**
 * The evaluation form is data: sections of typed fields that the renderer draws and the backend
 * enforces with the same rules. Field ids are stable for ever (they key stored documents and export
 * columns); renaming or removing one needs a migration (see migrate.ts).
 */
import type { SegmentId } from './levels.ts';

/** Region of the fused construct, derived from the levels fused (see conditions.ts). */
export type SpineRegion = 'cervical' | 'thoracolumbar';

/** Visibility / requirement conditions, evaluated against raw values (conditions.ts). */
export type Condition =
  | { readonly field: string; readonly equals: string | boolean }
  | { readonly field: string; readonly oneOf: readonly string[] }
  | { readonly field: string; readonly includesAny: readonly string[] }
  | { readonly field: string; readonly answered: boolean }
  | { readonly region: SpineRegion }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

export interface ChoiceOption {
  readonly code: string;
  readonly label: string;
  readonly help?: string;
  /** Cannot be combined with other options in a multi-choice ("None"). */
  readonly exclusive?: boolean;
  /** The definition has no confirmed primary source; the UI says so. */
  readonly unverified?: boolean;
}

export interface ScoreOption {
  readonly score: number;
  readonly label: string;
}

/** `true` = always; a Condition = only while it holds. Hidden fields are never required. */
export type Requirement = boolean | Condition;

interface FieldCommon {
  readonly id: string;
  readonly label: string;
  readonly help?: string;
  readonly visibleWhen?: Condition;
  /** Needed before the case can be marked "ready for conference". */
  readonly requiredForDecision?: Requirement;
  /** Needed before the conference can record its decision (decision section). */
  readonly requiredForRecord?: Requirement;
}

export interface TextField extends FieldCommon {
  readonly kind: 'text' | 'longText';
  readonly maxLength: number;
}

export interface NumberField extends FieldCommon {
  readonly kind: 'integer' | 'decimal';
  /** Display unit, e.g. 'kg', '%', '°', 'mg/L'; '' for unitless counts. */
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  /** Input granularity hint for the renderer; not enforced. */
  readonly step: number;
  /**
   * 'scale': the bounds of a defined scale or count (0–10 NRS): "must be between".
   * 'plausible': a measurement; outside means a probable typo: "outside the plausible range".
   */
  readonly range: 'scale' | 'plausible';
}

export interface DateField extends FieldCommon {
  readonly kind: 'date';
  readonly notInFuture: boolean;
}

export interface BooleanField extends FieldCommon {
  readonly kind: 'boolean';
}

export interface SingleChoiceField extends FieldCommon {
  readonly kind: 'singleChoice';
  readonly options: readonly ChoiceOption[];
  /** The unit of this number field (units.ts): drawn beside that number, not on its own. */
  readonly unitOf?: string;
}

export interface MultiChoiceField extends FieldCommon {
  readonly kind: 'multiChoice';
  readonly options: readonly ChoiceOption[];
}

/** One questionnaire item scored 0..n (ODI, NDI); the stored value is the score. */
export interface ScoreField extends FieldCommon {
  readonly kind: 'score';
  readonly options: readonly ScoreOption[];
}

/** Scalar kinds usable as grid columns and list-item fields. */
export type CellField =
  TextField | NumberField | DateField | BooleanField | SingleChoiceField | MultiChoiceField;

export interface SideGridRow {
  readonly id: string;
  readonly label: string;
  readonly visibleWhen?: Condition;
}

/** Left/right grid: one coded choice per row and side (motor, sensory, reflexes). */
export interface SideGridField extends FieldCommon {
  readonly kind: 'sideGrid';
  readonly rows: readonly SideGridRow[];
  readonly options: readonly ChoiceOption[];
}

/** Which rows of the level grid a column applies to. */
export type LevelApplicability = 'fused' | 'adjacent' | 'all';

export type LevelColumn = CellField & { readonly appliesTo: LevelApplicability };

/**
 * Rows are spinal segments: the construct's levels plus `margin` above and below (levels.ts), and
 * any other level that already holds data, so changing the construct never hides entered findings.
 */
export interface LevelGridField extends FieldCommon {
  readonly kind: 'levelGrid';
  readonly levelsField: string;
  readonly margin: number;
  readonly columns: readonly LevelColumn[];
}

/** Repeatable list; `requiredInItem` fields must be filled in every item. */
export interface ListField extends FieldCommon {
  readonly kind: 'list';
  readonly itemLabel: string;
  readonly maxItems: number;
  readonly itemFields: readonly (CellField & { readonly requiredInItem?: boolean })[];
}

/** Read-only; its value comes from the calculator registered under the same id (derived.ts). */
export interface ComputedField extends FieldCommon {
  readonly kind: 'computed';
  readonly formula: string;
  readonly unit?: string;
  readonly source: string;
}

export type FieldDefinition =
  CellField | ScoreField | SideGridField | LevelGridField | ListField | ComputedField;

export type FieldKind = FieldDefinition['kind'];

export interface SectionDefinition {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly fields: readonly FieldDefinition[];
}

export interface EvaluationSchema {
  readonly version: number;
  readonly sections: readonly SectionDefinition[];
}

/** A level-grid row as the renderer shows it. */
export interface LevelRow {
  readonly level: SegmentId;
  readonly fused: boolean;
  /** Not in construct ± margin but holds data, so it stays visible. */
  readonly extra: boolean;
}
