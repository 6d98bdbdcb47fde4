import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate.ts';
import { MIGRATIONS } from '../../db/migrations/index.ts';
import { upsertUser } from '../../db/users.ts';
import { insertKeyImage, listKeyImages, reorderKeyImages } from '../../db/key-images.ts';
import { caseViewerSeries, seriesGeometry } from '../../db/series.ts';
import { deleteLayout, listLayouts, setDefaultLayout, upsertLayout } from '../../db/viewer-layouts.ts';
import { generatePhantom } from '../../electron/services/phantom/generate-phantom.ts';
import { FAILED_FUSION_PROTOCOL } from '../../shared/viewer/protocols.ts';
import type { ViewState } from '../../shared/viewer/view-state.ts';
import { importPaths, signedIn } from '../support/import.ts';
import type { TempBackend } from '../support/temp-backend.ts';
import { expectOk, tempBackend, tempDir } from '../support/temp-backend.ts';

const view: ViewState = {
  display: { kind: 'stack' },
  imageIndex: 3,
  instanceId: null,
  frame: 0,
  windowCenter: 40,
  windowWidth: 400,
  scale: 1.5,
  translation: { x: 0, y: 0 },
  rotation: 0,
  hflip: false,
  vflip: false,
  invert: false,
};

describe('migration 0005 (viewer)', () => {
  it('adds key_images and viewer_layouts as STRICT tables with their checks', () => {
    const dir = tempDir();
    const db = new BetterSqlite3(join(dir.path, 'v.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 4));
    migrate(db, MIGRATIONS.slice(0, 5));
    const tables = db.prepare<[], { name: string; strict: number }>('PRAGMA table_list').all();
    for (const name of ['key_images', 'viewer_layouts'])
      expect(tables.find((t) => t.name === name)?.strict, name).toBe(1);
    const user = upsertUser(db, 'Dr A', 'radiology', 'now');
    const ins = (protocol: string, isDefault: number, name: string) =>
      db
        .prepare(
          'INSERT INTO viewer_layouts (user_id, name, protocol, is_default, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(user.id, name, protocol, isDefault, 'now', 'now');
    expect(() => ins('{not json', 0, 'a')).toThrow(/CHECK constraint/);
    ins('{}', 1, 'b');
    expect(() => ins('{}', 1, 'c')).toThrow(/UNIQUE constraint/);
    db.close();
    dir.dispose();
  });
});

describe('viewer repository', () => {
  let b: TempBackend;
  let caseId: number;
  let userId: number;
  const phantom = tempDir('scr-phantom-');
  beforeAll(async () => {
    const m = await generatePhantom({
      outDir: phantom.path,
      seed: 3,
      ctSlices: 12,
      ctMatrix: 32,
      include: ['ct', 'mr'],
    });
    b = tempBackend();
    await signedIn(b);
    userId = expectOk(await b.call('session.currentUser', {}))!.id;
    caseId = expectOk(await b.call('cases.create', { title: 'Phantom case' })).id;
    await importPaths(b, [join(m.outDir, 'DICOM')], caseId);
  }, 60_000);
  afterAll(async () => {
    await b.dispose();
    phantom.dispose();
  });

  it('lists the case series with view position, frame of reference and whether they can be reformatted', () => {
    const series = caseViewerSeries(b.ctx.db, caseId);
    const byDescription = new Map(series.map((s) => [s.description, s]));
    expect(byDescription.get('AX BONE 31.25MM')).toMatchObject({
      modality: 'CT',
      plane: 'axial',
      imageCount: 12,
      volumetric: true,
    });
    expect(byDescription.get('SAG T2 TSE')).toMatchObject({
      modality: 'MR',
      plane: 'sagittal',
      imageCount: 15,
      volumetric: true,
    });
    // Five slices are too few to reformat.
    expect(byDescription.get('AX T2 TSE L3-L4')).toMatchObject({ volumetric: false });
    expect(series[0]!.patient.mrn).toBe('DEMO-0003');
    const ct = byDescription.get('AX BONE 31.25MM')!;
    expect(ct.frameOfReferenceUid).toBe(byDescription.get('SAG T2 TSE')!.frameOfReferenceUid);
  });

  it('gives each instance of a series with its geometry and windows, in Instance Number order', () => {
    const ct = caseViewerSeries(b.ctx.db, caseId).find((s) => s.modality === 'CT')!;
    const g = seriesGeometry(b.ctx.db, ct.seriesId)!;
    expect(g.instances).toHaveLength(12);
    expect(g.instances.map((i) => i.instanceNumber)).toEqual([...Array(12).keys()].map((k) => k + 1));
    const first = g.instances[0]!;
    expect(first).toMatchObject({
      rows: 32,
      columns: 32,
      frames: 1,
      decodable: true,
      imageOrientation: [1, 0, 0, 0, 1, 0],
    });
    expect(first.imagePosition).toHaveLength(3);
    expect(first.pixelSpacing).toEqual([11.25, 11.25]);
    expect(first.windows.length).toBeGreaterThan(0);
    expect(seriesGeometry(b.ctx.db, 99999)).toBeNull();
  });

  it('keeps each user’s layouts, with at most one default', () => {
    const other = upsertUser(b.ctx.db, 'Dr B', 'neurosurgery', 'now').id;
    const a = upsertLayout(b.ctx.db, userId, 'Mine', FAILED_FUSION_PROTOCOL, 't1');
    const c = upsertLayout(b.ctx.db, userId, 'Second', FAILED_FUSION_PROTOCOL, 't1');
    expect(upsertLayout(b.ctx.db, userId, 'Mine', { ...FAILED_FUSION_PROTOCOL, layout: '1x2' }, 't2')).toBe(
      a,
    );
    expect(setDefaultLayout(b.ctx.db, userId, a)).toBe(true);
    expect(setDefaultLayout(b.ctx.db, userId, c)).toBe(true);
    expect(listLayouts(b.ctx.db, userId).map((l) => [l.name, l.isDefault, l.protocol.layout])).toEqual([
      ['Mine', false, '1x2'],
      ['Second', true, '2x2'],
    ]);
    expect(setDefaultLayout(b.ctx.db, other, a)).toBe(false);
    expect(deleteLayout(b.ctx.db, other, a)).toBe(false);
    expect(listLayouts(b.ctx.db, other)).toEqual([]);
    expect(deleteLayout(b.ctx.db, userId, a)).toBe(true);
  });

  it('appends key images in order and reorders only with exactly the case’s ids', () => {
    const seriesId = caseViewerSeries(b.ctx.db, caseId)[0]!.seriesId;
    const add = (caption: string) =>
      insertKeyImage(b.ctx.db, {
        caseId,
        seriesId,
        instanceId: null,
        frame: 0,
        view,
        caption,
        png: null,
        userId,
        at: 'now',
      });
    const [k1, k2, k3] = [add('one'), add('two'), add('three')];
    expect(listKeyImages(b.ctx.db, caseId).map((k) => k.caption)).toEqual(['one', 'two', 'three']);
    expect(reorderKeyImages(b.ctx.db, caseId, [k3, k1])).toBe(false);
    expect(reorderKeyImages(b.ctx.db, caseId, [k3, k1, k1])).toBe(false);
    expect(reorderKeyImages(b.ctx.db, caseId, [k3, k1, k2])).toBe(true);
    const list = listKeyImages(b.ctx.db, caseId);
    expect(list.map((k) => k.caption)).toEqual(['three', 'one', 'two']);
    expect(list[0]).toMatchObject({ view, hasPng: false, createdBy: 'Dr. Import Test' });
  });
});
