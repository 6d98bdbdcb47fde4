import type { Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePhantom } from '../../electron/services/phantom/generate-phantom.ts';
import type { CaseMeasurements } from '../../shared/measurements/measurement.ts';
import { ctGeometry } from '../../shared/phantom/ct-volume.ts';
import { femoralHeadCircle } from '../../shared/phantom/femoral-heads.ts';
import type { PhantomGroundTruth } from '../../shared/phantom/ground-truth.ts';
import type { LandmarkName } from '../../shared/phantom/landmarks.ts';
import { phantomScene } from '../../shared/phantom/scene.ts';
import { type Vec3, combine, normalize, sub } from '../../shared/phantom/vec3.ts';
import type { BrowserHost } from './browser-host-fixture.ts';
import { expect, test } from './browser-host-fixture.ts';
import { SCREENSHOT_DIR } from './screens.ts';
import { call, openViewerWith, showSeries, viewport, viewportsSettled } from './viewer-fixtures.ts';

/**
 * The halo tool against the phantom's planted loose screw (within one CT pixel), overriding a
 * measured form value with a reason, and a screenshot of every tool at 1920×1080 and 1024×768.
 */
const work = mkdtempSync(join(tmpdir(), 'scr-e2e-tools-'));
// 512² pixels (0.70 mm) so that one pixel is finer than the 2 mm halo; few, thick slices keep it quick.
const CT = { slices: 40, matrix: 512 } as const;
let dicom = '';
let truth: PhantomGroundTruth;
test.beforeAll(async () => {
  const m = await generatePhantom({
    outDir: join(work, 'phantom'),
    seed: 1,
    ctSlices: CT.slices,
    ctMatrix: CT.matrix,
    include: ['dx', 'ct'],
  });
  dicom = join(m.outDir, 'DICOM');
  truth = m.groundTruth;
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));
test.setTimeout(300_000);

type Film = keyof PhantomGroundTruth['radiographs'];
type Px = readonly [number, number];

/** Screen position of an image pixel centre in a fitted, unrotated viewport (cornerstone's fit). */
async function screenOf(page: Page, n: number, [col, row]: Px, columns: number, rows: number) {
  const box = (await viewport(page, n).getByTestId('cornerstone-element').boundingBox())!;
  const scale = Math.min(box.width / columns, box.height / rows);
  return {
    x: box.x + box.width / 2 + (col + 0.5 - columns / 2) * scale,
    y: box.y + box.height / 2 + (row + 0.5 - rows / 2) * scale,
  };
}

async function clickAt(page: Page, n: number, points: readonly Px[], columns: number, rows: number) {
  for (const point of points) {
    const p = await screenOf(page, n, point, columns, rows);
    await page.mouse.click(p.x, p.y);
  }
}

const onFilm = (page: Page, n: number, film: Film, points: readonly Px[]) =>
  clickAt(page, n, points, truth.radiographs[film].columns, truth.radiographs[film].rows);
const landmarks = (film: Film, names: LandmarkName[]): Px[] =>
  names.map((n) => truth.radiographs[film].landmarks[n].image);
const spinopelvicPoints = (): Px[] => {
  const lat = truth.radiographs.lateral;
  return [
    ...femoralHeadCircle(lat, lat.landmarks.femoralHeadLeft.image),
    ...femoralHeadCircle(lat, lat.landmarks.femoralHeadRight.image),
    ...landmarks('lateral', [
      's1Anterior',
      's1Posterior',
      'l1UpperAnterior',
      'l1UpperPosterior',
      'c7Centre',
      't1Centre',
    ]),
  ];
};

/**
 * The axial slice through the middle of the loose left S1 screw's lucent halo, and two points across
 * the halo in it: on the screw surface and on the halo's outer edge, perpendicular to the screw axis
 * (image pixels; pixel centres at integers; columns along patient x, rows along patient y).
 */
