import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { CaseMeasurements } from '../../shared/measurements/measurement.ts';
import { expect, test } from './browser-host-fixture.ts';
import { SCREENSHOT_DIR, captureScreens } from './screens.ts';
import { call } from './viewer-fixtures.ts';

test('load the demo case from an empty database: imaging imported into a new case', async ({
  host,
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await page.getByLabel('Your name').fill('Dr. Demo');
  await page.getByLabel('Discipline').selectOption('spine-surgery');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('No cases yet.')).toBeVisible();
  await page.locator('.empty-note').getByRole('button', { name: 'Load demo case' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import imaging' });
  await expect(
    dialog.getByText(/\d+ imported · 0 already stored · 0 skipped \(not images\) · 0 could not be read/),
  ).toBeVisible({
    timeout: 150_000,
  });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('DEMO (synthetic)');
  const imaging = page.locator('section', {
    has: page.getByRole('heading', { name: 'Imaging', exact: true }),
  });
  await expect(imaging.locator('.tree-patient')).toContainText('DEMO-0001');
  for (const modality of ['CT', 'DX', 'MR'])
    await expect(imaging.locator('.modality-chip', { hasText: modality }).first()).toBeVisible();
  await expect(imaging.locator('img.thumbnail').first()).toBeVisible();
  // The work-up comes pre-filled and consistent with the images.
  await expect(page.getByText('✓ Ready for conference')).toBeVisible();
  await expect(page.locator('.evaluation')).toContainText('Smoking');
  await captureScreens(page, 'demo-case');

  // The demo's flags: the infection work-up prompt and smoking, all on the page, no urgent flag.
  await expect(page.locator('section.ev-urgent')).toHaveCount(0);
  const list = page.locator('.ev-flags .ev-flag-list');
  for (const id of ['infectionWorkup', 'smoking', 'adjacentInstability'])
    await expect(list.locator(`li[data-flag-id="${id}"]`)).toBeVisible();
  const { scrollHeight, clientHeight } = await list.evaluate((el) => ({
    scrollHeight: el.scrollHeight,
    clientHeight: el.clientHeight,
  }));
  expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 1);
  for (const [width, height] of [
    [1920, 1080],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.locator('.ev-flags').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/demo-flags-${width}x${height}.png` });
    await page.locator('.ev-flags').screenshot({ path: `${SCREENSHOT_DIR}/demo-flags-panel-${width}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  // Its measurements (placed from the phantom's ground truth) leave as a DICOM SR that dciodvfy
  // accepts and dsrdump reads with PI, LL and SVA and their values: the command line's export.
  const cases = await call<{ id: number; title: string }[]>(page.request, host.origin, 'cases.list', {});
  const caseId = cases.find((c) => c.title.startsWith('DEMO (synthetic)'))!.id;
  const measured = await call<CaseMeasurements>(page.request, host.origin, 'measurements.list', { caseId });
  const sp = measured.measurements.find((m) => m.tool === 'spinopelvic')!;
  const sr = join(host.dataDir, 'demo-measurements.dcm');
  execFileSync(
    process.execPath,
    [
      'dist/node/cli.js',
      'export-measurements',
      '--case',
      String(caseId),
      '--format',
      'sr',
      '--out',
      sr,
      '--user',
      'Dr. Demo',
      '--discipline',
      'spine-surgery',
    ],
    { env: { ...process.env, SCR_DATA_DIR: host.dataDir }, encoding: 'utf8' },
  );
  const verified = spawnSync('dciodvfy', [sr], { encoding: 'utf8' });
  expect(verified.error).toBeUndefined();
  expect(`${verified.stdout}${verified.stderr}`.split('\n').filter((l) => /^Error/.test(l))).toEqual([]);
  const dump = execFileSync('dsrdump', [sr], { encoding: 'utf8' });
  const value = (key: string) => sp.values.find((v) => v.key === key)!.value;
  expect(dump).toContain('Imaging Measurement Report');
  expect(dump).toContain(`Pelvic incidence (PI)")="${value('PI')}"`);
  expect(dump).toContain(`Lumbar lordosis (LL)")="${value('LL')}"`);
  expect(dump).toContain(`Sagittal vertical axis (SVA)")="${value('SVA_mm')}"`);
  await page.getByRole('link', { name: 'All cases' }).click();
  await expect(page.locator('.case-table tbody tr')).toHaveCount(1);
});
