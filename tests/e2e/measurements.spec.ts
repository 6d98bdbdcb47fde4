import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePhantom } from '../../electron/services/phantom/generate-phantom.ts';
import type { CaseMeasurements } from '../../shared/measurements/measurement.ts';
import { femoralHeadCircle } from '../../shared/phantom/femoral-heads.ts';
import type { PhantomGroundTruth } from '../../shared/phantom/ground-truth.ts';
import type { LandmarkName } from '../../shared/phantom/landmarks.ts';
import { SYSTEM_PYTHON } from '../support/dicom-corpus.ts';
import { expect, test } from './browser-host-fixture.ts';
import {
  call,
  captureViewer,
  openViewerWith,
  showSeries,
  viewport,
  viewportsSettled,
} from './viewer-fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'scr-e2e-measure-'));
let dicom = '';
let noSpacing = '';
let truth: PhantomGroundTruth;
test.beforeAll(async () => {
  const m = await generatePhantom({
    outDir: join(work, 'phantom'),
    seed: 1,
    ctSlices: 60,
    ctMatrix: 128,
    include: ['dx', 'ct'],
  });
  dicom = join(m.outDir, 'DICOM');
  truth = m.groundTruth;
  // A radiograph that says nothing about its pixel size: the flexion film without Imager Pixel Spacing.
  noSpacing = join(work, 'nospacing');
  mkdirSync(noSpacing);
  execFileSync(SYSTEM_PYTHON, [
    '-c',
    `import sys, pydicom
from pydicom.uid import generate_uid
ds = pydicom.dcmread(sys.argv[1])
for k in ('ImagerPixelSpacing', 'EstimatedRadiographicMagnificationFactor', 'PixelSpacing'):
    if k in ds: delattr(ds, k)
ds.SeriesInstanceUID = generate_uid(); ds.SOPInstanceUID = generate_uid(); ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
ds.SeriesDescription = 'LAT NO SPACING'; ds.SeriesNumber = 9
ds.save_as(sys.argv[2])`,
    join(dicom, 'DX-S3-LAT-FLEXION', 'IM00001.dcm'),
    join(noSpacing, 'IM00001.dcm'),
  ]);
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));
// Import of the phantom films and many steps on a shared, busy machine.
test.setTimeout(300_000);

/** Screen position of an image pixel centre in a fitted, unrotated viewport (cornerstone's fit: centred, uniform scale). */
async function screenOf(
  page: Page,
  n: number,
  [col, row]: readonly [number, number],
  columns: number,
  rows: number,
) {
  const box = (await viewport(page, n).getByTestId('cornerstone-element').boundingBox())!;
  const scale = Math.min(box.width / columns, box.height / rows);
  return {
    x: box.x + box.width / 2 + (col + 0.5 - columns / 2) * scale,
    y: box.y + box.height / 2 + (row + 0.5 - rows / 2) * scale,
  };
}

async function clickLandmarks(
  page: Page,
  n: number,
  film: keyof PhantomGroundTruth['radiographs'],
  names: LandmarkName[],
) {
  const r = truth.radiographs[film];
  await clickImagePoints(
    page,
    n,
    film,
    names.map((name) => r.landmarks[name].image),
  );
}

async function clickImagePoints(
  page: Page,
  n: number,
  film: keyof PhantomGroundTruth['radiographs'],
  points: readonly (readonly [number, number])[],
) {
  const r = truth.radiographs[film];
  for (const point of points) {
    const p = await screenOf(page, n, point, r.columns, r.rows);
    await page.mouse.click(p.x, p.y);
  }
}

const list = (page: Page, host: { origin: string }, caseId: number) =>
  call<CaseMeasurements>(page.request, host.origin, 'measurements.list', { caseId });
const value = (m: CaseMeasurements['measurements'][number], key: string) =>
  m.values.find((v) => v.key === key)!.value as number;