function haloAcrossLooseScrew() {
  const screw = truth.screws.find(
    (s) => s.vertebra === truth.looseScrew.vertebra && s.side === truth.looseScrew.side,
  )!;
  const g = ctGeometry(phantomScene('neutral'), CT.slices, CT.matrix);
  const dir = normalize(sub(screw.tip, screw.entry));
  const middle = combine(screw.entry, [dir, screw.lengthMm / 2]);
  const slice = Math.round((g.topZ - middle[2]) / g.sliceSpacing);
  const z = g.topZ - slice * g.sliceSpacing;
  // The axis point in that slice; across the axis within the slice plane (perpendicular to the axis).
  const axis = combine(screw.entry, [dir, (z - screw.entry[2]) / dir[2]]);
  const across = normalize([-dir[1], dir[0], 0]);
  const r = screw.diameterMm / 2;
  const half = ((g.matrix - 1) / 2) * g.pixelSpacing;
  const toPixel = (p: Vec3): Px => [
    (p[0] - (g.centre[0] - half)) / g.pixelSpacing,
    (p[1] - (g.centre[1] - half)) / g.pixelSpacing,
  ];
  return {
    slice,
    z,
    pixelSpacing: g.pixelSpacing,
    inner: toPixel(combine(axis, [across, r])),
    outer: toPixel(combine(axis, [across, r + truth.looseScrew.haloWidthMm])),
  };
}

const list = (page: Page, origin: string, caseId: number) =>
  call<CaseMeasurements>(page.request, origin, 'measurements.list', { caseId });

