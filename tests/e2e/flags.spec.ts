import type { Page } from '@playwright/test';
import { SCHEMA_VERSION } from '../../shared/evaluation/schema.ts';
import { lumbarCase } from '../shared/evaluation/fixtures.ts';
import { expect, test } from './browser-host-fixture.ts';
import { captureScreens } from './screens.ts';

/** A work-up with many prompts and one neurological red flag, saved through the real API. */
const VALUES = lumbarCase({
  'history.symptoms': ['axialPain', 'radicularPain', 'bowelBladder'],
  'history.indexSurgeryDate': '2024-01-10',
  'history.symptomOnsetDate': '2024-02-01',
  'exam.umnSigns': ['none'],
  'health.smoking': 'current',
  'health.cigarettesPerDay': 20,
  'health.yearsSmoked': 30,
  'health.diabetes': 'type2',
  'health.hba1c': 64,
  'health.hba1cUnit': 'mmol/mol',
  'health.heightCm': 64,
  'health.heightUnit': 'in',
  'health.weightKg': 220,
  'health.weightUnit': 'lb',
  'health.opioids': true,
  'health.opioidDays': 200,
  'health.opioidAgent': 'oxycodone',
  'health.opioidDoseMg': 20,
  'health.opioidDosesPerDay': 3,
  'labs.crp': 2.5,
  'labs.crpUnit': 'mg/dL',
  'labs.vitaminD': 40,
  'labs.vitaminDUnit': 'nmol/L',
  'labs.albumin': 31,
  'labs.albuminUnit': 'g/L',
  'imaging.pi': 62,
  'imaging.ll': 30,
  'imaging.pt': 32,
  'imaging.svaMm': 110,
  'imaging.levels': {
    'L4-L5': { bridwell: 'I', hardware: ['intact'] },
    'L5-S1': { bridwell: 'IV', hardware: ['screwLoosening'], translationMm: 1, angulationDeg: 2 },
    'L3-L4': { pfirrmann: 'IV', schizas: 'B', translationMm: 5, angulationDeg: 8 },
  },
});

async function openCaseWithEvaluation(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Your name').fill('Dr. Flag Reviewer');
  await page.getByLabel('Discipline').selectOption({ label: 'Spine surgery' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Case title').fill('Failed L4–S1 PLIF, new bladder symptoms');
  await page.getByLabel('MRN').fill('MRN-FLAGS-1');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: 'Evaluation', exact: true })).toBeVisible();
  const caseId = Number(/cases\/(\d+)/.exec(page.url())?.[1]);
  const status = await page.evaluate(
    async ({ caseId, document }) => {
      const r = await fetch('/api/evaluation.save', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ caseId, baseVersion: 0, document }),
      });
      return r.status;
    },
    { caseId, document: { schemaVersion: SCHEMA_VERSION, values: VALUES } },
  );
  expect(status).toBe(200);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Evaluation', exact: true })).toBeVisible();
}

test('urgent flags sit at the top of the case; every flag is on the page, none in a scroll box', async ({
  page,
  host,
}) => {
  // Four screenshots, two of them full-page at 1024 px wide (a tall page): slow on a loaded machine.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openCaseWithEvaluation(page, host.url);

  const urgent = page.locator('section.ev-urgent');
  await expect(urgent).toBeVisible();
  await expect(urgent).toContainText('new bowel or bladder dysfunction');
  await expect(urgent).toContainText('Todd NV, Br J Neurosurg 2017');
  // Above the case details and the evaluation.
  const urgentTop = (await urgent.boundingBox())?.y ?? Infinity;
  const detailsTop = (await page.getByRole('form', { name: 'Case details' }).boundingBox())?.y ?? 0;
  expect(urgentTop).toBeLessThan(detailsTop);

  const list = page.locator('.ev-flags .ev-flag-list');
  const items = list.locator('li.ev-flag');
  await expect(items.first()).toHaveAttribute('data-flag-id', 'neuroRedFlags');
  for (const id of [
    'infectionWorkup',
    'earlyTimingCrp',
    'vitaminD',
    'albumin',
    'hba1c',
    'bmi',
    'opioidDose',
  ]) {
    await expect(list.locator(`li[data-flag-id="${id}"]`)).toBeVisible();
  }
  await expect(list.locator('li[data-flag-id="earlyTimingCrp"]')).toContainText(
    '25 mg/L (entered 2.5 mg/dL)',
  );
  await expect(list.locator('li[data-flag-id="sagittalRealignment"]')).toContainText(
    'Schwab F et al., Spine 2012',
  );
  await expect(list.locator('li[data-flag-id="adjacentInstability"]')).toContainText('L3-L4: 5 mm');
  // Not cut into an inner scroll box: the list is as tall as its content.
  const { scrollHeight, clientHeight, overflowY } = await list.evaluate((el) => ({
    scrollHeight: el.scrollHeight,
    clientHeight: el.clientHeight,
    overflowY: getComputedStyle(el).overflowY,
  }));
  expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 1);
  expect(overflowY).toBe('visible');

  await captureScreens(page, 'flags-case');
  await list.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/flags-list-1920.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await list.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/flags-list-1024x768.png' });
});

test('a lab value is entered in another unit with the unit selector beside it', async ({ page, host }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openCaseWithEvaluation(page, host.url);
  const nav = page.locator('section.evaluation').getByRole('navigation', { name: 'Evaluation sections' });
  await nav.getByRole('button', { name: /^Labs/ }).click();
  const crp = page.getByRole('textbox', { name: 'C-reactive protein (CRP)', exact: true });
  await expect(crp).toHaveValue('2.5');
  const unit = page.getByRole('combobox', { name: 'C-reactive protein (CRP) unit' });
  await expect(unit).toHaveValue('mg/dL');
  const crpFlag = page.locator('.ev-flags li[data-flag-id="earlyTimingCrp"]');
  await expect(crpFlag).toHaveCount(1);
  await unit.selectOption('mg/L');
  // 2.5 mg/L is normal: the CRP prompt goes away.
  await expect(crpFlag).toHaveCount(0);
  await page.locator('#ev-labs_crp-block').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/unit-selector-1920.png' });
});