test('landmarks clicked at the phantom ground truth reproduce PI, PT, SS, LL, SVA and the L3–L4 flexion/extension motion', async ({
  host,
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const caseId = await openViewerWith(page, host, 'DEMO-0001', [dicom]);
  await page.getByRole('button', { name: '1×1', exact: true }).click();
  await showSeries(page, 1, /LAT STANDING/);
  await viewportsSettled(page);
  await page.getByRole('button', { name: 'Spinopelvic', exact: true }).click();
  // Each femoral head is a circle: its centre, then a point on its outline.
  const lat = truth.radiographs.lateral;
  for (const head of ['femoralHeadLeft', 'femoralHeadRight'] as const)
    await clickImagePoints(page, 1, 'lateral', femoralHeadCircle(lat, lat.landmarks[head].image));
  await clickLandmarks(page, 1, 'lateral', [
    's1Anterior',
    's1Posterior',
    'l1UpperAnterior',
    'l1UpperPosterior',
    'c7Centre',
    't1Centre',
  ]);
  const panel = page.getByRole('complementary', { name: 'Measurements' });
  await expect(panel.locator('.ms-panel-item')).toHaveCount(1);
  await expect(panel).toContainText('PI–LL');
  const sp = (await list(page, host, caseId)).measurements[0]!;
  const a = truth.alignment;
  expect(Math.abs(value(sp, 'PI') - a.pelvicIncidenceDeg)).toBeLessThan(1);
  expect(Math.abs(value(sp, 'PT') - a.pelvicTiltDeg)).toBeLessThan(1);
  expect(Math.abs(value(sp, 'SS') - a.sacralSlopeDeg)).toBeLessThan(1);
  expect(Math.abs(value(sp, 'LL') - a.lumbarLordosisDeg)).toBeLessThan(1);
  expect(Math.abs(value(sp, 'SVA_mm') - a.svaMm)).toBeLessThan(1);
  await expect(viewport(page, 1).locator('.ms-label')).toContainText('SVA');
  await captureViewer(page, 'measure-spinopelvic');

  // The femoral heads are circles (centre, then a point on the outline), editable: dragging the edge
  // changes the radius only; dragging the centre moves the whole circle (and the hip axis).
  expect(sp.points).toHaveLength(10);
  const drag = async (from: readonly [number, number], to: readonly [number, number]) => {
    const a = await screenOf(page, 1, from, lat.columns, lat.rows);
    const b = await screenOf(page, 1, to, lat.columns, lat.rows);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 4 });
    await page.mouse.up();
  };
  const [c1, e1] = [sp.points[0]!, sp.points[1]!];
  await drag(e1, [e1[0] + 15, e1[1]]);
  await expect
    .poll(async () => (await list(page, host, caseId)).measurements[0]!.points[1]![0])
    .toBeGreaterThan(e1[0] + 10);
  const resized = (await list(page, host, caseId)).measurements[0]!;
  expect(resized.points[0]).toEqual(c1);
  expect(value(resized, 'PI')).toBe(value(sp, 'PI'));
  await drag(c1, [c1[0], c1[1] + 20]);
  await expect
    .poll(async () => (await list(page, host, caseId)).measurements[0]!.points[0]![1])
    .toBeGreaterThan(c1[1] + 15);
  const moved = (await list(page, host, caseId)).measurements[0]!;
  // The edge followed the centre: same radius.
  const radius = (m: typeof moved) =>
    Math.hypot(m.points[1]![0] - m.points[0]![0], m.points[1]![1] - m.points[0]![1]);
  expect(Math.abs(radius(moved) - radius(resized))).toBeLessThan(0.5);
  expect(value(moved, 'PT')).not.toBe(value(sp, 'PT'));
  await drag(moved.points[0]!, c1);

  // Flexion and extension side by side; the same two endplates marked on both, tagged L3-L4.
  await page.getByRole('button', { name: '1×2', exact: true }).click();
  await showSeries(page, 1, /LAT FLEXION/);
  await showSeries(page, 2, /LAT EXTENSION/);
  await viewportsSettled(page);
  await page.getByRole('button', { name: 'Flex/ext segment', exact: true }).click();
  const corners: LandmarkName[] = [
    'l3LowerAnterior',
    'l3LowerPosterior',
    'l4UpperAnterior',
    'l4UpperPosterior',
  ];
  for (const [n, film] of [
    [1, 'flexion'],
    [2, 'extension'],
  ] as const) {
    await clickLandmarks(page, n, film, corners);
    await expect(panel.locator('.ms-panel-item')).toHaveCount(n + 1);
    await panel
      .locator('.ms-panel-item')
      .last()
      .getByLabel(/Level of measurement/)
      .selectOption('L3-L4');
  }
  await expect(panel.getByTestId('motion')).toContainText('L3-L4: translation');
  const [motion] = (await list(page, host, caseId)).motions;
  expect(Math.abs(motion!.translationMm - Math.abs(truth.motion.translationMm))).toBeLessThan(1);
  expect(Math.abs(motion!.angleDeg - Math.abs(truth.motion.angleDeg))).toBeLessThan(1);
  expect(motion!.exceedsFusedLimit).toBe(true);
  await captureViewer(page, 'measure-flexion-extension');

  // Measurements survive a reload (they are stored with the case).
  await page.reload();
  await expect(
    page.getByRole('complementary', { name: 'Measurements' }).locator('.ms-panel-item'),
  ).toHaveCount(3);
});

