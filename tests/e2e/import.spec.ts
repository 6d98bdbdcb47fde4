import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PYDICOM_TEST_FILES, SYSTEM_PYTHON, cloneSeries } from '../support/dicom-corpus.ts';
import { expect, test } from './browser-host-fixture.ts';
import { captureScreens } from './screens.ts';

const work = mkdtempSync(join(tmpdir(), 'scr-e2e-import-'));
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

async function signInAndCreateCase(page: Page, url: string, mrn: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Your name').fill('Dr. Importer');
  await page.getByLabel('Discipline').selectOption('radiology');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Case title').fill('Failed L5–S1 fusion, imaging review');
  await page.getByLabel('MRN').fill(mrn);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: 'Imaging', exact: true })).toBeVisible();
}

/** The CLI's summary of the same import on a fresh database: the UI must report the same. */
function cliSummary(path: string): {
  imported: number;
  duplicates: number;
  skipped: number;
  failed: unknown[];
} {
  const dataDir = mkdtempSync(join(work, 'cli-'));
  const out = execFileSync(process.execPath, ['dist/node/cli.js', 'import', path, '--json'], {
    env: { ...process.env, SCR_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { imported: number; duplicates: number; skipped: number; failed: unknown[] };
}

test('import a patient CD folder into a case: progress, summary, study tree', async ({ host, page }) => {
  const cd = join(work, 'CD');
  cloneSeries(join(PYDICOM_TEST_FILES, 'CT_small.dcm'), join(cd, 'DICOM', 'ST000001', 'SE000001'), 12, '6');
  cloneSeries(join(PYDICOM_TEST_FILES, 'MR_small.dcm'), join(cd, 'DICOM', 'ST000001', 'SE000002'), 5, '7');
  writeFileSync(join(cd, 'AUTORUN.INF'), '[autorun]\nopen=viewer.exe\n');
  execFileSync('dcmmkdir', ['--recurse', '-Pgp', '+I', '+id', cd, 'DICOM'], { cwd: cd, stdio: 'pipe' });

  await signInAndCreateCase(page, host.url, '1CT1');
  await page.getByLabel('Import into this case: folder').setInputFiles(cd);
  const dialog = page.getByRole('dialog', { name: 'Import imaging' });
  await expect(
    dialog.getByText(/17 imported · 0 already stored · 2 skipped \(not images\) · 0 could not be read/),
  ).toBeVisible();
  await captureScreens(page, 'import-summary');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const imaging = page.locator('section', {
    has: page.getByRole('heading', { name: 'Imaging', exact: true }),
  });
  await expect(imaging.getByText('12 images')).toBeVisible();
  await expect(imaging.getByText('5 images')).toBeVisible();
  // Thumbnails are real decoded images, not empty tiles: their pixels vary.
  const thumbnails = imaging.locator('img.thumbnail');
  await expect(thumbnails).toHaveCount(2);
  for (const img of await thumbnails.all()) {
    await expect
      .poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth))
      .toBeGreaterThan(0);
    const spread = await img.evaluate((i: HTMLImageElement) => {
      const c = document.createElement('canvas');
      c.width = i.naturalWidth;
      c.height = i.naturalHeight;
      const g = c.getContext('2d')!;
      g.drawImage(i, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let lo = 255;
      let hi = 0;
      for (let k = 0; k < d.length; k += 4) {
        lo = Math.min(lo, d[k]!);
        hi = Math.max(hi, d[k]!);
      }
      return hi - lo;
    });
    expect(spread).toBeGreaterThan(100);
  }
  await captureScreens(page, 'case-imaging');

  // The same CD again adds nothing.
  await page.getByLabel('Import into this case: folder').setInputFiles(cd);
  await expect(dialog.getByText(/0 imported · 17 already stored/)).toBeVisible();
});

test('import the pydicom corpus and a zip through the file picker, with the reasons for failures', async ({
  host,
  page,
}) => {
  const zip = join(work, 'export.zip');
  execFileSync(SYSTEM_PYTHON, [
    '-c',
    `import zipfile, glob, os
with zipfile.ZipFile('${zip}', 'w') as z:
    for f in sorted(glob.glob('${PYDICOM_TEST_FILES}/*')):
        if os.path.isfile(f): z.write(f, 'EXPORT/' + os.path.basename(f))`,
  ]);
  const expected = cliSummary(zip);
  await signInAndCreateCase(page, host.url, 'MRN-ZIP');
  await page.getByLabel('Import into this case: files or zip').setInputFiles(zip);
  const dialog = page.getByRole('dialog', { name: 'Import imaging' });
  await expect(
    dialog.getByText(
      new RegExp(
        `${expected.imported} imported · ${expected.duplicates} already stored · ${expected.skipped} skipped \\(not images\\) · ${expected.failed.length} could not be read`,
      ),
    ),
  ).toBeVisible();
  await expect(
    dialog.getByText(/MR_truncated\.dcm — truncated: the pixel data holds 8130 of the 8192 bytes/),
  ).toBeVisible();
  await captureScreens(page, 'import-failures');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('link', { name: 'Image library' }).click();
  await expect(page.getByRole('heading', { name: 'Image library' })).toBeVisible();
  await expect(page.locator('.tree-patient', { hasText: 'CQ500-CT-310' })).toBeVisible();
  await captureScreens(page, 'image-library');
});

test('drop DICOM files onto the window to import them', async ({ host, page }) => {
  await signInAndCreateCase(page, host.url, '4MR1');
  const bytes = [...readFileSync(join(PYDICOM_TEST_FILES, 'MR_small.dcm'))];
  await page.evaluate(async (data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], 'MR_small.dcm', { type: 'application/dicom' }));
    transfer.items.add(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    const target = document.querySelector('.drop-target')!;
    target.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await Promise.resolve();
  }, bytes);
  const dialog = page.getByRole('dialog', { name: 'Import imaging' });
  await expect(dialog.getByText(/1 imported · 0 already stored · 1 skipped/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('1 image', { exact: false }).first()).toBeVisible();
});
