import { describe, expect, it } from 'vitest';
import { emptyEvaluation, evaluationDocumentSchema } from '../../../shared/evaluation/document-schema.ts';
import {
  applyMigrations,
  EVALUATION_MIGRATIONS,
  migrateEvaluation,
} from '../../../shared/evaluation/migrate.ts';
import type { EvaluationMigration } from '../../../shared/evaluation/migrate.ts';
import { SCHEMA_VERSION } from '../../../shared/evaluation/schema.ts';
import { cervicalCase, lumbarCase } from './fixtures.ts';

const doc = (values: Record<string, unknown>) => ({ schemaVersion: SCHEMA_VERSION, values });

describe('evaluationDocumentSchema (the IPC/HTTP shape)', () => {
  it('accepts the examples, an empty document, and drafts with invalid raw input', () => {
    expect(evaluationDocumentSchema.safeParse(doc(lumbarCase())).success).toBe(true);
    expect(evaluationDocumentSchema.safeParse(doc(cervicalCase())).success).toBe(true);
    expect(evaluationDocumentSchema.safeParse(emptyEvaluation()).success).toBe(true);
    // Shape only: a typo in a number field must still save so it can be reported, not lost.
    expect(
      evaluationDocumentSchema.safeParse(doc({ 'health.weightKg': '8O', 'health.hba1c': 99 })).success,
    ).toBe(true);
    expect(evaluationDocumentSchema.safeParse(doc({ 'health.weightKg': null })).success).toBe(true);
  });

  it('rejects unknown fields, computed fields, wrong types and a wrong version', () => {
    const fails = (d: unknown) => evaluationDocumentSchema.safeParse(d).success === false;
    expect(fails(doc({ 'health.shoeSize': 44 }))).toBe(true);
    expect(fails(doc({ 'health.bmi': 30 }))).toBe(true);
    expect(fails(doc({ 'health.opioids': 'yes' }))).toBe(true);
    expect(fails(doc({ 'history.levelsFused': 'L4-L5' }))).toBe(true);
    expect(fails(doc({ 'prom.odi1': 2.5 }))).toBe(true);
    expect(fails({ schemaVersion: SCHEMA_VERSION + 1, values: {} })).toBe(true);
    expect(fails({ schemaVersion: SCHEMA_VERSION - 1, values: {} })).toBe(true);
    expect(fails({ values: {} })).toBe(true);
    expect(fails({ ...emptyEvaluation(), extra: 1 })).toBe(true);
  });

  it('checks the structure of grids and lists', () => {
    const fails = (values: Record<string, unknown>) =>
      evaluationDocumentSchema.safeParse(doc(values)).success === false;
    expect(fails({ 'exam.motor': { L4: { left: '5', middle: '5' } } })).toBe(true);
    expect(fails({ 'exam.motor': { Z9: { left: '5' } } })).toBe(true);
    expect(fails({ 'imaging.levels': { 'L9-L10': { bridwell: 'I' } } })).toBe(true);
    expect(fails({ 'imaging.levels': { 'L4-L5': { colour: 'red' } } })).toBe(true);
    expect(fails({ 'alternatives.treatments': [{ values: { treatment: 'medication' } }] })).toBe(true);
    expect(fails({ 'alternatives.treatments': [{ id: 'a', values: { treatment: 'medication' } }] })).toBe(
      false,
    );
  });
});

