import { err, ok } from '../contract/result.ts';
import type { Result } from '../contract/result.ts';
import { evaluationDocumentSchema } from './document-schema.ts';
import { SCHEMA_VERSION } from './schema.ts';
import { UNIT_SPECS } from './units.ts';
import type { EvaluationDocument } from './values.ts';

type RawValues = Readonly<Record<string, unknown>>;

/**
 * One step from `from` to `from + 1`. Pure: returns new values, never mutates its input, and
 * never drops an answer silently (move it, or keep it under a new id with a note).
 */
export interface EvaluationMigration {
  readonly from: number;
  readonly description: string;
  migrate(values: RawValues): RawValues;
}

/**
 * v1 → v2: labs and body measures gained a unit choice (units.ts). Every v1 value was entered in
 * the one fixed unit the form then showed (the canonical unit), so that unit is written beside it.
 */
const recordUnits: EvaluationMigration = {
  from: 1,
  description: 'Record the unit of each lab value and of height and weight (the v1 fixed unit)',
  migrate(values) {
    const out: Record<string, unknown> = { ...values };
    for (const [fieldId, spec] of Object.entries(UNIT_SPECS)) {
      const v = values[fieldId];
      const hasValue = v !== undefined && v !== null && v !== '';
      if (hasValue && (values[spec.unitField] ?? null) === null) out[spec.unitField] = spec.options[0].code;
    }
    return out;
  },
};

/**
 * v2 → v3: registry items joined the form (PROM date and time point, the five EQ-5D-5L dimensions
 * and EQ-VAS, COMI, education). They are new questions, unanswered in every v2 document; no v2
 * answer moves or changes meaning, so the values pass through unchanged.
 */
const registryItems: EvaluationMigration = {
  from: 2,
  description:
    'Add the registry items (PROM date and time point, EQ-5D-5L dimensions and EQ-VAS, COMI, education), unanswered',
  migrate: (values) => ({ ...values }),
};

/**
 * Ordered, append-only list. To add a step: bump SCHEMA_VERSION in schema.ts, append
 * `{ from: n, description, migrate }` here and add a test with a stored version-n document.
 * Never edit a migration that has shipped.
 */
export const EVALUATION_MIGRATIONS: readonly EvaluationMigration[] = [recordUnits, registryItems];

export interface MigratedValues {
  readonly schemaVersion: number;
  readonly values: RawValues;
  /** Descriptions of the steps applied, oldest first. */
  readonly applied: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Runs the steps from the document's version up to `target`; shape is not checked here. */
export function applyMigrations(
  doc: unknown,
  migrations: readonly EvaluationMigration[],
  target: number,
): Result<MigratedValues> {
  if (!isRecord(doc) || !isRecord(doc.values)) {
    return err('INVALID_INPUT', 'Not an evaluation document (expected { schemaVersion, values }).');
  }
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return err('INVALID_INPUT', 'The evaluation has no valid schema version.');
  }
  if (version > target) {
    return err(
      'INVALID_INPUT',
      `This evaluation was saved by a newer version of the app (form version ${version}); this app reads up to version ${target}. Update the app to open it.`,
    );
  }
  let values: RawValues = doc.values;
  const applied: string[] = [];
  for (let v = version; v < target; v += 1) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return err('INVALID_INPUT', `No migration from evaluation form version ${v}.`);
    values = step.migrate(values);
    applied.push(step.description);
  }
  return ok({ schemaVersion: target, values, applied });
}

/** Brings a stored or received document to the current SCHEMA_VERSION and checks its shape. */
export function migrateEvaluation(doc: unknown): Result<EvaluationDocument> {
  const migrated = applyMigrations(doc, EVALUATION_MIGRATIONS, SCHEMA_VERSION);
  if (!migrated.ok) return migrated;
  const parsed = evaluationDocumentSchema.safeParse({
    schemaVersion: migrated.value.schemaVersion,
    values: migrated.value.values,
  });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? ` at ${first.path.join('.')}` : '';
    return err(
      'INVALID_INPUT',
      `The evaluation document is malformed${where}: ${first?.message ?? 'unknown problem'}.`,
    );
  }
  return ok(parsed.data);
}
