import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePhantom } from '../../electron/services/phantom/generate-phantom.ts';
import { FAILED_FUSION_PROTOCOL } from '../../shared/viewer/protocols.ts';
import type { ViewState } from '../../shared/viewer/view-state.ts';
import { importPaths, signedIn } from '../support/import.ts';
import type { TempBackend } from '../support/temp-backend.ts';
import { expectOk, tempBackend, tempDir } from '../support/temp-backend.ts';

// A 1×1 PNG (black pixel).
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==';

const view = (instanceId: number | null): ViewState => ({
  display: instanceId === null ? { kind: 'reformat', plane: 'sagittal' } : { kind: 'stack' },
  imageIndex: 5,
  instanceId,
  frame: 0,
  windowCenter: 400,
  windowWidth: 1800,
  scale: 1.2,
  translation: { x: 3, y: -4 },
  rotation: 90,
  hflip: true,
  vflip: false,
  invert: false,
});

/** An error result with this code, and a message matching `message` when given. */
function expectError(
  r: { ok: true } | { ok: false; error: { code: string; message: string } },
  code: string,
  message?: RegExp,
): void {
  expect(r.ok ? null : r.error.code).toBe(code);
  if (message) expect(r.ok ? '' : r.error.message).toMatch(message);
}

let b: TempBackend;
let caseId: number;
let ctSeries: number;
let ctInstance: number;
let mrInstance: number;
const phantom = tempDir('scr-phantom-');

beforeAll(async () => {
  const m = await generatePhantom({
    outDir: phantom.path,
    seed: 2,
    ctSlices: 10,
    ctMatrix: 32,
    include: ['ct', 'mr'],
  });
  b = tempBackend();
  await signedIn(b);
  caseId = expectOk(await b.call('cases.create', { title: 'Viewer case' })).id;
  await importPaths(b, [join(m.outDir, 'DICOM')], caseId);
  const c = expectOk(await b.call('viewer.caseSeries', { id: caseId }));
  ctSeries = c.series.find((s) => s.modality === 'CT')!.seriesId;
  ctInstance = expectOk(await b.call('viewer.seriesInstances', { seriesId: ctSeries })).instances[0]!
    .instanceId;
  const mr = c.series.find((s) => s.modality === 'MR')!.seriesId;
  mrInstance = expectOk(await b.call('viewer.seriesInstances', { seriesId: mr })).instances[0]!.instanceId;
}, 60_000);
afterAll(async () => {
  await b.dispose();
  phantom.dispose();
});

