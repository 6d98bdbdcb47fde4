// Who may call what, and what the audit log keeps: enforced in dispatch and in the database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerIpc } from '../../electron/adapters/ipc-guard.ts';
import { APP_START_URL } from '../../electron/adapters/window-options.ts';
import { METHOD_NAMES, methods } from '../../shared/contract/methods.ts';
import type { TempBackend } from '../support/temp-backend.ts';
import { expectOk, tempBackend } from '../support/temp-backend.ts';
import { signedIn } from '../support/import.ts';

let b: TempBackend;
beforeEach(() => {
  b = tempBackend();
});
afterEach(async () => b.dispose());

const auditRows = () =>
  b.ctx.db.prepare('SELECT action, case_id AS caseId, detail FROM audit_log ORDER BY id').all() as {
    action: string;
    caseId: number | null;
    detail: string;
  }[];

describe('dispatch enforces the contract’s declarations', () => {
  it('refuses every needsUser method while nobody is signed in', async () => {
    for (const method of METHOD_NAMES.filter((m) => methods[m].needsUser)) {
      const r = await b.callRaw(method, {}, 'http');
      expect(r.ok ? 'ok' : r.error.code, method).toBe('NO_CURRENT_USER');
    }
  });

  it('records reads of patient data (case opened, images viewed), once per user and case in a window', async () => {
    await signedIn(b);
    const { id } = expectOk(await b.call('cases.create', { title: 'Audited', patient: { mrn: 'A-1' } }));
    expectOk(await b.call('cases.get', { id }));
    expectOk(await b.call('cases.get', { id }));
    expectOk(await b.call('viewer.caseSeries', { id }));
    expect(auditRows().map((r) => [r.action, r.caseId])).toEqual([
      ['case.create', id],
      ['case.opened', id],
      ['images.viewed', id],
    ]);
    for (const m of METHOD_NAMES) {
      const spec: { needsUser: boolean; readAudit?: unknown } = methods[m];
      if (spec.readAudit) expect(spec.needsUser, m).toBe(true);
    }
  });
});

describe('the audit log', () => {
  it('refuses UPDATE and DELETE, and outlives a deleted case', async () => {
    await signedIn(b);
    const { id } = expectOk(await b.call('cases.create', { title: 'To delete' }));
    expect(() => b.ctx.db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => b.ctx.db.prepare('UPDATE audit_log SET case_id = NULL').run()).toThrow(/append-only/);
    expect(() => b.ctx.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expectOk(await b.call('cases.delete', { id, confirmed: true }));
    expect(auditRows().map((r) => [r.action, r.caseId])).toEqual([
      ['case.create', null],
      ['case.delete', null],
    ]);
  });

  it('deleting a case forgets the patient’s name, MRN and birth date when nothing else refers to them', async () => {
    await signedIn(b);
    const patient = { mrn: 'MRN-77', name: 'Doe^Jane', birthDate: '1950-02-03' };
    const first = expectOk(await b.call('cases.create', { title: 'One', patient }));
    const second = expectOk(await b.call('cases.create', { title: 'Two', patient }));
    const count = () => (b.ctx.db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;
    expectOk(await b.call('cases.delete', { id: first.id, confirmed: true }));
    expect(count()).toBe(1);
    expectOk(await b.call('cases.delete', { id: second.id, confirmed: true }));
    expect(count()).toBe(0);
  });
});

describe('IPC', () => {
  it('refuses a message from anything but the app window with its own error code', async () => {
    const windowContents = {};
    const fromApp = { sender: windowContents, senderFrame: { url: APP_START_URL } };
    const foreign = [
      { sender: {}, senderFrame: { url: APP_START_URL } },
      { sender: windowContents, senderFrame: { url: 'https://evil.example/' } },
      { sender: windowContents, senderFrame: null },
    ];
    for (const event of foreign) {
      const r = await answerIpc(b, 'cases.list', event, {}, windowContents);
      expect(r).toMatchObject({ ok: false, error: { code: 'FOREIGN_SENDER' } });
    }
    expect((await answerIpc(b, 'cases.list', fromApp, {}, null)).ok).toBe(false);
    expect((await answerIpc(b, 'cases.list', fromApp, {}, windowContents)).ok).toBe(true);
  });

  it('imports only handles the main process issued, never a path string from the renderer', async () => {
    await signedIn(b);
    const windowContents = {};
    const event = { sender: windowContents, senderFrame: { url: APP_START_URL } };
    const byPath = await answerIpc(b, 'imports.start', event, { paths: ['/etc'] }, windowContents);
    expect(byPath).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const handle = b.ctx.sources.grant(b.dataDir);
    const byHandle = await answerIpc(b, 'imports.start', event, { paths: [handle] }, windowContents);
    expect(byHandle.ok).toBe(true);
  });
});
