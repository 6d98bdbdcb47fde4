import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditForCase } from '../../db/audit.ts';
import type { EvaluationValues } from '../../shared/evaluation/index.ts';
import { lumbarCase } from '../shared/evaluation/fixtures.ts';
import type { TempBackend } from '../support/temp-backend.ts';
import { expectOk, tempBackend } from '../support/temp-backend.ts';
import { SCHEMA_VERSION } from '../../shared/evaluation/schema.ts';

let b: TempBackend;
beforeEach(() => {
  b = tempBackend();
});
afterEach(() => b.dispose());

const signIn = async (name = 'Dr Ada', discipline: 'spine-surgery' | 'radiology' = 'spine-surgery') =>
  expectOk(await b.call('session.signIn', { name, discipline }));

async function newCase(): Promise<number> {
  await signIn();
  return expectOk(await b.call('cases.create', { title: 'Failed L4-S1 fusion', patient: { mrn: 'M-1' } })).id;
}

const save = (caseId: number, baseVersion: number, values: EvaluationValues) =>
  b.call('evaluation.save', { caseId, baseVersion, document: { schemaVersion: SCHEMA_VERSION, values } });

describe('evaluation handlers', () => {
  it('starts empty, then keeps every save as a version with its author, audited', async () => {
    const caseId = await newCase();
    const empty = expectOk(await b.call('evaluation.get', { caseId }));
    expect(empty).toMatchObject({ version: 0, savedBy: null, readOnly: false, caseStatus: 'draft' });
    expect(empty.document.values).toEqual({});
    expect(empty.completeness.complete).toBe(false);

    const v1 = expectOk(await save(caseId, 0, { 'health.heightCm': 175, 'health.weightKg': 100 }));
    expect(v1).toMatchObject({ version: 1, savedBy: { name: 'Dr Ada', discipline: 'spine-surgery' } });
    expect(v1.changedFieldIds).toEqual(['health.heightCm', 'health.weightKg']);
    await signIn('Dr Ray', 'radiology');
    const v2 = expectOk(await save(caseId, 1, { 'health.heightCm': 175, 'health.weightKg': 82 }));
    expect(v2).toMatchObject({ version: 2, changedFieldIds: ['health.weightKg'] });

    const got = expectOk(await b.call('evaluation.get', { caseId }));
    expect(got).toMatchObject({ version: 2, savedBy: { name: 'Dr Ray' }, savedAt: v2.savedAt });
    expect(got.derived['health.bmi']).toMatchObject({ available: true, text: '26.8 kg/m²' });

    const history = expectOk(await b.call('evaluation.history', { caseId }));
    expect(history.map((h) => [h.version, h.author.name, h.changedFieldIds])).toEqual([
      [2, 'Dr Ray', ['health.weightKg']],
      [1, 'Dr Ada', ['health.heightCm', 'health.weightKg']],
    ]);
    const old = expectOk(await b.call('evaluation.version', { caseId, version: 1 }));
    expect(old.document.values['health.weightKg']).toBe(100);
    expect(await b.call('evaluation.version', { caseId, version: 9 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    const audit = auditForCase(b.ctx.db, caseId).filter((a) => a.action === 'evaluation.save');
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.detail)).toEqual({ version: 2, changed: ['health.weightKg'] });
    // The audit trail names fields, never their values.
    expect(audit[0]!.detail).not.toContain('82');
  });

  it('answers CONFLICT when another save landed since the version being edited', async () => {
    const caseId = await newCase();
    expectOk(await save(caseId, 0, { 'prom.nrsBack': 7 }));
    expectOk(await save(caseId, 1, { 'prom.nrsBack': 6 }));
    await signIn('Dr Ray', 'radiology');
    const stale = await save(caseId, 1, { 'prom.nrsBack': 5 });
    expect(stale.ok).toBe(false);
    if (!stale.ok) {
      expect(stale.error.code).toBe('CONFLICT');
      expect(stale.error.message).toContain('Dr Ada (Spine surgery) saved a newer version');
      expect(stale.error.message).toContain('version 2');
    }
    expect(expectOk(await b.call('evaluation.get', { caseId })).document.values['prom.nrsBack']).toBe(6);
    expect(await save(caseId, 0, { 'prom.nrsBack': 5 })).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('keeps invalid field values and reports them; rejects a malformed document', async () => {
    const caseId = await newCase();
    expectOk(await save(caseId, 0, { 'health.weightKg': '8O', 'prom.nrsBack': 14 }));
    const got = expectOk(await b.call('evaluation.get', { caseId }));
    expect(got.document.values).toEqual({ 'health.weightKg': '8O', 'prom.nrsBack': 14 });
    expect(got.validation.map((m) => m.fieldId).sort()).toEqual(['health.weightKg', 'prom.nrsBack']);

    for (const values of [{ 'no.suchField': 1 }, { 'health.bmi': 25 }, { 'health.weightKg': { kg: 80 } }]) {
      const r = await save(caseId, 1, values as EvaluationValues);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(
      await b.call('evaluation.save', {
        caseId,
        baseVersion: 1,
        document: { schemaVersion: 99 as 1, values: {} },
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('does not add a version when nothing changed', async () => {
    const caseId = await newCase();
    expectOk(await save(caseId, 0, { 'prom.nrsBack': 7 }));
    const again = expectOk(await save(caseId, 1, { 'prom.nrsBack': 7, 'prom.nrsLeg': null }));
    expect(again).toMatchObject({ version: 1, changedFieldIds: [] });
    expect(expectOk(await b.call('evaluation.history', { caseId }))).toHaveLength(1);
  });

  it('a decided case is read-only until reopened with a reason, which is audited', async () => {
    const caseId = await newCase();
    expectOk(await save(caseId, 0, lumbarCase()));
    expectOk(await b.call('cases.update', { id: caseId, status: 'decided' }));
    expect(expectOk(await b.call('evaluation.get', { caseId })).readOnly).toBe(true);
    const refused = await save(caseId, 1, lumbarCase({ 'prom.nrsBack': 3 }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/decided.*Reopen/);

    expect(await b.call('evaluation.reopen', { caseId, to: 'presented', reason: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const reopened = expectOk(
      await b.call('evaluation.reopen', { caseId, to: 'presented', reason: 'New CT shows L5-S1 non-union' }),
    );
    expect(reopened.status).toBe('presented');
    const audit = auditForCase(b.ctx.db, caseId).find((a) => a.action === 'case.reopen');
    expect(audit?.userName).toBe('Dr Ada');
    expect(JSON.parse(audit!.detail)).toEqual({
      from: 'decided',
      to: 'presented',
      reason: 'New CT shows L5-S1 non-union',
    });
    expectOk(await save(caseId, 1, lumbarCase({ 'prom.nrsBack': 3 })));
    expect(await b.call('evaluation.reopen', { caseId, to: 'ready', reason: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('an archived case is read-only too; saving needs a signed-in user', async () => {
    const caseId = await newCase();
    expectOk(await b.call('cases.archive', { id: caseId }));
    expect(await save(caseId, 0, {})).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expectOk(await b.call('session.signOut', {}));
    expect(await save(caseId, 0, {})).toMatchObject({ ok: false, error: { code: 'NO_CURRENT_USER' } });
    // Reading an evaluation is audited, so it needs a signed-in user too.
    expect(await b.call('evaluation.get', { caseId }).then((r) => r.ok || r.error.code)).toBe(
      'NO_CURRENT_USER',
    );
    expectOk(await b.call('session.signIn', { name: 'Dr. Ada Surgeon', discipline: 'spine-surgery' }));
    expect(await b.call('evaluation.get', { caseId: 999 })).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('exports JSON, CSV and FHIR for chosen or all cases, and audits the export', async () => {
    const caseId = await newCase();
    expectOk(await save(caseId, 0, lumbarCase({ 'health.smoking': 'current' })));
    const other = expectOk(await b.call('cases.create', { title: 'Second case' })).id;

    const json = expectOk(await b.call('evaluation.export', { format: 'json' }));
    expect(json.caseCount).toBe(1);
    const parsed = JSON.parse(json.files[0]!.content) as {
      cases: { case: { id: number; mrn: string }; derived: Record<string, { value?: unknown }> }[];
    };
    expect(parsed.cases[0]!.case).toMatchObject({ id: caseId, mrn: 'M-1' });
    expect(parsed.cases[0]!.derived['health.bmi']!.value).toBeCloseTo(26.12, 2);

    const csv = expectOk(await b.call('evaluation.export', { format: 'csv', caseIds: [caseId] }));
    expect(csv.files.map((f) => f.name)).toEqual([
      expect.stringMatching(/^evaluations-\d{4}-\d{2}-\d{2}\.csv$/),
      expect.stringMatching(/\.imaging\.levels\.csv$/),
      expect.stringMatching(/\.imaging\.screws\.csv$/),
      expect.stringMatching(/\.alternatives\.treatments\.csv$/),
      expect.stringMatching(/\.decision\.actions\.csv$/),
      expect.stringMatching(/\.data-dictionary\.csv$/),
    ]);
    expect(csv.files[0]!.content.split('\r\n')[1]).toMatch(
      new RegExp(`^${caseId},Failed L4-S1 fusion,draft,M-1,1,`),
    );

    const fhir = expectOk(await b.call('evaluation.export', { format: 'fhir', caseIds: [caseId, other] }));
    const bundle = JSON.parse(fhir.files[0]!.content) as { entry: { resource: { resourceType: string } }[] };
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual([
      'Questionnaire',
      'QuestionnaireResponse',
    ]);
    expect(await b.call('evaluation.export', { format: 'json', caseIds: [999] })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    const exports = auditForCase(b.ctx.db, caseId).filter((a) => a.action === 'evaluation.export');
    expect(exports.map((a) => JSON.parse(a.detail) as { format: string }).map((d) => d.format)).toEqual([
      'fhir',
      'csv',
      'json',
    ]);
  });
});
