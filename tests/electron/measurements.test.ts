import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeDemoMeasurements } from '../../electron/services/demo/demo-measurements.ts';
import { generatePhantom } from '../../electron/services/phantom/generate-phantom.ts';
import type { PhantomGroundTruth } from '../../shared/phantom/ground-truth.ts';
import { importPaths, signedIn } from '../support/import.ts';
import type { TempBackend } from '../support/temp-backend.ts';
import { expectOk, tempBackend, tempBackendAt, tempDir } from '../support/temp-backend.ts';

let b: TempBackend;
let caseId: number;
let truth: PhantomGroundTruth;
let lateral: number;
let ctInstance: number;
const phantom = tempDir('scr-phantom-');

beforeAll(async () => {
  const m = await generatePhantom({
    outDir: phantom.path,
    seed: 1,
    ctSlices: 12,
    ctMatrix: 64,
    include: ['dx', 'ct'],
  });
  truth = m.groundTruth;
  b = tempBackend();
  await signedIn(b);
  caseId = expectOk(await b.call('cases.create', { title: 'Measured case' })).id;
  await importPaths(b, [join(m.outDir, 'DICOM')], caseId);
  await placeDemoMeasurements(b.ctx, caseId, truth);
  const c = expectOk(await b.call('viewer.caseSeries', { id: caseId }));
  const first = async (pred: (s: (typeof c.series)[number]) => boolean) =>
    expectOk(await b.call('viewer.seriesInstances', { seriesId: c.series.find(pred)!.seriesId }))
      .instances[0]!.instanceId;
  lateral = await first((s) => s.description === 'LAT STANDING FULL SPINE');
  ctInstance = await first((s) => s.modality === 'CT');
}, 120_000);
afterAll(async () => {
  await b.dispose();
  phantom.dispose();
});

const valueOf = (values: { key: string; value: number | string }[], key: string): number =>
  values.find((v) => v.key === key)!.value as number;