test('an X-ray without spacing measures in px until calibrated, then in mm; the other tools draw', async ({
  host,
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const caseId = await openViewerWith(page, host, 'DEMO-0001', [dicom, noSpacing]);
  await page.getByRole('button', { name: '1×1', exact: true }).click();
  await showSeries(page, 1, /LAT NO SPACING/);
  await viewportsSettled(page);
  await expect(viewport(page, 1).getByTestId('spacing-note')).toHaveText('No spacing: sizes in pixels');
  const r = truth.radiographs.flexion;
  const at = (c: number, row: number) => screenOf(page, 1, [c, row], r.columns, r.rows);
  await page.getByRole('button', { name: 'Length', exact: true }).click();
  let p = await at(200, 300);
  await page.mouse.click(p.x, p.y);
  p = await at(200, 700);
  await page.mouse.click(p.x, p.y);
  const panel = page.getByRole('complementary', { name: 'Measurements' });
  await expect(viewport(page, 1).locator('.ms-label')).toContainText('px');
  const length = (await list(page, host, caseId)).measurements[0]!;
  expect(length.unit).toBe('px');
  await captureViewer(page, 'measure-length-px');

  await page.getByRole('button', { name: 'Calibrate', exact: true }).click();
  p = await at(500, 300);
  await page.mouse.click(p.x, p.y);
  p = await at(500, 500);
  await page.mouse.click(p.x, p.y);
  await page.getByLabel('True size of the object (mm)').fill('50');
  await page.keyboard.press('Enter');
  await expect(viewport(page, 1).getByTestId('calibration-note')).toContainText('50 mm');
  await expect(panel.locator('.ms-panel-item').first()).toContainText('mm');
  const calibrated = (await list(page, host, caseId)).measurements.find((m) => m.id === length.id)!;
  expect(calibrated.unit).toBe('mm');
  expect(calibrated.value!).toBeCloseTo(100, 0);
  await captureViewer(page, 'measure-calibrated');

  // The other tools on the standing AP film.
  await showSeries(page, 1, /AP STANDING/);
  await viewportsSettled(page);
  const ap = truth.radiographs.ap;
  const onAp = (c: number, row: number) => screenOf(page, 1, [c, row], ap.columns, ap.rows);
  const place = async (tool: string, pts: [number, number][], text?: string) => {
    await page.getByRole('button', { name: tool, exact: true }).click();
    for (const [c, row] of pts) {
      const q = await onAp(c, row);
      await page.mouse.click(q.x, q.y);
    }
    if (text) {
      await page.getByLabel('Text', { exact: true }).fill(text);
      await page.keyboard.press('Enter');
    }
  };
  const before = (await list(page, host, caseId)).measurements.length;
  await place('Angle', [
    [150, 300],
    [250, 400],
    [150, 500],
  ]);
  await place('Cobb', [
    [500, 600],
    [700, 620],
    [500, 1000],
    [700, 960],
  ]);
  await place('Probe', [[430, 900]]);
  await place('Ellipse ROI', [
    [350, 1200],
    [450, 1300],
  ]);
  await place('Rectangle ROI', [
    [550, 1200],
    [650, 1300],
  ]);
  await place(
    'Arrow',
    [
      [150, 800],
      [380, 900],
    ],
    'Rod',
  );
  await place('Text', [[100, 1500]], 'Synthetic AP');
  await place('Coronal balance', [
    [430, 300],
    [440, 1400],
  ]);
  await expect(panel.locator('.ms-panel-item')).toHaveCount(before + 8);
  const all = (await list(page, host, caseId)).measurements;
  const cobb = all.find((m) => m.tool === 'cobb')!;
  expect(cobb.unit).toBe('°');
  expect(all.find((m) => m.tool === 'ellipse')!.values.map((v) => v.key)).toContain('sd');
  await captureViewer(page, 'measure-tools');

  // Delete, undo, redo.
  await panel
    .locator('.ms-panel-item')
    .last()
    .getByRole('button', { name: /Delete measurement/ })
    .click();
  await expect(panel.locator('.ms-panel-item')).toHaveCount(before + 7);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(panel.locator('.ms-panel-item')).toHaveCount(before + 8);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(panel.locator('.ms-panel-item')).toHaveCount(before + 7);
});