describe('viewer methods', () => {
  it('lists a case for the viewer and says when the case or series does not exist', async () => {
    const c = expectOk(await b.call('viewer.caseSeries', { id: caseId }));
    expect(c).toMatchObject({ caseId, title: 'Viewer case', archived: false });
    expect(c.series.map((s) => s.modality).sort()).toEqual(['CT', 'MR', 'MR']);
    expectError(await b.call('viewer.caseSeries', { id: 999 }), 'NOT_FOUND');
    expectError(await b.call('viewer.seriesInstances', { seriesId: 999 }), 'NOT_FOUND');
  });

  it('saves key images with their view and PNG, and writes the audit trail', async () => {
    const input = {
      caseId,
      seriesId: ctSeries,
      view: view(ctInstance),
      caption: ' Loose S1 screw ',
      png: PNG,
    };
    const k = expectOk(await b.call('viewer.createKeyImage', input));
    expect(k).toMatchObject({
      caption: 'Loose S1 screw',
      instanceId: ctInstance,
      hasPng: true,
      modality: 'CT',
      view: view(ctInstance),
    });
    const reformat = expectOk(
      await b.call('viewer.createKeyImage', { caseId, seriesId: ctSeries, view: view(null), caption: '' }),
    );
    expect(reformat).toMatchObject({ instanceId: null, hasPng: false, position: 1 });
    expect(expectOk(await b.call('viewer.keyImagePng', { id: k.id })).dataUrl).toBe(PNG);
    expect(expectOk(await b.call('viewer.keyImagePng', { id: reformat.id })).dataUrl).toBeNull();

    const list = expectOk(await b.call('viewer.reorderKeyImages', { caseId, ids: [reformat.id, k.id] }));
    expect(list.map((x) => x.id)).toEqual([reformat.id, k.id]);
    expectError(await b.call('viewer.reorderKeyImages', { caseId, ids: [k.id] }), 'CONFLICT');
    const updated = expectOk(
      await b.call('viewer.updateKeyImage', { id: reformat.id, caption: 'Sagittal: cleft', png: PNG }),
    );
    expect(updated).toMatchObject({ caption: 'Sagittal: cleft', hasPng: true });
    const left = expectOk(await b.call('viewer.deleteKeyImage', { id: k.id }));
    expect(left.map((x) => x.id)).toEqual([reformat.id]);

    const audit = expectOk(await b.call('cases.auditTrail', { id: caseId })).map((a) => a.action);
    for (const action of [
      'viewer.createKeyImage',
      'viewer.reorderKeyImages',
      'viewer.updateKeyImage',
      'viewer.deleteKeyImage',
    ])
      expect(audit).toContain(action);
  });

  it('refuses key images of foreign series or instances, non-PNG pictures, and archived cases', async () => {
    const other = expectOk(await b.call('cases.create', { title: 'Other case' })).id;
    const key = (extra: object) => ({ caseId, seriesId: ctSeries, view: view(null), caption: '', ...extra });
    expectError(await b.call('viewer.createKeyImage', key({ caseId: other })), 'NOT_FOUND');
    expectError(
      await b.call('viewer.createKeyImage', key({ view: view(mrInstance) })),
      'INVALID_INPUT',
      /not in series/,
    );
    const gif = 'data:image/png;base64,R0lGODlhAQABAAAAACw=';
    expectError(await b.call('viewer.createKeyImage', key({ png: gif })), 'INVALID_INPUT', /not a PNG/);
    expectError(
      await b.callRaw('viewer.createKeyImage', key({ view: { ...view(null), windowWidth: 0 } }), 'http'),
      'INVALID_INPUT',
    );
    expectOk(await b.call('cases.archive', { id: caseId }));
    expectError(await b.call('viewer.createKeyImage', key({})), 'READ_ONLY');
    expect(expectOk(await b.call('viewer.caseSeries', { id: caseId })).archived).toBe(true);
    expectOk(await b.call('cases.restore', { id: caseId }));
  });

  it('keeps layouts per user and validates the protocol data', async () => {
    const saved = expectOk(
      await b.call('viewer.saveLayout', {
        name: 'Standard, mine',
        protocol: FAILED_FUSION_PROTOCOL,
        makeDefault: true,
      }),
    );
    expect(saved).toMatchObject({
      name: 'Standard, mine',
      isDefault: true,
      protocol: { name: 'Standard, mine', layout: '2x2' },
    });
    expect(expectOk(await b.call('viewer.layouts', {}))).toHaveLength(1);
    const rules = [{ attribute: 'description', constraint: { matches: '(' } }];
    const bad = {
      ...FAILED_FUSION_PROTOCOL,
      viewports: [{ label: 'x', options: [{ display: { kind: 'stack' }, rules }] }],
    };
    expectError(
      await b.callRaw('viewer.saveLayout', { name: 'Broken', protocol: bad, makeDefault: false }, 'http'),
      'INVALID_INPUT',
      /regular expression/,
    );

    expectOk(await b.call('session.signIn', { name: 'Dr. Second', discipline: 'neurosurgery' }));
    expect(expectOk(await b.call('viewer.layouts', {}))).toEqual([]);
    expectError(await b.call('viewer.deleteLayout', { id: saved.id }), 'NOT_FOUND');
    expectError(await b.call('viewer.setDefaultLayout', { id: saved.id }), 'NOT_FOUND');
    await signedIn(b);
    expect(expectOk(await b.call('viewer.setDefaultLayout', { id: null }))[0]!.isDefault).toBe(false);
    expect(expectOk(await b.call('viewer.deleteLayout', { id: saved.id }))).toEqual([]);
    expectOk(await b.call('session.signOut', {}));
    expect(expectOk(await b.call('viewer.layouts', {}))).toEqual([]);
    expectError(
      await b.call('viewer.saveLayout', { name: 'x', protocol: FAILED_FUSION_PROTOCOL, makeDefault: false }),
      'NO_CURRENT_USER',
    );
    await signedIn(b);
  });
});
