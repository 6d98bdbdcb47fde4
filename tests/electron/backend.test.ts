import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract/methods.ts';
import type { TempBackend } from '../support/temp-backend.ts';
import { expectOk, tempBackend } from '../support/temp-backend.ts';

let b: TempBackend;
beforeEach(() => {
  b = tempBackend();
});
afterEach(() => b.dispose());

const signIn = async () =>
  expectOk(await b.call('session.signIn', { name: 'Dr. Ada Surgeon', discipline: 'spine-surgery' }));

describe('backend dispatch', () => {
  it('refuses unknown methods and invalid input with a readable message', async () => {
    expect(await b.callRaw('cases.drop', {}, 'http')).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'Unknown method "cases.drop".' },
    });
    // Reading a case needs a signed-in user (the read is audited); then the input is checked.
    expect(await b.callRaw('cases.get', { id: 1 }, 'http')).toMatchObject({
      ok: false,
      error: { code: 'NO_CURRENT_USER' },
    });
    await signIn();
    const bad = await b.callRaw('cases.get', { id: 'one' }, 'http');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_INPUT');
      expect(bad.error.message).toMatch(/^id: /);
    }
    const extra = await b.callRaw('session.currentUser', { sneaky: 1 }, 'http');
    expect(extra.ok).toBe(false);
  });

  it('has a handler for every contract method', async () => {
    for (const method of METHOD_NAMES) {
      const r = await b.callRaw(method, {}, 'http');
      if (!r.ok) expect(r.error.code, method).not.toBe('INTERNAL');
    }
  });

  it('needs a signed-in user before writing', async () => {
    const r = await b.call('cases.create', { title: 'Failed L5-S1 fusion' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NO_CURRENT_USER' } });
  });

  it('signs in, remembers the user, and switches users', async () => {
    const ada = await signIn();
    expect(expectOk(await b.call('session.currentUser', {}))).toEqual(ada);
    const rad = expectOk(
      await b.call('session.signIn', { name: 'Dr. Ray Diologist', discipline: 'radiology' }),
    );
    expect(expectOk(await b.call('session.currentUser', {}))).toEqual(rad);
    expect(expectOk(await b.call('session.knownUsers', {}))).toHaveLength(2);
    expect(
      expectOk(await b.call('session.signIn', { name: 'Dr. Ada Surgeon', discipline: 'spine-surgery' })).id,
    ).toBe(ada.id);
  });

  it('creates, updates, archives and restores a case, auditing each change with its author', async () => {
    await signIn();
    const created = expectOk(
      await b.call('cases.create', {
        title: '  Failed L4-S1 fusion  ',
        patient: { mrn: 'A-1', name: 'DOE^JANE' },
      }),
    );
    expect(created).toMatchObject({
      title: 'Failed L4-S1 fusion',
      status: 'draft',
      createdBy: 'Dr. Ada Surgeon',
    });
    expect(created.patient).toMatchObject({ mrn: 'A-1', name: 'DOE^JANE' });

    const updated = expectOk(
      await b.call('cases.update', { id: created.id, status: 'ready', title: 'Failed L4–S1 fusion' }),
    );
    expect(updated).toMatchObject({ status: 'ready', title: 'Failed L4–S1 fusion' });
    expect(updated.updatedAt > created.updatedAt).toBe(true);

    const archived = expectOk(await b.call('cases.archive', { id: created.id }));
    expect(archived.status).toBe('archived');
    expect(await b.call('cases.update', { id: created.id, title: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY' },
    });
    expect(expectOk(await b.call('cases.restore', { id: created.id })).status).toBe('ready');

    const trail = expectOk(await b.call('cases.auditTrail', { id: created.id }));
    expect(trail.map((e) => e.action)).toEqual([
      'case.restore',
      'case.archive',
      'case.update',
      'case.create',
    ]);
    expect(new Set(trail.map((e) => e.userName))).toEqual(new Set(['Dr. Ada Surgeon']));
  });

  it('writes the case and its audit row in one transaction', async () => {
    await signIn();
    b.ctx.db.exec(
      "CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
    );
    const r = await b.call('cases.create', { title: 'Never half-written' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(expectOk(await b.call('cases.list', { includeArchived: true }))).toEqual([]);
  });

  it('reports a missing case as NOT_FOUND', async () => {
    await signIn();
    expect(await b.call('cases.get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await b.call('cases.archive', { id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('validates patient identity and dates', async () => {
    await signIn();
    const r = await b.call('cases.create', { title: 'Case', patient: { mrn: ' ', birthDate: '1960-13-40' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('patient.mrn: Enter the medical record number');
      expect(r.error.message).toContain('patient.birthDate');
    }
  });

  it('never moves a decided case back without the audited reopen', async () => {
    await signIn();
    const c = expectOk(await b.call('cases.create', { title: 'Decided already' }));
    expectOk(await b.call('cases.update', { id: c.id, status: 'decided' }));
    expect(await b.call('cases.update', { id: c.id, status: 'ready' })).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY' },
    });
    expect(expectOk(await b.call('cases.update', { id: c.id, title: 'Decided, retitled' })).status).toBe(
      'decided',
    );
  });
});