describe('measurements stored with the case', () => {
  it('the demo landmarks give the phantom alignment within 1° / 1 mm, computed by the backend from the file', async () => {
    const list = expectOk(await b.call('measurements.list', { caseId }));
    const sp = list.measurements.find((m) => m.tool === 'spinopelvic')!;
    expect(sp.scale.source).toBe('magnification-corrected');
    const a = truth.alignment;
    expect(Math.abs(valueOf(sp.values, 'PI') - a.pelvicIncidenceDeg)).toBeLessThan(1);
    expect(Math.abs(valueOf(sp.values, 'PT') - a.pelvicTiltDeg)).toBeLessThan(1);
    expect(Math.abs(valueOf(sp.values, 'SS') - a.sacralSlopeDeg)).toBeLessThan(1);
    expect(Math.abs(valueOf(sp.values, 'LL') - a.lumbarLordosisDeg)).toBeLessThan(1);
    expect(Math.abs(valueOf(sp.values, 'SVA_mm') - a.svaMm)).toBeLessThan(1);
    expect(sp.values.find((v) => v.key === 'SVA_mm')!.unit).toBe('mm');
    const [motion] = list.motions;
    expect(motion).toMatchObject({ level: 'L3-L4', unit: 'mm', exceedsFusedLimit: true });
    expect(Math.abs(motion!.translationMm - Math.abs(truth.motion.translationMm))).toBeLessThan(1);
    expect(Math.abs(motion!.angleDeg - Math.abs(truth.motion.angleDeg))).toBeLessThan(1);
  });

  it('a length, a probe and an ROI on CT: mm from Pixel Spacing, HU from the pixels', async () => {
    const base = { caseId, instanceId: ctInstance, frame: 0 };
    const length = expectOk(
      await b.call('measurements.create', {
        ...base,
        tool: 'length',
        points: [
          [10, 10],
          [40, 50],
        ],
      }),
    );
    const m = length.measurements.at(-1)!;
    expect(m.unit).toBe('mm');
    expect(m.scale.source).toBe('pixel-spacing');
    // 360 mm field of view over 64 columns.
    expect(m.value!).toBeCloseTo(50 * (360 / 64), 1);
    const probe = expectOk(await b.call('measurements.create', { ...base, tool: 'probe', points: [[1, 1]] }));
    expect(probe.measurements.at(-1)!.unit).toBe('HU');
    const roi = expectOk(
      await b.call('measurements.create', {
        ...base,
        tool: 'ellipse',
        points: [
          [20, 20],
          [40, 40],
        ],
      }),
    );
    const keys = roi.measurements.at(-1)!.values.map((v) => v.key);
    expect(keys).toEqual(['area', 'mean', 'sd', 'min', 'max']);
  });

  it('a halo tagged to a screw; edits and deletes are audited', async () => {
    const created = expectOk(
      await b.call('measurements.create', {
        caseId,
        instanceId: ctInstance,
        tool: 'halo',
        points: [
          [30, 30],
          [33, 30],
        ],
        screw: { vertebra: 'S1', side: 'left' },
      }),
    );
    const halo = created.measurements.at(-1)!;
    expect(halo.screw).toEqual({ vertebra: 'S1', side: 'left' });
    const moved = expectOk(
      await b.call('measurements.update', {
        id: halo.id,
        points: [
          [30, 30],
          [34, 30],
        ],
        label: 'S1 L halo',
      }),
    );
    expect(moved.measurements.find((x) => x.id === halo.id)!.value!).toBeCloseTo(4 * (360 / 64), 2);
    expectOk(await b.call('measurements.delete', { id: halo.id }));
    const trail = expectOk(await b.call('cases.auditTrail', { id: caseId })).map((e) => e.action);
    expect(trail).toEqual(
      expect.arrayContaining(['measurements.create', 'measurements.update', 'measurements.delete']),
    );
  });

  it('a calibration makes the series measure in calibrated mm and recomputes its lengths', async () => {
    const base = { caseId, instanceId: lateral, frame: 0 };
    const before = expectOk(
      await b.call('measurements.create', {
        ...base,
        tool: 'length',
        points: [
          [100, 100],
          [100, 300],
        ],
      }),
    );
    const id = before.measurements.at(-1)!.id;
    expectOk(
      await b.call('measurements.create', {
        ...base,
        tool: 'calibration',
        points: [
          [0, 0],
          [0, 100],
        ],
        knownMm: 25,
      }),
    );
    const after = expectOk(await b.call('measurements.list', { caseId })).measurements.find(
      (x) => x.id === id,
    )!;
    expect(after.scale.source).toBe('calibration');
    expect(after.value!).toBeCloseTo(50, 6);
  });

  it('refuses what does not fit: wrong point count, foreign image, unknown level', async () => {
    const r1 = await b.call('measurements.create', {
      caseId,
      instanceId: lateral,
      tool: 'angle',
      points: [[0, 0]],
    });
    expect(r1.ok ? '' : r1.error.code).toBe('INVALID_INPUT');
    const r2 = await b.callRaw(
      'measurements.create',
      {
        caseId,
        instanceId: lateral,
        tool: 'length',
        points: [
          [0, 0],
          [1, 1],
        ],
        level: 'L9',
      },
      'http',
    );
    expect(r2.ok ? '' : r2.error.code).toBe('INVALID_INPUT');
    const other = expectOk(await b.call('cases.create', { title: 'Other' })).id;
    const r3 = await b.call('measurements.create', {
      caseId: other,
      instanceId: lateral,
      tool: 'length',
      points: [
        [0, 0],
        [1, 1],
      ],
    });
    expect(r3.ok ? '' : r3.error.code).toBe('NOT_FOUND');
  });

  it('exports CSV and a DICOM SR that dciodvfy accepts and dsrdump reads with PI, LL and SVA', async () => {
    const csv = expectOk(await b.call('measurements.export', { caseId, format: 'csv' }));
    expect(csv.content).toMatch(/^measurement_id,case_id/);
    expect(csv.content).toContain('Flexion/extension translation');
    const [header, ...rows] = csv.content.trim().split('\r\n');
    const motionRows = rows.filter((r) => r.includes(',motion,'));
    expect(motionRows.length).toBeGreaterThan(0);
    for (const row of motionRows) expect(row.split(',')).toHaveLength(header!.split(',').length);
    const sr = expectOk(await b.call('measurements.export', { caseId, format: 'sr' }));
    const file = join(b.dataDir, 'report.dcm');
    writeFileSync(file, Buffer.from(sr.content, 'base64'));
    const v = spawnSync('dciodvfy', [file], { encoding: 'utf8' });
    expect(v.error).toBeUndefined();
    const errors = `${v.stdout}${v.stderr}`.split('\n').filter((l) => /^Error/.test(l));
    expect(errors).toEqual([]);
    const dump = execFileSync('dsrdump', [file], { encoding: 'utf8' });
    const sp = expectOk(await b.call('measurements.list', { caseId })).measurements.find(
      (m) => m.tool === 'spinopelvic',
    )!;
    expect(dump).toContain(`Pelvic incidence (PI)")="${valueOf(sp.values, 'PI')}"`);
    expect(dump).toContain(`Lumbar lordosis (LL)")="${valueOf(sp.values, 'LL')}"`);
    expect(dump).toContain(`Sagittal vertical axis (SVA)")="${valueOf(sp.values, 'SVA_mm')}"`);
    expect(dump).toContain('Imaging Measurement Report');
  });

  it('a typed value over a measured one needs a reason, kept in the case history with the old and new values', async () => {
    const list = expectOk(await b.call('measurements.list', { caseId }));
    const sp = list.measurements.find((m) => m.tool === 'spinopelvic')!;
    const pi = Math.round(valueOf(sp.values, 'PI') * 10) / 10;
    const base = {
      caseId,
      measurementId: sp.id,
      fieldId: 'imaging.pi',
      level: null,
      column: null,
      previousValue: pi,
      newValue: 61,
    };
    for (const reason of ['', '  ', 'x'.repeat(501)]) {
      const r = await b.callRaw('measurements.recordOverride', { ...base, reason }, 'http');
      expect(r.ok ? '' : r.error.code, JSON.stringify(reason)).toBe('INVALID_INPUT');
    }
    // A field the measurement does not fill, or another case's measurement, is refused.
    const wrong = await b.call('measurements.recordOverride', {
      ...base,
      fieldId: 'imaging.svaMm',
      measurementId: list.measurements.find((m) => m.tool === 'segment')!.id,
      reason: 'Re-measured on PACS',
    });
    expect(wrong.ok ? '' : wrong.error.code).toBe('INVALID_INPUT');
    const detail = expectOk(
      await b.call('measurements.recordOverride', {
        ...base,
        // The measured value is taken from the stored measurement, whatever the request says.
        reason: '  Femoral heads re-marked on the full-resolution film  ',
      }),
    );
    expect(detail).toMatchObject({
      fieldId: 'imaging.pi',
      fieldLabel: expect.stringContaining('PI') as unknown,
      measuredValue: pi,
      unit: '°',
      previousValue: pi,
      newValue: 61,
      reason: 'Femoral heads re-marked on the full-resolution film',
    });
    const trail = expectOk(await b.call('cases.auditTrail', { id: caseId }));
    const entry = trail.find((e) => e.action === 'measurements.recordOverride')!;
    expect(JSON.parse(entry.detail)).toMatchObject({
      measurementId: sp.id,
      previousValue: pi,
      newValue: 61,
      reason: 'Femoral heads re-marked on the full-resolution film',
    });
  });

  it('survives a restart', async () => {
    const count = expectOk(await b.call('measurements.list', { caseId })).measurements.length;
    await b.close();
    const again = tempBackendAt(b.dataDir);
    try {
      expect(expectOk(await again.call('measurements.list', { caseId })).measurements).toHaveLength(count);
    } finally {
      await again.close();
    }
    b = { ...tempBackendAt(b.dataDir), dataDir: b.dataDir, dispose: b.dispose };
  });
});
