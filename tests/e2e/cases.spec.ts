import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './browser-host-fixture.ts';
import { captureScreens } from './screens.ts';
import { call, workDir, writeSyntheticCt } from './viewer-fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'scr-e2e-cases-'));
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

async function signIn(page: Page, name: string, discipline: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Discipline').selectOption({ label: discipline });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Signed in user')).toContainText(name);
}

test('without the token the host answers 401 and shows no data', async ({ host, page }) => {
  const response = await page.goto(host.origin + '/');
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('Unauthorized');
  const api = await page.request.post(`${host.origin}/api/cases.list`, { data: {} });
  expect(api.status()).toBe(401);
});

test('sign in, create a case with validation, find it by search, and it survives a reload', async ({
  host,
  page,
}) => {
  await page.goto(host.url);
  await expect(page).toHaveURL(`${host.origin}/`);
  await expect(page.getByRole('heading', { name: 'Spine Case Review' })).toBeVisible();
  await captureScreens(page, 'sign-in');

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Enter your name (at least 2 characters).')).toBeVisible();
  await expect(page.getByText('Choose your discipline.')).toBeVisible();
  await signIn(page, 'Dr. Ada Surgeon', 'Spine surgery');

  await expect(page.getByText('No cases yet.')).toBeVisible();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Case title').fill('ab');
  await page.getByLabel('Birth date').fill('2999-01-01');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByText('Enter a case title (at least 3 characters).')).toBeVisible();
  await expect(page.getByText('Enter the medical record number (MRN).')).toBeVisible();
  await expect(page.getByText('This date is in the future.')).toBeVisible();
  await expect(page.getByLabel('Case title')).toHaveValue('ab');
  await captureScreens(page, 'new-case-validation');

  await page.getByLabel('Case title').fill('Failed L4–S1 fusion, recurrent left leg pain');
  await page.getByLabel('Question for the team').fill('Revise L5–S1 pseudarthrosis or treat conservatively?');
  await page.getByLabel('MRN').fill('MRN-4711');
  await page.getByLabel('Name', { exact: true }).fill('DOE^JANE');
  await page.getByLabel('Birth date').fill('1961-04-12');
  await page.getByLabel('Sex').selectOption('F');
  await page.getByRole('button', { name: 'Create case' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Failed L4–S1 fusion, recurrent left leg pain',
  );
  await expect(page.getByText('Created the case')).toBeVisible();
  const caseUrl = page.url();

  await page.getByRole('link', { name: 'All cases' }).click();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Case title').fill('Adjacent segment disease above L3–L5 fusion');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Adjacent segment disease above L3–L5 fusion',
  );
  await page.getByRole('link', { name: 'All cases' }).click();

  const rows = page.locator('.case-table tbody tr');
  await expect(rows).toHaveCount(2);
  await captureScreens(page, 'case-list');
  await page.getByLabel('Search').fill('mrn-4711');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('DOE^JANE');
  await page.getByLabel('Search').fill('pseudarthrosis');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Search').fill('nothing like this');
  await expect(page.getByText('No case matches this search.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Signed in user')).toContainText('Dr. Ada Surgeon');
  await expect(rows).toHaveCount(2);
  await page.goto(caseUrl);
  await expect(page.getByLabel('MRN')).toHaveValue('MRN-4711');
  await expect(page.getByLabel('Question for the team')).toHaveValue(
    'Revise L5–S1 pseudarthrosis or treat conservatively?',
  );
});

test('edit a case, mark it ready, archive and restore it — all recorded with the author', async ({
  host,
  page,
}) => {
  await page.goto(host.url);
  await signIn(page, 'Dr. Ray Diologist', 'Radiology');
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Case title').fill('Loose S1 screws after L5–S1 TLIF');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loose S1 screws after L5–S1 TLIF');

  const save = page.getByRole('button', { name: 'Save changes' });
  await expect(save).toBeDisabled();
  await page.getByLabel('Case title').fill('');
  await save.click();
  await expect(page.getByText('Enter a case title (at least 3 characters).')).toBeVisible();
  await page.getByLabel('Case title').fill('Loose S1 screws with halo after L5–S1 TLIF');
  await page.getByLabel('Status', { exact: true }).selectOption('ready');
  await save.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Loose S1 screws with halo after L5–S1 TLIF',
  );
  await expect(page.locator('.page-header .status-badge')).toHaveText('Ready for conference');
  await expect(page.getByText('Edited the case')).toBeVisible();
  await captureScreens(page, 'case-page');

  await page.getByRole('button', { name: 'Archive case' }).click();
  await expect(page.getByText('This case is archived and read-only.')).toBeVisible();
  await expect(page.getByLabel('Case title')).toBeDisabled();
  await page.getByRole('link', { name: 'All cases' }).click();
  await expect(page.getByText('No cases yet.')).toBeVisible();
  await page.getByLabel('Status').selectOption('archived');
  await page.getByRole('link', { name: 'Loose S1 screws with halo after L5–S1 TLIF' }).click();
  await page.getByRole('button', { name: 'Restore case' }).click();
  await expect(page.locator('.page-header .status-badge')).toHaveText('Ready for conference');
  const history = page.locator('.audit-list li');
  await expect(history).toHaveCount(4);
  await expect(history.first()).toContainText('Dr. Ray Diologist');
  await expect(history.first()).toContainText('Restored the case');
});