describe('migrateEvaluation', () => {
  it('passes a current document through unchanged', () => {
    const result = migrateEvaluation(doc(lumbarCase()));
    expect(result).toEqual({ ok: true, value: doc(lumbarCase()) });
  });

  it('v2 → v3 adds the registry items unanswered and leaves every v2 answer as it was', () => {
    const v2 = {
      schemaVersion: 2,
      values: { ...lumbarCase(), 'prom.eq5dIndex': 0.61, 'history.workStatus': 'offWorkSpine' },
    };
    const frozen = JSON.stringify(v2);
    const steps = applyMigrations(v2, EVALUATION_MIGRATIONS, 3);
    expect(steps.ok && steps.value.applied).toEqual([
      'Add the registry items (PROM date and time point, EQ-5D-5L dimensions and EQ-VAS, COMI, education), unanswered',
    ]);
    expect(migrateEvaluation(v2)).toEqual({ ok: true, value: { schemaVersion: 3, values: v2.values } });
    expect(JSON.stringify(v2)).toBe(frozen);
    // A v3 answer to a new item is a valid v3 document, and one a v2 reader would have refused.
    const v3 = doc({ 'prom.eq5dMobility': 3, 'prom.eq5dVas': 55, 'history.education': 'tertiary' });
    expect(migrateEvaluation(v3)).toEqual({ ok: true, value: v3 });
  });

  it('v1 → v2 writes the unit every v1 lab value was entered in, and changes no value', () => {
    const v1 = {
      schemaVersion: 1,
      values: {
        'labs.crp': 25,
        'labs.vitaminD': 18,
        'health.heightCm': 164,
        'health.weightKg': 72,
        'labs.hb': null,
      },
    };
    const result = migrateEvaluation(v1);
    expect(result).toEqual({
      ok: true,
      value: {
        schemaVersion: SCHEMA_VERSION,
        values: {
          ...v1.values,
          'labs.crpUnit': 'mg/L',
          'labs.vitaminDUnit': 'ng/mL',
          'health.heightUnit': 'cm',
          'health.weightUnit': 'kg',
        },
      },
    });
    expect(v1.values).not.toHaveProperty('labs.crpUnit');
  });

  it('refuses a document from a newer app, with a message the UI can show', () => {
    const result = migrateEvaluation({ schemaVersion: SCHEMA_VERSION + 1, values: {} });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `This evaluation was saved by a newer version of the app (form version ${SCHEMA_VERSION + 1}); this app reads up to version ${SCHEMA_VERSION}. Update the app to open it.`,
      },
    });
  });

  it('refuses malformed documents and names where', () => {
    expect(migrateEvaluation('{}').ok).toBe(false);
    expect(migrateEvaluation({ schemaVersion: 'one', values: {} }).ok).toBe(false);
    const bad = migrateEvaluation(doc({ 'health.opioids': 'yes' }));
    expect(bad.ok === false && bad.error.message).toMatch(
      /^The evaluation document is malformed at values\.health\.opioids/,
    );
  });

  it('has an ordered, gap-free list of steps ending at the current version', () => {
    EVALUATION_MIGRATIONS.forEach((m, i) =>
      expect(m.from).toBe(i + SCHEMA_VERSION - EVALUATION_MIGRATIONS.length),
    );
    expect(SCHEMA_VERSION - EVALUATION_MIGRATIONS.length).toBe(1);
  });

  it('applies steps in order without mutating the input (fake v0 → v1 → v2)', () => {
    const steps: EvaluationMigration[] = [
      {
        from: 0,
        description: 'v0 stored weight in grams',
        migrate: ({ weightGrams, ...rest }) => ({ ...rest, 'health.weightKg': Number(weightGrams) / 1000 }),
      },
      {
        from: 1,
        description: 'v1 renamed smoking',
        migrate: ({ 'health.smoking': smoking, ...rest }) => ({ ...rest, 'health.tobacco': smoking }),
      },
    ];
    const v0 = { schemaVersion: 0, values: { weightGrams: 81500, 'health.smoking': 'never' } };
    const frozen = JSON.stringify(v0);
    expect(applyMigrations(v0, steps, 2)).toEqual({
      ok: true,
      value: {
        schemaVersion: 2,
        values: { 'health.weightKg': 81.5, 'health.tobacco': 'never' },
        applied: ['v0 stored weight in grams', 'v1 renamed smoking'],
      },
    });
    expect(JSON.stringify(v0)).toBe(frozen);
    expect(applyMigrations(v0, steps.slice(1), 2)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'No migration from evaluation form version 0.' },
    });
  });
});
