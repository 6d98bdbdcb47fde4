import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePhantom } from '../../electron/services/phantom/generate-phantom.ts';
import { expect, test } from './browser-host-fixture.ts';
import { SCREENSHOT_DIR } from './screens.ts';
import {
  captureViewer,
  openViewerWith,
  showSeries,
  viewport,
  viewportsSettled,
  waitForImage,
} from './viewer-fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'scr-e2e-phantom-'));
let dicom = '';
test.beforeAll(async () => {
  // A small phantom (120 slices of 256²) keeps the test quick; the geometry is the same.
  const m = await generatePhantom({ outDir: join(work, 'phantom'), seed: 1, ctSlices: 120, ctMatrix: 256 });
  dicom = join(m.outDir, 'DICOM');
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

const markers = async (page: Page, n: number) => {
  const v = viewport(page, n);
  return {
    top: await v.getByTestId('marker-top').textContent(),
    bottom: await v.getByTestId('marker-bottom').textContent(),
    left: await v.getByTestId('marker-left').textContent(),
    right: await v.getByTestId('marker-right').textContent(),
  };
};

test('opening the phantom case hangs standing lateral, standing AP, CT sagittal reformat and MR sagittal T2', async ({
  host,
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  // The series thumbnails (made on the host) wait until every viewport shows its first image.
  const readyAtThumbnail: number[] = [];
  await page.route('**/thumbnails/*.png', async (route) => {
    if (page.url().includes('/viewer'))
      readyAtThumbnail.push(await page.locator('section.viewport[data-status="ready"]').count());
    await route.continue();
  });
  await openViewerWith(page, host, 'DEMO-0001', [dicom]);
  await expect(page.getByRole('button', { name: '2×2' })).toHaveAttribute('aria-pressed', 'true');
  for (const n of [1, 2, 3, 4]) await waitForImage(page, n);
  await expect(page.locator('img.sb-thumb').first()).toBeVisible();
  expect(readyAtThumbnail.length).toBeGreaterThan(0);
  expect(new Set(readyAtThumbnail)).toEqual(new Set([4]));
  await page.unroute('**/thumbnails/*.png');
  await expect(viewport(page, 1)).toHaveAccessibleName(/Standing lateral/);
  await expect(viewport(page, 1)).toContainText('LAT STANDING FULL SPINE');
  await expect(viewport(page, 2)).toContainText('AP STANDING FULL SPINE');
  await expect(viewport(page, 3)).toContainText('Sagittal reformat');
  await expect(viewport(page, 4)).toContainText('SAG T2 TSE');
  // Patient Orientation P\F of the lateral film; the sagittal planes: anterior left, head up.
  expect(await markers(page, 1)).toEqual({ top: 'S', bottom: 'I', left: 'A', right: 'P' });
  expect(await markers(page, 3)).toEqual({ top: 'S', bottom: 'I', left: 'A', right: 'P' });
  expect(await markers(page, 4)).toEqual({ top: 'S', bottom: 'I', left: 'A', right: 'P' });
  // The films carry Imager Pixel Spacing and a magnification factor: sizes are estimates, and say so.
  await expect(viewport(page, 1).getByTestId('spacing-note')).toHaveText('mm estimated at patient (÷1.125)');
  await expect(viewport(page, 3).getByTestId('spacing-note')).toHaveCount(0);
  await captureViewer(page, 'viewer-2x2');

  for (const layout of ['1×1', '1×2', '2×1'] as const) {
    await page.getByRole('button', { name: layout, exact: true }).click();
    await waitForImage(page, 1);
    await captureViewer(page, `viewer-${layout.replace('×', 'x')}`);
  }

  // Opened on a projector: key images folded away, the images get the width.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.reload();
  for (const n of [1, 2, 3, 4]) await waitForImage(page, n);
  await expect(page.getByRole('complementary', { name: /Key images/ })).toHaveCount(0);
  await viewportsSettled(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/viewer-projector-open.png` });
});

async function showKeyImagesPanel(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: /^Key images/ });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
}

const loc = async (page: Page, n: number): Promise<number> =>
  Number(/Loc (-?[\d.]+) mm/.exec((await viewport(page, n).textContent()) ?? '')?.[1]);

test('reference lines: the sagittal reformat cuts the axial CT at its column and follows it', async ({
  host,
  page,
}) => {
  await openViewerWith(page, host, 'DEMO-0001', [dicom]);
  await page.getByRole('button', { name: '1×2', exact: true }).click();
  await showSeries(page, 1, /AX BONE/);
  await showSeries(page, 2, /AX BONE/, 'Sagittal');
  await expect(viewport(page, 2).getByTestId('image-position')).toHaveText('Slice 128/256');
  const canvas = (await viewport(page, 1).locator('canvas').boundingBox())!;
  const line = viewport(page, 1).locator('line.vp-ref-line');
  await expect(line).toHaveCount(1);
  const lineX = async (): Promise<[number, number]> => [
    Number(await line.getAttribute('x1')),
    Number(await line.getAttribute('x2')),
  ];
  // Fitted 256² axial image: sagittal slice k lies on column k (x grows to the patient's left, as k does).
  const s = Math.min(canvas.width, canvas.height) / 256;
  const columnX = (k: number): number => canvas.width / 2 + (k + 0.5 - 128) * s;
  let [x1, x2] = await lineX();
  expect(Math.abs(x1 - columnX(127))).toBeLessThan(1);
  expect(Math.abs(x2 - x1)).toBeLessThan(0.01);
  await viewport(page, 2).focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowDown');
  await expect(viewport(page, 2).getByTestId('image-position')).toHaveText('Slice 138/256');
  await expect.poll(async () => Math.abs((await lineX())[0] - columnX(137))).toBeLessThan(1);
  [x1, x2] = await lineX();
  expect(Math.abs(x2 - x1)).toBeLessThan(0.01);
  // The axial slice shows on the sagittal reformat as a horizontal line.
  const back = viewport(page, 2).locator('line.vp-ref-line');
  await expect(back).toHaveCount(1);
  expect(Number(await back.getAttribute('y1'))).toBeCloseTo(Number(await back.getAttribute('y2')), 3);
  await captureViewer(page, 'viewer-reference-lines');
  await page.keyboard.press('x');
  await expect(line).toHaveCount(0);
});

test('synchronised scrolling: the MR sagittal follows the CT sagittal reformat (same frame of reference)', async ({
  host,
  page,
}) => {
  await openViewerWith(page, host, 'DEMO-0001', [dicom]);
  for (const n of [3, 4]) await waitForImage(page, n);
  await expect(viewport(page, 4).getByTestId('image-position')).toHaveText('Im 8/15');
  await viewport(page, 3).focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  await expect(viewport(page, 4).getByTestId('image-position')).not.toHaveText('Im 8/15');
  // Within half of the MR's 4 mm slice gap of the CT slice.
  await expect.poll(async () => Math.abs((await loc(page, 3)) - (await loc(page, 4)))).toBeLessThanOrEqual(2);
  const mr = await viewport(page, 4).getByTestId('image-position').textContent();
  await page.keyboard.press('y'); // sync off
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  await expect(viewport(page, 3).getByTestId('image-position')).toHaveText('Slice 140/256');
  await expect(viewport(page, 4).getByTestId('image-position')).toHaveText(mr!);
});

test('key images: save with caption, reorder, show again as saved, PNG, audit trail', async ({
  host,
  page,
}) => {
  const caseId = await openViewerWith(page, host, 'DEMO-0001', [dicom]);
  await showKeyImagesPanel(page);
  for (const n of [3, 4]) await waitForImage(page, n);
  const panel = page.getByRole('complementary', { name: /Key images/ });

  await viewport(page, 3).focus();
  await page.keyboard.press('1'); // bone window
  await page.keyboard.press('ArrowUp');
  await expect(viewport(page, 3).getByTestId('window')).toHaveText('W 1800 L 400');
  await page.keyboard.press('k');
  await panel.getByLabel('Caption', { exact: true }).fill('L5–S1 lucent cleft');
  await panel.getByRole('button', { name: 'Save key image' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(1);

  await viewport(page, 4).focus();
  await page.keyboard.press('k');
  await panel.getByLabel('Caption', { exact: true }).fill('L3–L4 disc');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await expect(panel.getByRole('heading')).toHaveText('Key images (2)');

  // The rendered PNG is a real picture of the view.
  const thumb = panel.getByRole('listitem').first().locator('img.ki-thumb');
  await expect
    .poll(() => thumb.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth))
    .toBeGreaterThan(100);
  await expect(panel.getByRole('link', { name: 'PNG' }).first()).toHaveAttribute(
    'href',
    /^data:image\/png;base64,/,
  );

  await panel.getByRole('button', { name: 'Move key image 2 up' }).click();
  await expect(panel.getByLabel('Caption of key image 1')).toHaveValue('L3–L4 disc');
  await expect(panel.getByLabel('Caption of key image 2')).toHaveValue('L5–S1 lucent cleft');
  await panel.getByLabel('Caption of key image 2').fill('L5–S1 cleft, no bridging bone');
  await panel.getByLabel('Caption of key image 2').press('Enter');

  // Change the view, then show the key image again: the saved slice and window come back.
  await viewport(page, 3).focus();
  await page.keyboard.press('2');
  await page.keyboard.press('Home');
  await expect(viewport(page, 3).getByTestId('window')).toHaveText('W 400 L 40');
  await panel.getByRole('button', { name: 'Show key image 2' }).click();
  await expect(viewport(page, 3).getByTestId('window')).toHaveText('W 1800 L 400');
  await expect(viewport(page, 3).getByTestId('image-position')).toHaveText('Slice 127/256');
  await captureViewer(page, 'viewer-key-images');

  await page.reload();
  await showKeyImagesPanel(page);
  await expect(panel.getByLabel('Caption of key image 2')).toHaveValue('L5–S1 cleft, no bridging bone');
  const r = await page.request.post(`${host.origin}/api/cases.auditTrail`, { data: { id: caseId } });
  const actions = ((await r.json()) as { value: { action: string }[] }).value.map((a) => a.action);
  expect(actions.filter((a) => a === 'viewer.createKeyImage')).toHaveLength(2);
  expect(actions).toContain('viewer.reorderKeyImages');
  expect(actions).toContain('viewer.updateKeyImage');
});

test('a saved layout is the user’s own hanging the next time a case opens', async ({ host, page }) => {
  await openViewerWith(page, host, 'DEMO-0001', [dicom]);
  await page.getByRole('button', { name: '1×2', exact: true }).click();
  await showSeries(page, 1, /AX BONE/, 'Coronal');
  await showSeries(page, 2, /SAG T2/);
  await page.getByRole('button', { name: 'Save layout…' }).click();
  await page.getByLabel('Name').fill('Coronal CT + sagittal T2');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.reload();
  await expect(page.getByRole('button', { name: '1×2', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await waitForImage(page, 1);
  await waitForImage(page, 2);
  await expect(viewport(page, 1)).toContainText('Coronal reformat');
  await expect(viewport(page, 2)).toContainText('SAG T2 TSE');
  await expect(page.getByRole('combobox', { name: 'Hanging layout' })).toHaveValue(/^user:/);
  // The standard hanging is one choice away.
  await page.getByRole('combobox', { name: 'Hanging layout' }).selectOption('builtin:failed-fusion');
  await expect(page.getByRole('button', { name: '2×2', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('cine plays the MR stack at the chosen rate and stops', async ({ host, page }) => {
  await openViewerWith(page, host, 'DEMO-0001', [dicom]);
  await waitForImage(page, 4);
  await viewport(page, 4).focus();
  await page.getByRole('combobox', { name: 'Cine speed' }).selectOption('20');
  await viewport(page, 4).focus();
  await page.keyboard.press('c');
  await expect(viewport(page, 4)).toContainText('Cine 20 fps');
  const seen = new Set<string>();
  await expect
    .poll(async () => {
      seen.add((await viewport(page, 4).getByTestId('image-position').textContent()) ?? '');
      return seen.size;
    })
    .toBeGreaterThan(3);
  await page.keyboard.press('c');
  await expect(viewport(page, 4)).not.toContainText('Cine');
});

test('series go into viewports by drag and drop, or by keyboard (Enter in the list)', async ({
  host,
  page,
}) => {
  await openViewerWith(page, host, 'DEMO-0001', [dicom]);
  await waitForImage(page, 2);
  const list = page.getByRole('navigation', { name: 'Series' });
  await list.getByRole('button', { name: /AX T2 TSE/ }).dragTo(viewport(page, 2));
  await waitForImage(page, 2);
  await expect(viewport(page, 2)).toContainText('AX T2 TSE L3-L4');
  await expect(viewport(page, 2)).toHaveClass(/is-active/);

  await viewport(page, 1).focus();
  await list.getByRole('button', { name: /coronal reformat of AX BONE/i }).focus();
  await page.keyboard.press('Enter');
  await waitForImage(page, 1);
  await expect(viewport(page, 1)).toContainText('Coronal reformat');
  for (const [edge, letter] of [
    ['left', 'R'],
    ['right', 'L'],
    ['top', 'S'],
    ['bottom', 'I'],
  ] as const)
    await expect(viewport(page, 1).getByTestId(`marker-${edge}`)).toHaveText(letter);
});