async function toCtSlice(page: Page, slice: number) {
  await showSeries(page, 1, /AX BONE/);
  await viewport(page, 1).focus();
  await page.keyboard.press('Home');
  await expect(viewport(page, 1).getByTestId('image-position')).toHaveText(/^Im 1\//);
  for (let i = 0; i < slice; i++) await page.keyboard.press('ArrowDown');
  await expect(viewport(page, 1).getByTestId('image-position')).toHaveText(
    new RegExp(`^Im ${slice + 1}/${CT.slices}`),
  );
  await viewportsSettled(page);
}

test('the halo across the loose left S1 screw measures the planted 2 mm within one CT pixel, tagged to the screw', async ({
  host,
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const caseId = await openViewerWith(page, host, 'DEMO-0001', [dicom]);
  await page.getByRole('button', { name: '1×1', exact: true }).click();
  const h = haloAcrossLooseScrew();
  await toCtSlice(page, h.slice);
  await page.getByRole('button', { name: 'Halo', exact: true }).click();
  await clickAt(page, 1, [h.inner, h.outer], CT.matrix, CT.matrix);
  const panel = page.getByRole('complementary', { name: 'Measurements' });
  await expect(panel.locator('.ms-panel-item')).toHaveCount(1);
  const item = panel.locator('.ms-panel-item').first();
  await item.getByLabel(/^Screw of measurement/).selectOption('S1');
  await item.getByLabel(/^Screw side of measurement/).selectOption('left');
  await expect(viewport(page, 1).locator('.ms-label')).toContainText('S1 L screw');
  const [halo] = (await list(page, host.origin, caseId)).measurements;
  expect(halo).toMatchObject({ tool: 'halo', unit: 'mm', screw: { vertebra: 'S1', side: 'left' } });
  expect(Math.abs(halo!.value! - truth.looseScrew.haloWidthMm)).toBeLessThanOrEqual(h.pixelSpacing);
  expect(halo!.scale.column).toBeCloseTo(h.pixelSpacing, 4);
  await shoot(page, 'measure-halo');
});

test('typing over a measured PI asks for a reason, kept in the case history with the old and new values', async ({
  host,
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const caseId = await openViewerWith(page, host, 'DEMO-0001', [dicom]);
  await showSeries(page, 1, /LAT STANDING/);
  await page.getByRole('button', { name: 'Spinopelvic', exact: true }).click();
  await onFilm(page, 1, 'lateral', spinopelvicPoints());
  await expect(
    page.getByRole('complementary', { name: 'Measurements' }).locator('.ms-panel-item'),
  ).toHaveCount(1);
  const sp = (await list(page, host.origin, caseId)).measurements[0]!;
  const measured = Math.round((sp.values.find((v) => v.key === 'PI')!.value as number) * 10) / 10;

  await page.goto(`${host.origin}/#/cases/${caseId}`);
  const form = page.locator('section.evaluation');
  await form
    .getByRole('navigation', { name: 'Evaluation sections' })
    .getByRole('button', { name: /^Imaging findings/ })
    .click();
  const marker = form.getByTestId('measured-imaging.pi');
  await marker.getByRole('button', { name: 'Use measured' }).click();
  await expect(marker).toContainText(`measured ${measured}`);
  const pi = form.getByLabel('Pelvic incidence (PI)', { exact: true });
  await expect(pi).toHaveValue(String(measured));

  // Typing over it asks why; without a reason nothing changes.
  await pi.fill('61');
  const dialog = page.getByRole('dialog', { name: 'Override the measured value?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(/^New value/)).toHaveValue('61');
  await dialog.getByRole('button', { name: 'Override' }).click();
  await expect(dialog.getByRole('alert')).toContainText('reason');
  await dialog.getByRole('button', { name: 'Keep the measured value' }).click();
  await expect(dialog).toBeHidden();
  await expect(pi).toHaveValue(String(measured));

  await pi.fill('61');
  await dialog
    .getByLabel('Reason for overriding the measurement')
    .fill('Femoral heads re-marked on the PACS film');
  await captureBoth(page, 'measure-override-reason');
  // A full-page capture leaves out the top-layer dialog: the dialog on its own too.
  await dialog.screenshot({ path: `${SCREENSHOT_DIR}/measure-override-dialog.png` });
  await dialog.getByRole('button', { name: 'Override' }).click();
  await expect(dialog).toBeHidden();
  await expect(pi).toHaveValue('61');
  await expect(marker).toContainText('typed value overrides it');
  const history = page.locator('section[aria-labelledby="audit-heading"]');
  const line = history.locator('li', { hasText: 'Overrode the measured' });
  await expect(line).toContainText(`Pelvic incidence (PI) (measured ${measured}°): ${measured}° → 61°`);
  await expect(line).toContainText('Reason: Femoral heads re-marked on the PACS film');
  // The typed value is saved (the form's history has it) and stays after a reload.
  await page.reload();
  await form
    .getByRole('navigation', { name: 'Evaluation sections' })
    .getByRole('button', { name: /^Imaging findings/ })
    .click();
  await expect(form.getByLabel('Pelvic incidence (PI)', { exact: true })).toHaveValue('61');
  await expect(line).toBeVisible();
});

/** Full-page screenshot at the current size and at 1024×768 (the projector), for review. */
async function captureBoth(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-1024x768.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

/** The viewer at 1920×1080 and at 1024×768, once the images have been drawn at each size. */
async function shoot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await viewportsSettled(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
  await page.setViewportSize({ width: 1024, height: 768 });
  await viewportsSettled(page);
  // Every label stays inside its viewport at the small size too.
  await expectLabelsInside(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-1024x768.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await viewportsSettled(page);
  await expectLabelsInside(page);
}

async function expectLabelsInside(page: Page) {
  const outside = await page.locator('section.viewport').evaluateAll((sections) =>
    sections.flatMap((s) => {
      const svg = s.querySelector('svg.ms-layer');
      if (!svg) return [];
      const frame = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text.ms-label')].flatMap((t) => {
        const b = t.getBoundingClientRect();
        if (b.width === 0) return [];
        const inside =
          b.left >= frame.left - 1 &&
          b.right <= frame.right + 1 &&
          b.top >= frame.top - 1 &&
          b.bottom <= frame.bottom + 1;
        return inside ? [] : [t.textContent ?? ''];
      });
    }),
  );
  expect(outside).toEqual([]);
}

/** The viewer in 1×1 at 1920×1080, with helpers to place a tool by image points and clear them all. */
async function toolBench(page: Page, host: BrowserHost) {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openViewerWith(page, host, 'DEMO-0001', [dicom]);
  await page.getByRole('button', { name: '1×1', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Measurements' });
  const items = panel.locator('.ms-panel-item');
  const clearAll = async () => {
    for (let n = await items.count(); n > 0; n--) {
      await items
        .last()
        .getByRole('button', { name: /Delete measurement/ })
        .click();
      await expect(items).toHaveCount(n - 1);
    }
  };
  const place = async (
    film: Film,
    tool: string,
    points: Px[],
    answer?: { label: string | RegExp; text: string },
  ) => {
    const before = await items.count();
    await page.getByRole('button', { name: tool, exact: true }).click();
    await onFilm(page, 1, film, points);
    if (answer) {
      await page.getByLabel(answer.label, { exact: true }).fill(answer.text);
      await page.keyboard.press('Enter');
    }
    await expect(items).toHaveCount(before + 1);
  };
  return { panel, items, clearAll, place };
}

// Near the image edges on purpose: the labels must stay whole inside the viewport.
const AP_TOOLS: [string, string, Px[], { label: string; text: string }?][] = [
  [
    'length',
    'Length',
    [
      [700, 200],
      [850, 260],
    ],
  ],
  [
    'angle',
    'Angle',
    [
      [150, 300],
      [250, 400],
      [150, 500],
    ],
  ],
  [
    'cobb',
    'Cobb',
    [
      [330, 600],
      [530, 620],
      [330, 1000],
      [530, 960],
    ],
  ],
  ['probe', 'Probe', [[430, 1810]]],
  [
    'ellipse',
    'Ellipse ROI',
    [
      [350, 1200],
      [450, 1300],
    ],
  ],
  [
    'rectangle',
    'Rectangle ROI',
    [
      [550, 1200],
      [855, 1300],
    ],
  ],
  [
    'arrow',
    'Arrow',
    [
      [150, 800],
      [380, 900],
    ],
    { label: 'Text', text: 'Rod fracture?' },
  ],
  ['text', 'Text', [[800, 1700]], { label: 'Text', text: 'Synthetic AP, standing' }],
  [
    'coronal-balance',
    'Coronal balance',
    [
      [430, 300],
      [440, 1400],
    ],
  ],
];

test('the AP tools one by one (length … coronal balance), at 1920×1080 and 1024×768', async ({
  host,
  page,
}) => {
  const { clearAll, place } = await toolBench(page, host);
  await showSeries(page, 1, /AP STANDING/);
  await viewportsSettled(page);
  for (const [name, tool, points, answer] of AP_TOOLS) {
    await place('ap', tool, points, answer);
    await shoot(page, `measure-${name}`);
    await clearAll();
  }
});

test('all AP tools at once, their key image, and a calibration', async ({ host, page }) => {
  const { clearAll, place } = await toolBench(page, host);
  await showSeries(page, 1, /AP STANDING/);
  await viewportsSettled(page);
  // All of them at once: labels nudged apart, none cut off.
  for (const [, tool, points, answer] of AP_TOOLS) await place('ap', tool, points, answer);
  await shoot(page, 'measure-all-ap');
  // A key image of that view: the caption and the measurements burnt in, labels inside the picture.
  const keyImages = page.getByRole('complementary', { name: /Key images/ });
  await viewport(page, 1).focus();
  await page.keyboard.press('k');
  await keyImages
    .getByLabel('Caption', { exact: true })
    .fill('AP standing: every measurement tool, labels kept inside');
  await page.keyboard.press('Enter');
  await expect(keyImages.getByRole('listitem')).toHaveCount(1);
  const png = await keyImages.getByRole('link', { name: 'PNG' }).first().getAttribute('href');
  writeFileSync(`${SCREENSHOT_DIR}/measure-key-image.png`, Buffer.from(png!.split(',')[1]!, 'base64'));
  await clearAll();
  await place(
    'ap',
    'Calibrate',
    [
      [430, 300],
      [430, 500],
    ],
    { label: 'True size of the object (mm)', text: '100' },
  );
  await expect(viewport(page, 1).getByTestId('calibration-note')).toContainText('100 mm');
  await shoot(page, 'measure-calibration');
  await clearAll();
});

test('spinopelvic and flexion/extension, at 1920×1080 and 1024×768', async ({ host, page }) => {
  const { panel, items, place } = await toolBench(page, host);
  await showSeries(page, 1, /LAT STANDING/);
  await viewportsSettled(page);
  await place('lateral', 'Spinopelvic', spinopelvicPoints());
  await shoot(page, 'measure-spinopelvic');

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
    const before = await items.count();
    await onFilm(page, n, film, landmarks(film, corners));
    await expect(items).toHaveCount(before + 1);
    await items
      .last()
      .getByLabel(/Level of measurement/)
      .selectOption('L3-L4');
  }
  await expect(panel.getByTestId('motion')).toContainText('L3-L4: translation');
  await shoot(page, 'measure-flexion-extension');
});
