import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshCaseSearch } from '../../db/case-search.ts';
import { insertCase, listCases, updateCaseRow } from '../../db/cases.ts';
import { upsertPatient } from '../../db/patients.ts';
import { upsertUser } from '../../db/users.ts';
import type { TempBackend } from '../support/temp-backend.ts';
import { tempBackend } from '../support/temp-backend.ts';

let b: TempBackend;
beforeEach(() => {
  b = tempBackend();
});
afterEach(() => b.dispose());

function seed(): void {
  const at = '2026-01-01T00:00:00Z';
  const user = upsertUser(b.ctx.db, 'Dr A', 'radiology', at);
  const p1 = upsertPatient(b.ctx.db, { mrn: 'MRN-100', name: 'SMITH^ANNA' }, at);
  const p2 = upsertPatient(b.ctx.db, { mrn: 'MRN-200', name: 'JONES^BOB' }, at);
  insertCase(b.ctx.db, {
    title: 'L4-S1 pseudarthrosis',
    clinicalQuestion: '',
    patientId: p1.id,
    createdBy: user.id,
    at,
  });
  insertCase(b.ctx.db, {
    title: 'Adjacent segment 50% slip',
    clinicalQuestion: 'L3-L4?',
    patientId: p2.id,
    createdBy: user.id,
    at,
  });
  const id = insertCase(b.ctx.db, {
    title: 'Old case',
    clinicalQuestion: '',
    patientId: null,
    createdBy: user.id,
    at,
  });
  updateCaseRow(b.ctx.db, id, { status: 'archived' }, at);
  for (const caseId of [1, 2, 3]) refreshCaseSearch(b.ctx.db, caseId);
}

describe('case repository', () => {
  it('searches title, question, MRN and patient name, all terms must match', () => {
    seed();
    const titles = (query: string) => listCases(b.ctx.db, { query }).map((c) => c.title);
    expect(titles('pseudarthrosis')).toEqual(['L4-S1 pseudarthrosis']);
    expect(titles('mrn-200')).toEqual(['Adjacent segment 50% slip']);
    expect(titles('smith')).toEqual(['L4-S1 pseudarthrosis']);
    expect(titles('L3-L4')).toEqual(['Adjacent segment 50% slip']);
    expect(titles('smith slip')).toEqual([]);
  });

  it('filters by the day of the last change, inclusive', () => {
    seed();
    expect(listCases(b.ctx.db, { updatedFrom: '2026-01-01', updatedTo: '2026-01-01' })).toHaveLength(2);
    expect(listCases(b.ctx.db, { updatedFrom: '2026-01-02' })).toHaveLength(0);
    expect(listCases(b.ctx.db, { updatedTo: '2025-12-31' })).toHaveLength(0);
  });

  it('treats % and _ literally', () => {
    seed();
    expect(listCases(b.ctx.db, { query: '50%' }).map((c) => c.title)).toEqual(['Adjacent segment 50% slip']);
    expect(listCases(b.ctx.db, { query: '%' })).toHaveLength(1);
    expect(listCases(b.ctx.db, { query: '_' })).toHaveLength(0);
  });

  it('hides archived cases unless asked', () => {
    seed();
    expect(listCases(b.ctx.db, {})).toHaveLength(2);
    expect(listCases(b.ctx.db, { includeArchived: true })).toHaveLength(3);
    expect(listCases(b.ctx.db, { status: 'archived' }).map((c) => c.title)).toEqual(['Old case']);
  });

  it('keeps stored patient details when a later upsert leaves them out', () => {
    const at = '2026-01-01T00:00:00Z';
    upsertPatient(b.ctx.db, { mrn: 'X1', name: 'DOE^JANE', sex: 'F', birthDate: '1960-02-03' }, at);
    const again = upsertPatient(b.ctx.db, { mrn: 'X1' }, at);
    expect(again).toMatchObject({ name: 'DOE^JANE', sex: 'F', birthDate: '1960-02-03' });
  });
});
