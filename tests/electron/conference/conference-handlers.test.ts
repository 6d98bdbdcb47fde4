import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lumbarCase } from '../../shared/evaluation/fixtures.ts';
import type { TempBackend } from '../../support/temp-backend.ts';
import { expectOk, tempBackend } from '../../support/temp-backend.ts';
import { SCHEMA_VERSION } from '../../../shared/evaluation/schema.ts';

let b: TempBackend;
beforeEach(() => {
  b = tempBackend();
});
afterEach(() => b.dispose());

async function setUp(): Promise<{ conferenceId: number; cases: number[] }> {
  expectOk(await b.call('session.signIn', { name: 'Dr Ada', discipline: 'spine-surgery' }));
  const cases: number[] = [];
  for (const title of ['First case', 'Second case', 'Third case']) {
    const id = expectOk(await b.call('cases.create', { title, patient: { mrn: `M-${cases.length}` } })).id;
    expectOk(
      await b.call('evaluation.save', {
        caseId: id,
        baseVersion: 0,
        document: { schemaVersion: SCHEMA_VERSION, values: lumbarCase({ 'health.smoking': 'current' }) },
      }),
    );
    cases.push(id);
  }
  const conferenceId = expectOk(
    await b.call('conference.create', { title: 'Spine MDT', date: '2026-01-05' }),
  ).id;
  for (const id of cases) expectOk(await b.call('conference.addCase', { conferenceId, caseId: id }));
  return { conferenceId, cases };
}

const decide = (caseId: number, conferenceId: number, recommendation = 'nonOperative') =>
  b.call('decision.record', {
    caseId,
    conferenceId,
    recommendation,
    nonOperativePlan: ['physicalTherapy'],
    rationale: 'No revision target on imaging.',
    votes: [
      { name: 'Dr Ada', discipline: 'spine-surgery', vote: 'agree', note: '' },
      { name: 'Dr Ray', discipline: 'radiology', vote: 'dissent', note: 'Would obtain SPECT-CT first.' },
    ],
    actions: [{ action: 'Physiotherapy referral', owner: 'GP', due: '2026-02-01' }],
  });

