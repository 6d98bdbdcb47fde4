import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePhantom } from '../../electron/services/phantom/generate-phantom.ts';
import type { RunningOrthanc } from '../support/orthanc.ts';
import { ORTHANC_PASSWORD, ORTHANC_USER, orthancAvailable, startOrthanc } from '../support/orthanc.ts';
import { expect, test } from './browser-host-fixture.ts';
import { SCREENSHOT_DIR } from './screens.ts';

const available = orthancAvailable();
const work = mkdtempSync(join(tmpdir(), 'scr-e2e-pacs-'));
let orthanc: RunningOrthanc;
let ctImages = 0;

test.beforeAll(async () => {
  if (!available) return;
  orthanc = await startOrthanc();
  const m = await generatePhantom({
    outDir: work,
    seed: 7,
    ctSlices: 12,
    ctMatrix: 64,
    include: ['ct', 'mr'],
  });
  ctImages = m.series.find((s) => s.modality === 'CT')!.files.length;
  await orthanc.uploadAll([join(work, 'DICOM')]);
});
test.afterAll(async () => {
  await orthanc?.stop();
  rmSync(work, { recursive: true, force: true });
});

test.skip(!available, 'Orthanc is not installed');

test('set up the hospital archive, search it and retrieve a study into a case', async ({ host, page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(host.url);
  await page.getByLabel('Your name', { exact: true }).fill('Dr. Ada Surgeon');
  await page.getByLabel('Discipline', { exact: true }).selectOption({ label: 'Spine surgery' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Case title', { exact: true }).fill('Failed L4–S1 fusion');
  await page.getByLabel('MRN', { exact: true }).fill('DEMO-0007');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: 'Imaging', exact: true })).toBeVisible();
  const caseUrl = page.url();

  // Archive settings: a wrong password gets a plain answer, the right one connects.
  await page.getByRole('link', { name: 'Hospital archive' }).first().click();
  await page.getByRole('link', { name: 'Add the hospital’s PACS' }).click();
  const form = page.getByRole('form', { name: 'Archive settings' });
  await form.getByLabel('Name', { exact: true }).fill('Hospital PACS');
  await form.getByLabel('DICOMweb base URL', { exact: true }).fill(orthanc.dicomWebUrl);
  await form.getByLabel('User name', { exact: true }).fill(ORTHANC_USER);
  await form.getByLabel('Password', { exact: true }).fill('wrong');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toContainText('refused the login (HTTP 401)');
  await form.getByLabel('Password', { exact: true }).fill(ORTHANC_PASSWORD);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toContainText('Connected');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/pacs-settings.png`, fullPage: true });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toContainText('Saved “Hospital PACS”');
  await expect(
    page.getByRole('navigation', { name: 'Archives' }).getByRole('button', { name: /Hospital PACS/ }),
  ).toBeVisible();

  // From the case: the search is prefilled with the case's MRN.
  await page.goto(caseUrl);
  await page
    .locator('section', { has: page.getByRole('heading', { name: 'Imaging', exact: true }) })
    .getByRole('link', { name: 'Hospital archive' })
    .click();
  await expect(page.getByRole('heading', { name: 'Hospital archive · Failed L4–S1 fusion' })).toBeVisible();
  await expect(page.getByLabel('Patient ID', { exact: true })).toHaveValue('DEMO-0007');
  await page.getByLabel('Modality', { exact: true }).selectOption('CT');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const results = page.getByLabel('Search results', { exact: true });
  await expect(results.getByRole('heading', { name: /DEMO\^REVISION/ })).toBeVisible();
  await results.getByRole('button', { name: /CT/ }).first().click();
  await expect(results.getByText(`${ctImages} images`).last()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/pacs-search.png`, fullPage: true });

  await results.getByRole('button', { name: 'Retrieve study' }).click();
  const progress = page.getByLabel('Retrieve progress', { exact: true });
  await expect(progress.getByRole('heading', { name: 'Retrieved' })).toBeVisible({ timeout: 120_000 });
  await expect(progress).toContainText(`${ctImages} of ${ctImages} images`);
  await expect(progress).toContainText(`${ctImages} new images imported, 0 duplicates, 0 skipped, 0 failed.`);
  await expect(results.getByText('Imported', { exact: true }).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/pacs-retrieved.png`, fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/pacs-retrieved-1024x768.png`, fullPage: true });
  await page.setViewportSize({ width: 1920, height: 1080 });

  // The case now shows the retrieved study.
  await page.getByRole('link', { name: 'Back to the case' }).click();
  await expect(page.getByText(`${ctImages} images`).first()).toBeVisible();
});