test('switch user on a shared conference PC; changes name the new user', async ({ host, page }) => {
  await page.goto(host.url);
  await signIn(page, 'Dr. First', 'Neurosurgery');
  await page.getByRole('button', { name: 'Switch user' }).click();
  await signIn(page, 'Dr. Second', 'Physiotherapy');
  await page.getByRole('button', { name: 'Switch user' }).click();
  await expect(page.getByRole('button', { name: /Dr\. First/ })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Case title').fill('Junctional kyphosis above T10–pelvis');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/created by Dr\. Second/)).toBeVisible();
});

test('keyboard only: sign in, "/" focuses search, Enter opens a form, Escape closes it', async ({
  host,
  page,
}) => {
  await page.goto(host.url);
  await page.getByLabel('Your name').fill('Dr. Keys');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Discipline')).toBeFocused();
  await page.keyboard.type('Rad');
  await expect(page.getByLabel('Discipline')).toHaveValue('radiology');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Signed in user')).toContainText('Dr. Keys');
  await page.locator('body').press('/');
  await expect(page.getByLabel('Search')).toBeFocused();
  await page.getByRole('button', { name: 'New case' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Case title')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'New case' })).toHaveCount(0);
});

test('filter cases by date of last change, and delete a case after confirming', async ({ host, page }) => {
  await page.goto(host.url);
  await signIn(page, 'Dr. Tidy', 'Spine surgery');
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Case title').fill('Duplicate entry by mistake');
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.getByRole('link', { name: 'All cases' }).click();
  const rows = page.locator('.case-table tbody tr');
  await expect(rows).toHaveCount(1);
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel('Changed from').fill('2999-01-01');
  await expect(page.getByText('No case matches this search.')).toBeVisible();
  await page.getByLabel('Changed from').fill('2000-01-01');
  await page.getByLabel('to', { exact: true }).fill(today);
  await expect(rows).toHaveCount(1);

  await page.getByRole('link', { name: 'Duplicate entry by mistake' }).click();
  await page.getByRole('button', { name: 'Delete case…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this case?' });
  await expect(confirm.getByText('Its imaging is not deleted')).toBeVisible();
  await captureScreens(page, 'delete-case-confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Duplicate entry by mistake');
  await page.getByRole('button', { name: 'Delete case…' }).click();
  await confirm.getByRole('button', { name: 'Delete case' }).click();
  await expect(page.getByText('No cases yet.')).toBeVisible();
});

test('a new case for an imported patient asks before replacing the imaging details, and can keep them', async ({
  host,
  page,
}) => {
  await page.goto(host.url);
  await signIn(page, 'Dr. Ada Surgeon', 'Spine surgery');
  // A CT whose DICOM names SYNTH^VOLUME (MRN SYNTH-CT) and carries no birth date, imported into the library.
  const ct = writeSyntheticCt(workDir(work, 'patient-details'), { slices: 1, seriesDescription: 'AXIAL' });
  const { uploadId } = await call<{ uploadId: string }>(page.request, host.origin, 'imports.beginUpload', {});
  const r = await page.request.put(`${host.origin}/upload/${uploadId}/CT000.dcm`, {
    data: readFileSync(join(ct, 'CT000.dcm')),
  });
  expect(r.status()).toBeLessThan(300);
  const { importId } = await call<{ importId: number }>(page.request, host.origin, 'imports.start', {
    uploadId,
  });
  await expect
    .poll(
      async () =>
        (await call<{ state: string }>(page.request, host.origin, 'imports.status', { importId })).state,
    )
    .toBe('done');

  const newCase = async (title: string): Promise<void> => {
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByLabel('Case title').fill(title);
    await page.getByLabel('MRN').fill('SYNTH-CT');
    await page.getByLabel('Name', { exact: true }).fill('SYNTH^VOLUME');
    await page.getByLabel('Birth date').fill('1961-04-12');
    await page.getByRole('button', { name: 'Create case' }).click();
  };
  const dialog = page.getByRole('dialog', { name: 'This patient is already on record' });

  await newCase('Pseudarthrosis L5–S1 after TLIF');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('recorded from imported imaging (DICOM)');
  // Only the detail that would change is listed, the recorded value beside the typed one.
  const rows = dialog.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Birth date');
  await expect(rows.first().locator('td').nth(0)).toHaveText('none recorded');
  await expect(rows.first().locator('td').nth(1)).toHaveText('1961-04-12');
  await captureScreens(page, 'new-case-patient-details');
  // Back keeps the form as typed; nothing was created.
  await dialog.getByRole('button', { name: 'Back to the form' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel('Birth date')).toHaveValue('1961-04-12');
  await page.getByRole('button', { name: 'Create case' }).click();
  await dialog.getByRole('button', { name: 'Keep the recorded details' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pseudarthrosis L5–S1 after TLIF');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('SYNTH^VOLUME');
  await expect(page.getByLabel('Birth date')).toHaveValue('');

  await page.getByRole('link', { name: 'All cases' }).click();
  await newCase('Adjacent segment disease L4–L5');
  await dialog.getByRole('button', { name: 'Use what I entered' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Adjacent segment disease L4–L5');
  await expect(page.getByLabel('Birth date')).toHaveValue('1961-04-12');
  await expect(page.getByText('Replaced the patient’s recorded details with the entered ones')).toBeVisible();
});
