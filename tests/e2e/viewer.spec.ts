import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PYDICOM_TEST_FILES, SYSTEM_PYTHON, cloneSeries } from '../support/dicom-corpus.ts';
import { expect, test } from './browser-host-fixture.ts';
import {
  canvasPixels,
  openViewerWith,
  showSeries,
  viewport,
  workDir,
  writeSyntheticCt,
} from './viewer-fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'scr-e2e-viewer-'));
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

/** pydicom's value at (row, column), in modality units. */
function pydicomValue(file: string, row: number, column: number): number {
  const code = `import pydicom,sys; d=pydicom.dcmread(sys.argv[1]); a=d.pixel_array; print(float(a[${row},${column}])*float(d.get('RescaleSlope',1))+float(d.get('RescaleIntercept',0)))`;
  return Number(execFileSync(SYSTEM_PYTHON, ['-c', code, file], { encoding: 'utf8' }).trim());
}

test('the case page opens the viewer on the case’s images', async ({ host, page }) => {
  const dir = workDir(work, 'open');
  cloneSeries(join(PYDICOM_TEST_FILES, 'CT_small.dcm'), dir, 1, '82');
  const caseId = await openViewerWith(page, host, '1CT2', [dir]);
  await page.goto(`${host.origin}/#/cases/${caseId}`);
  await page.getByRole('link', { name: 'Open viewer' }).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${caseId}/viewer$`));
  await expect(
    page.getByRole('navigation', { name: 'Series' }).getByRole('button', { name: /CT series/ }),
  ).toBeVisible();
  await page.getByRole('link', { name: '← Case' }).click();
  await expect(page.getByRole('heading', { name: 'Imaging', exact: true })).toBeVisible();
});

test('the CT value under a known pixel reads back as pydicom computes it (HU)', async ({ host, page }) => {
  const source = join(PYDICOM_TEST_FILES, 'CT_small.dcm');
  const dir = workDir(work, 'hu');
  cloneSeries(source, dir, 1, '81');
  await openViewerWith(page, host, '1CT1', [dir]);
  await page.keyboard.press('l'); // 2×2 → 1×1
  await expect(page.getByRole('button', { name: '1×1' })).toHaveAttribute('aria-pressed', 'true');
  await showSeries(page, 1, /CT series/);
  await page.keyboard.press('o'); // 1:1
  const box = (await viewport(page, 1).locator('canvas').boundingBox())!;
  for (const [row, column] of [
    [20, 30],
    [64, 64],
    [100, 12],
  ] as const) {
    // At 1:1 without pan the 128 × 128 image is centred: pixel (c, r) spans [c, c+1) from the image's corner.
    await page.mouse.move(box.x + box.width / 2 - 64 + column + 0.5, box.y + box.height / 2 - 64 + row + 0.5);
    const probe = viewport(page, 1).getByTestId('probe');
    await expect(probe).toContainText(`(${column}, ${row})`);
    await expect(probe).toHaveText(`(${column}, ${row}) ${pydicomValue(source, row, column)} HU`);
  }
});

/** A clone of a corpus file with its own UIDs and a series description to find it by. */
function twin(file: string, dir: string, tag: string, description: string, extra: string[] = []): string {
  const [copy] = cloneSeries(join(PYDICOM_TEST_FILES, file), dir, 1, tag);
  execFileSync('dcmodify', ['-nb', '-i', `(0008,103E)=${description}`, ...extra, copy!], { stdio: 'pipe' });
  return copy!;
}

/** The image's screen rectangle at "fit" for a square image in a viewport (centred, scaled to the short side). */
function fittedSquare(canvas: { width: number; height: number }, margin = 2) {
  const side = Math.min(canvas.width, canvas.height);
  const x0 = Math.round((canvas.width - side) / 2) + margin;
  const y0 = Math.round((canvas.height - side) / 2) + margin;
  return { x0, y0, x1: x0 + side - 2 * margin, y1: y0 + side - 2 * margin };
}

test('JPEG-LS, JPEG 2000 and RLE copies show exactly the pixels of the uncompressed original', async ({
  host,
  page,
}) => {
  const dir = workDir(work, 'twins');
  twin('MR_small.dcm', join(dir, 'raw'), '71', 'TWIN RAW');
  twin('MR_small_jpeg_ls_lossless.dcm', join(dir, 'jls'), '72', 'TWIN JPEG-LS');
  twin('MR_small_jp2klossless.dcm', join(dir, 'j2k'), '73', 'TWIN J2K');
  twin('MR_small_RLE.dcm', join(dir, 'rle'), '74', 'TWIN RLE');
  await openViewerWith(page, host, '4MR1', [dir]);
  await page.getByRole('button', { name: '2×2', exact: true }).click();
  const names = [/TWIN RAW/, /TWIN JPEG-LS/, /TWIN J2K/, /TWIN RLE/];
  for (const [i, name] of names.entries()) await showSeries(page, i + 1, name);
  const raw = await canvasPixels(page, 1);
  // Not a blank canvas: the MR has structure.
  const distinct = new Set(raw.data.filter((_, k) => k % 4 === 0));
  expect(distinct.size).toBeGreaterThan(50);
  for (const n of [2, 3, 4]) {
    const other = await canvasPixels(page, n);
    expect([other.width, other.height]).toEqual([raw.width, raw.height]);
    let differing = 0;
    for (let k = 0; k < raw.data.length; k++) if (raw.data[k] !== other.data[k]) differing++;
    expect(differing, `viewport ${n} differs from the uncompressed image`).toBe(0);
  }
});

test('MONOCHROME1 is shown inverted: the same stored pixels as a MONOCHROME2 copy, grey levels reversed', async ({
  host,
  page,
}) => {
  const dir = workDir(work, 'mono');
  twin('MR_small.dcm', join(dir, 'm2'), '61', 'MONO TWO');
  twin('MR_small.dcm', join(dir, 'm1'), '62', 'MONO ONE', ['-m', '(0028,0004)=MONOCHROME1']);
  await openViewerWith(page, host, '5MR1', [dir]);
  await page.getByRole('button', { name: '1×2', exact: true }).click();
  await showSeries(page, 1, /MONO TWO/);
  await showSeries(page, 2, /MONO ONE/);
  const m2 = await canvasPixels(page, 1);
  const m1 = await canvasPixels(page, 2);
  const r = fittedSquare(m2);
  let [checked, worst] = [0, 0];
  for (let y = r.y0; y < r.y1; y++)
    for (let x = r.x0; x < r.x1; x++) {
      const k = (y * m2.width + x) * 4;
      worst = Math.max(worst, Math.abs(m1.data[k]! - (255 - m2.data[k]!)));
      checked++;
    }
  expect(checked).toBeGreaterThan(10000);
  // Each side rounds to 8 bits once before the canvas interpolates: at most 2 levels apart.
  expect(worst).toBeLessThanOrEqual(2);
  // The toggle inverts back: then both look the same.
  await viewport(page, 2).focus();
  await page.keyboard.press('i');
  await expect(viewport(page, 2).getByTestId('zoom')).toContainText('inverted');
  const back = await canvasPixels(page, 2);
  const k = ((r.y0 + 40) * m2.width + r.x0 + 40) * 4;
  expect(Math.abs(back.data[k]! - m2.data[k]!)).toBeLessThanOrEqual(1);
});

test('an image that cannot be decoded says why in its viewport', async ({ host, page }) => {
  const dir = workDir(work, 'broken');
  // Its JPEG 2000 codestream is damaged (pydicom keeps it to test a sequence delimiter inside the data):
  // the header imports, the pixels cannot be decoded.
  cloneSeries(join(PYDICOM_TEST_FILES, 'JPEG2000-embedded-sequence-delimiter.dcm'), dir, 1, '51');
  await openViewerWith(page, host, '6MR1', [dir]);
  await page.keyboard.press('l');
  await viewport(page, 1).focus();
  await page
    .getByRole('navigation', { name: 'Series' })
    .getByRole('button', { name: /NM series/ })
    .click();
  const alert = viewport(page, 1).getByRole('alert');
  await expect(alert).toContainText('Image 1 of 1 cannot be shown');
  await expect(alert).toContainText('The JPEG 2000 data cannot be decoded');
  await expect(viewport(page, 1).locator('canvas')).not.toBeVisible();
});

test('sagittal reformat of an axial CT: anterior left, head up, true proportions, HU under the pointer', async ({
  host,
  page,
}) => {
  const dir = writeSyntheticCt(workDir(work, 'volume'), { slices: 48, seriesDescription: 'SYNTH AXIAL' });
  await openViewerWith(page, host, 'SYNTH-CT', [dir]);
  await page.keyboard.press('l');
  await showSeries(page, 1, /SYNTH AXIAL/, 'Sagittal');
  const v = viewport(page, 1);
  await expect(v).toContainText('Sagittal reformat');
  await expect(v.getByTestId('image-position')).toHaveText('Slice 32/64');
  for (const [edge, letter] of [
    ['top', 'S'],
    ['bottom', 'I'],
    ['left', 'A'],
    ['right', 'P'],
  ] as const)
    await expect(v.getByTestId(`marker-${edge}`)).toHaveText(letter);

  const px = await canvasPixels(page, 1);
  // The body (40 HU at W 400 L 40 → mid grey) spans 54 source rows × 0.8 mm across and 48 × 2 mm down.
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  let [sx, sy, n] = [0, 0, 0];
  for (let y = 0; y < px.height; y++)
    for (let x = 0; x < px.width; x++) {
      const g = px.data[(y * px.width + x) * 4]!;
      if (g > 60)
        [minX, maxX, minY, maxY] = [
          Math.min(minX, x),
          Math.max(maxX, x),
          Math.min(minY, y),
          Math.max(maxY, y),
        ];
      if (g === 255) [sx, sy, n] = [sx + x, sy + y, n + 1];
    }
  const ratio = (maxY - minY + 1) / (maxX - minX + 1);
  expect(ratio).toBeGreaterThan((96 / (54 * 0.8)) * 0.93);
  expect(ratio).toBeLessThan((96 / (54 * 0.8)) * 1.07);
  // The 1000 HU marker is anterior and superior: top left of the body. The bone column is posterior, all the way down.
  const marker = { x: 0, y: 0 };
  let count = 0;
  for (let y = minY; y < minY + (maxY - minY) / 3; y++)
    for (let x = minX; x < (minX + maxX) / 2; x++)
      if (px.data[(y * px.width + x) * 4] === 255)
        [marker.x, marker.y, count] = [marker.x + x, marker.y + y, count + 1];
  expect(count).toBeGreaterThan(50);
  expect(sx / n).toBeGreaterThan(minX); // both bright structures inside the body
  expect(sy / n).toBeGreaterThan(minY);

  // HU of the marker and of the bone column, read back through the probe.
  const box = (await v.locator('canvas').boundingBox())!;
  await page.mouse.move(box.x + marker.x / count, box.y + marker.y / count);
  await expect(v.getByTestId('probe')).toContainText('1000 HU');
  await page.mouse.move(box.x + minX + ((45 - 3) / 54) * (maxX - minX), box.y + (minY + maxY) / 2);
  await expect(v.getByTestId('probe')).toContainText('700 HU');
});

test('a stack with a missing slice is reformatted on an even grid, and the viewer says so', async ({
  host,
  page,
}) => {
  const dir = writeSyntheticCt(workDir(work, 'gap'), {
    slices: 30,
    skip: [12],
    seriesDescription: 'SYNTH GAP',
  });
  await openViewerWith(page, host, 'SYNTH-GAP', [dir]);
  await page.keyboard.press('l');
  await showSeries(page, 1, /SYNTH GAP/, 'Coronal');
  await expect(viewport(page, 1)).toContainText(
    'Uneven slice spacing (2.00–4.00 mm): resampled every 2.00 mm by interpolation.',
  );
  await expect(viewport(page, 1)).toContainText('Coronal reformat');
});

test('window presets by number key, W/L drag, zoom and invert change what the overlay reports', async ({
  host,
  page,
}) => {
  const dir = writeSyntheticCt(workDir(work, 'presets'), { slices: 12, seriesDescription: 'SYNTH PRESETS' });
  await openViewerWith(page, host, 'SYNTH-PRE', [dir]);
  await page.keyboard.press('l');
  await showSeries(page, 1, /SYNTH PRESETS/);
  const v = viewport(page, 1);
  await expect(v.getByTestId('window')).toHaveText('W 400 L 40');
  await page.keyboard.press('1');
  await expect(v.getByTestId('window')).toHaveText('W 1800 L 400');
  await page.keyboard.press('3');
  await expect(v.getByTestId('window')).toHaveText('W 4000 L 1000');
  const box = (await v.locator('canvas').boundingBox())!;
  await page.mouse.move(box.x + 100, box.y + 100);
  await page.mouse.down();
  await page.mouse.move(box.x + 150, box.y + 100, { steps: 5 });
  await page.mouse.up();
  await expect(v.getByTestId('window')).not.toHaveText('W 4000 L 1000');
  await page.keyboard.press('o');
  await expect(v.getByTestId('zoom')).toContainText('Zoom 1.00×');
  await page.keyboard.press('r');
  await expect(v.getByTestId('zoom')).toContainText('90°');
  await page.keyboard.press('0');
  await expect(v.getByTestId('window')).toHaveText('W 400 L 40');
  await expect(v.getByTestId('zoom')).not.toContainText('°');
  await page.keyboard.press('ArrowDown');
  await expect(v.getByTestId('image-position')).toHaveText('Im 2/12');
  await page.keyboard.press('End');
  await expect(v.getByTestId('image-position')).toHaveText('Im 12/12');
  await page.mouse.move(box.x + 100, box.y + 100);
  await page.mouse.wheel(0, -300);
  await expect(v.getByTestId('image-position')).not.toHaveText('Im 12/12');
});