describe('conference handlers', () => {
  it('keeps an ordered agenda with readiness, refuses duplicates and stale orders', async () => {
    const { conferenceId, cases } = await setUp();
    const [a, c2, c3] = cases as [number, number, number];
    const detail = expectOk(await b.call('conference.get', { conferenceId }));
    expect(detail.agenda.map((x) => x.caseId)).toEqual([a, c2, c3]);
    expect(detail.agenda[0]?.readiness).toMatchObject({
      form: { complete: true },
      keyImages: 0,
      ready: false,
      missing: ['No key images', 'No measurements'],
    });
    const again = await b.call('conference.addCase', { conferenceId, caseId: a });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const moved = expectOk(await b.call('conference.reorderAgenda', { conferenceId, caseIds: [c3, a, c2] }));
    expect(moved.map((x) => x.caseId)).toEqual([c3, a, c2]);
    const stale = await b.call('conference.reorderAgenda', { conferenceId, caseIds: [a, c2] });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const removed = expectOk(await b.call('conference.removeCase', { conferenceId, caseId: a }));
    expect(removed.map((x) => x.caseId)).toEqual([c3, c2]);
    expect(expectOk(await b.call('cases.auditTrail', { id: a })).map((e) => e.action)).toEqual(
      expect.arrayContaining(['conference.addCase', 'conference.removeCase']),
    );

    expectOk(
      await b.call('conference.addAttendee', { conferenceId, name: 'Dr Ray', discipline: 'radiology' }),
    );
    const dup = await b.call('conference.addAttendee', { conferenceId, name: 'dr ray', discipline: 'other' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const list = expectOk(await b.call('conference.list', {}));
    expect(list[0]).toMatchObject({ id: conferenceId, caseCount: 2, attendeeCount: 1 });
  });

  it('records a decision: evaluation decision section, decided and read-only, audited; reopen and decide again', async () => {
    const { conferenceId, cases } = await setUp();
    const caseId = cases[0]!;
    const d = expectOk(await decide(caseId, conferenceId));
    expect(d).toMatchObject({ recommendation: 'nonOperative', conferenceId, decidedBy: 'Dr Ada' });
    expect(d.votes[1]).toEqual({
      name: 'Dr Ray',
      discipline: 'radiology',
      vote: 'dissent',
      note: 'Would obtain SPECT-CT first.',
    });

    const ev = expectOk(await b.call('evaluation.get', { caseId }));
    expect(ev).toMatchObject({ caseStatus: 'decided', readOnly: true });
    expect(ev.document.values).toMatchObject({
      'decision.recommendation': 'nonOperative',
      'decision.nonOperativePlan': ['physicalTherapy'],
      'decision.rationale': 'No revision target on imaging.',
      'decision.plannedProcedure': null,
    });
    expect(ev.document.values['decision.actions']).toMatchObject([
      { values: { action: 'Physiotherapy referral', owner: 'GP', due: '2026-02-01', done: false } },
    ]);
    // The form's record-stage requirements for the decision section are met.
    expect(ev.completeness.missing).toEqual([]);

    const twice = await decide(caseId, conferenceId, 'refer');
    expect(twice).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });

    expectOk(await b.call('session.signIn', { name: 'Dr Ray', discipline: 'radiology' }));
    expectOk(
      await b.call('evaluation.reopen', {
        caseId,
        to: 'presented',
        reason: 'SPECT-CT shows uptake at L5–S1',
      }),
    );
    const second = expectOk(
      await b.call('decision.record', {
        caseId,
        conferenceId,
        recommendation: 'proceed',
        plannedProcedure: 'L5–S1 ALIF',
        rationale: 'Active pseudarthrosis on SPECT-CT.',
      }),
    );
    expect(second.decidedBy).toBe('Dr Ray');
    const history = expectOk(await b.call('decision.history', { caseId }));
    expect(history.map((h) => h.recommendation)).toEqual(['proceed', 'nonOperative']);

    const trail = expectOk(await b.call('cases.auditTrail', { id: caseId }));
    const records = trail.filter((e) => e.action === 'decision.record');
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ userName: 'Dr Ray' });
    expect(JSON.parse(records[0]!.detail)).toMatchObject({
      recommendation: 'proceed',
      previousRecommendation: 'nonOperative',
      previousDecisionId: d.id,
      dissents: 0,
    });
    expect(trail.map((e) => e.action)).toContain('case.reopen');
    // Names and notes of the room stay out of the log.
    expect(JSON.stringify(trail)).not.toContain('SPECT-CT first');
  });

  it('refuses a decision that the form would not accept, and one for a case not on the agenda', async () => {
    const { conferenceId, cases } = await setUp();
    const noPlan = await b.call('decision.record', {
      caseId: cases[0]!,
      recommendation: 'modified',
      plannedProcedure: 'L4–S1 revision',
      rationale: 'Loose screw.',
    });
    expect(noPlan).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!noPlan.ok && noPlan.error.message).toContain('How the plan is modified');
    expect(expectOk(await b.call('cases.get', { id: cases[0]! })).status).toBe('draft');

    const other = expectOk(await b.call('conference.create', { title: 'Other MDT', date: '2026-01-12' })).id;
    const wrong = await decide(cases[0]!, other);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const bad = await b.call('decision.record', {
      caseId: cases[0]!,
      recommendation: 'operate',
      rationale: 'x y z',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(conferenceId).toBeGreaterThan(0);
  });

  it('presents the agenda with summaries and decisions', async () => {
    const { conferenceId, cases } = await setUp();
    expectOk(await decide(cases[1]!, conferenceId));
    const p = expectOk(await b.call('conference.presentation', { conferenceId }));
    expect(p.items.map((i) => i.caseId)).toEqual(cases);
    expect(p.items[0]?.summary.lines.map((l) => l.label)).toEqual([
      'Index surgery',
      'Symptoms',
      'Timing',
      'Key exam findings',
      'ODI / NRS',
    ]);
    expect(p.items[1]?.decision?.recommendation).toBe('nonOperative');
    expect(p.items[1]?.status).toBe('decided');
  });
});
