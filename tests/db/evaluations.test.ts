import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteCaseRow, insertCase } from '../../db/cases.ts';
import {
  findEvaluation,
  findEvaluationVersion,
  insertEvaluationVersion,
  listEvaluationVersions,
  listEvaluations,
} from '../../db/evaluations.ts';
import { upsertUser } from '../../db/users.ts';
import type { TempBackend } from '../support/temp-backend.ts';
import { tempBackend } from '../support/temp-backend.ts';

let b: TempBackend;
beforeEach(() => {
  b = tempBackend();
});
afterEach(() => b.dispose());

const at = (n: number) => `2026-01-0${n}T10:00:00.000Z`;

function seed() {
  const ada = upsertUser(b.ctx.db, 'Dr Ada', 'spine-surgery', at(1));
  const ray = upsertUser(b.ctx.db, 'Dr Ray', 'radiology', at(1));
  const caseId = insertCase(b.ctx.db, {
    title: 'Failed L4-S1 fusion',
    clinicalQuestion: '',
    patientId: null,
    createdBy: ada.id,
    at: at(1),
  });
  return { ada, ray, caseId };
}

const doc = (values: Record<string, unknown>) => JSON.stringify({ schemaVersion: 1, values });

describe('evaluation repository', () => {
  it('keeps every version and makes the newest the current document', () => {
    const { ada, ray, caseId } = seed();
    insertEvaluationVersion(b.ctx.db, {
      caseId,
      version: 1,
      schemaVersion: 1,
      document: doc({ 'health.weightKg': 80 }),
      authorId: ada.id,
      savedAt: at(2),
      changedFields: ['health.weightKg'],
    });
    insertEvaluationVersion(b.ctx.db, {
      caseId,
      version: 2,
      schemaVersion: 1,
      document: doc({ 'health.weightKg': 82 }),
      authorId: ray.id,
      savedAt: at(3),
      changedFields: ['health.weightKg'],
    });
    expect(findEvaluation(b.ctx.db, caseId)).toMatchObject({
      version: 2,
      authorName: 'Dr Ray',
      authorDiscipline: 'radiology',
      savedAt: at(3),
    });
    expect(JSON.parse(findEvaluation(b.ctx.db, caseId)!.document)).toEqual({
      schemaVersion: 1,
      values: { 'health.weightKg': 82 },
    });
    expect(listEvaluationVersions(b.ctx.db, caseId).map((v) => [v.version, v.authorName])).toEqual([
      [2, 'Dr Ray'],
      [1, 'Dr Ada'],
    ]);
    expect(
      (JSON.parse(findEvaluationVersion(b.ctx.db, caseId, 1)!.document) as { values: unknown }).values,
    ).toEqual({
      'health.weightKg': 80,
    });
    expect(findEvaluationVersion(b.ctx.db, caseId, 3)).toBeNull();
    expect(listEvaluations(b.ctx.db).map((e) => e.caseId)).toEqual([caseId]);
    expect(listEvaluations(b.ctx.db, [caseId + 1])).toEqual([]);
  });

  it('refuses a second writer of the same version number and non-JSON documents', () => {
    const { ada, caseId } = seed();
    const v = {
      caseId,
      version: 1,
      schemaVersion: 1,
      document: doc({}),
      authorId: ada.id,
      savedAt: at(2),
      changedFields: [],
    };
    insertEvaluationVersion(b.ctx.db, v);
    expect(() => insertEvaluationVersion(b.ctx.db, v)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insertEvaluationVersion(b.ctx.db, { ...v, version: 2, document: '{not json' })).toThrow(
      /CHECK constraint/,
    );
  });

  it('STRICT tables, and deleting the case deletes its evaluation and versions', () => {
    const { ada, caseId } = seed();
    const strict = b.ctx.db
      .prepare<[], { name: string; strict: number }>('PRAGMA table_list')
      .all()
      .filter((t) => t.name.startsWith('evaluation'));
    expect(strict.map((t) => [t.name, t.strict]).sort()).toEqual([
      ['evaluation_versions', 1],
      ['evaluations', 1],
    ]);
    insertEvaluationVersion(b.ctx.db, {
      caseId,
      version: 1,
      schemaVersion: 1,
      document: doc({}),
      authorId: ada.id,
      savedAt: at(2),
      changedFields: [],
    });
    deleteCaseRow(b.ctx.db, caseId);
    expect(findEvaluation(b.ctx.db, caseId)).toBeNull();
    expect(listEvaluationVersions(b.ctx.db, caseId)).toEqual([]);
  });
});
