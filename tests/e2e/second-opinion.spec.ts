import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePhantom } from '../../electron/services/phantom/generate-phantom.ts';
import { SCHEMA_VERSION } from '../../shared/evaluation/index.ts';
import { expect, launchBrowserHost, stopBrowserHost, test } from './browser-host-fixture.ts';
import type { BrowserHost } from './browser-host-fixture.ts';
import { captureScreens } from './screens.ts';
import { call, importByUpload, viewport, waitForImage } from './viewer-fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'scr-e2e-second-opinion-'));
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PASSWORD = 'tangerine-lighthouse-42';
let dicom = '';
let reviewerHost: BrowserHost;

test.beforeAll(async () => {
  const m = await generatePhantom({
    outDir: join(work, 'phantom'),
    seed: 4,
    ctSlices: 16,
    ctMatrix: 64,
    include: ['ct'],
  });
  dicom = join(m.outDir, 'DICOM');
  reviewerHost = await launchBrowserHost(mkdtempSync(join(tmpdir(), 'scr-e2e-reviewer-')));
});
test.afterAll(async () => {
  await stopBrowserHost(reviewerHost);
  rmSync(reviewerHost.dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

async function signIn(page: Page, name: string, discipline: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Discipline').selectOption({ label: discipline });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Signed in user')).toContainText(name);
}

interface Listed {
  measurements: {
    label: string;
    origin: string;
    createdBy: string;
    value: number | null;
    unit: string | null;
  }[];
}

const measurementsOf = (page: Page, origin: string, caseId: number): Promise<Listed> =>
  call<Listed>(page.request, origin, 'measurements.list', { caseId });

async function ctInstances(page: Page, origin: string, caseId: number): Promise<number[]> {
  const series = await call<{ series: { seriesId: number; modality: string }[] }>(
    page.request,
    origin,
    'viewer.caseSeries',
    { id: caseId },
  );
  const ct = series.series.find((s) => s.modality === 'CT')!;
  const listed = await call<{ instances: { instanceId: number }[] }>(
    page.request,
    origin,
    'viewer.seriesInstances',
    {
      seriesId: ct.seriesId,
    },
  );
  return listed.instances.map((i) => i.instanceId);
}

/** The sender's case: phantom imaging, an evaluation whose free text names the patient, a key image, a measurement. */
async function senderCase(page: Page, host: BrowserHost): Promise<number> {
  await page.goto(host.url);
  await call(page.request, host.origin, 'session.signIn', {
    name: 'Dr. Sender',
    discipline: 'spine-surgery',
  });
  const c = await call<{ id: number }>(page.request, host.origin, 'cases.create', {
    title: 'Revision L4–S1 for Mrs Okafor',
    clinicalQuestion: 'Okafor, born 1958-02-07, MRN 4471902: revise L5–S1?',
    patient: { mrn: '4471902', name: 'Okafor^Adaeze', birthDate: '1958-02-07', sex: 'F' },
  });
  await importByUpload(page.request, host.origin, [dicom], c.id);
  await call(page.request, host.origin, 'evaluation.save', {
    caseId: c.id,
    baseVersion: 0,
    document: {
      schemaVersion: SCHEMA_VERSION,
      values: {
        'decision.rationale': 'Discussed with Adaeze Okafor on 02/03/2025; daughter on 0161 496 0123.',
      },
    },
  });
  const series = await call<{ series: { seriesId: number; modality: string }[] }>(
    page.request,
    host.origin,
    'viewer.caseSeries',
    { id: c.id },
  );
  const ct = series.series.find((s) => s.modality === 'CT')!;
  await call(page.request, host.origin, 'viewer.createKeyImage', {
    caseId: c.id,
    seriesId: ct.seriesId,
    view: {
      display: { kind: 'stack' },
      imageIndex: 0,
      instanceId: null,
      frame: 0,
      windowCenter: 40,
      windowWidth: 400,
      scale: 1,
      translation: { x: 0, y: 0 },
      rotation: 0,
      hflip: false,
      vflip: false,
      invert: false,
    },
    caption: 'Halo around the left S1 screw',
    png: PNG,
  });
  await call(page.request, host.origin, 'measurements.create', {
    caseId: c.id,
    instanceId: (await ctInstances(page, host.origin, c.id))[9],
    tool: 'length',
    points: [
      [10, 12],
      [40, 44],
    ],
    label: 'Sender gap',
    level: 'L5-S1',
  });
  await page.goto(`${host.origin}/#/cases/${c.id}`);
  await page.reload();
  return c.id;
}

test('second opinion round trip between two installations: export, review, reply, merge; nothing lost', async ({
  host,
  page,
  browser,
}) => {
  // Two hosts, a real export and import pipeline on a shared two-core machine: generous, never a timing assertion.
  test.setTimeout(480_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const caseId = await senderCase(page, host);
  const panel = page.getByRole('region', { name: 'Second opinion', exact: true });
  await panel.getByRole('button', { name: 'Send for second opinion…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send for second opinion' });
  await expect(dialog.locator('mark.identifier-mark').first()).toBeVisible();
  await expect(dialog.getByLabel('Rationale: text to send')).toHaveValue(/\[removed\]/);
  await expect(dialog.getByLabel('Rationale: text to send')).not.toHaveValue(/Okafor|0161/);
  await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await dialog.getByLabel('Repeat password').fill(PASSWORD);
  await captureScreens(page, 'second-opinion-send');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export bundle' }).click(),
  ]);
  const bundle = join(work, 'case.scrcase');
  await download.saveAs(bundle);
  await expect(dialog.getByRole('status')).toContainText(/Bundle SCR-[0-9A-Z]{10} is ready/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(panel.getByRole('table', { name: 'Bundles sent' })).toContainText('SCR-');

  // The reviewer, elsewhere: own data folder, own browser.
  const reviewerContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const rp = await reviewerContext.newPage();
  await rp.goto(reviewerHost.url);
  await signIn(rp, 'Dr. Reviewer', 'Neurosurgery');
  await rp.getByRole('button', { name: 'Import case bundle…' }).click();
  const importDialog = rp.getByRole('dialog', { name: 'Import a second-opinion bundle' });
  await importDialog.getByLabel('Bundle file (.scrcase)').setInputFiles(bundle);
  await importDialog.getByLabel(/Password/).fill('wrong password!');
  await importDialog.getByRole('button', { name: 'Import bundle' }).click();
  await expect(importDialog.getByRole('alert')).toContainText('password is wrong');
  await importDialog.getByLabel(/Password/).fill(PASSWORD);
  await importDialog.getByRole('button', { name: 'Import bundle' }).click();
  await expect(rp.getByRole('heading', { level: 1 })).toContainText('Second opinion SCR-', {
    timeout: 60_000,
  });
  const reviewPanel = rp.getByRole('region', { name: 'Second opinion', exact: true });
  await expect(reviewPanel).toContainText('Second opinion received');
  await expect(reviewPanel.getByRole('region', { name: "Sender's case (read-only)" })).toContainText(
    'Halo around the left S1 screw',
  );
  await expect(reviewPanel).not.toContainText('Okafor');
  await expect(rp.locator('body')).not.toContainText('4471902');
  await captureScreens(rp, 'second-opinion-reviewer');

  // The images open in the reviewer's viewer.
  const reviewCaseId = Number(/#\/cases\/(\d+)/.exec(rp.url())![1]);
  await rp.goto(`${reviewerHost.origin}/#/cases/${reviewCaseId}/viewer`);
  // CT only: the hanging protocol puts its sagittal reformat (built from the slices' geometry) in viewport 3.
  await waitForImage(rp, 3);
  await expect(viewport(rp, 3)).toContainText('Sagittal reformat');
  await expect(viewport(rp, 3)).toContainText('10 cm');
  await expect(viewport(rp, 3)).not.toContainText('Okafor');
  // The sender's measurement is listed, read-only, and drawn on its image.
  const reviewerMeasures = rp.getByRole('complementary', { name: 'Measurements' });
  const senderItem = reviewerMeasures.locator('.ms-panel-item', { hasText: 'Sender gap' });
  await expect(senderItem).toContainText('From the sending team: Sending team · read-only');
  await expect(senderItem.getByRole('button', { name: /Delete measurement/ })).toHaveCount(0);
  await senderItem.locator('.ms-jump').click();
  const drawnSender = rp.locator('.ms-layer g[data-origin="sender"]').first();
  await expect(drawnSender).toBeVisible();
  await expect(drawnSender.locator('.ms-label')).toContainText('Sender gap · L5-S1');
  await captureScreens(rp, 'second-opinion-reviewer-measurements');
  // The reviewer measures too; the sender's imaging stays as it came.
  await call(rp.request, reviewerHost.origin, 'measurements.create', {
    caseId: reviewCaseId,
    instanceId: (await ctInstances(rp, reviewerHost.origin, reviewCaseId))[5],
    tool: 'length',
    points: [
      [8, 8],
      [48, 8],
    ],
    label: 'Reviewer gap',
  });
  const studies = await call<{ linked: { studies: { studyId: number }[] }[] }>(
    rp.request,
    reviewerHost.origin,
    'cases.studies',
    { id: reviewCaseId },
  );
  await expect(
    call(rp.request, reviewerHost.origin, 'cases.unlinkStudy', {
      caseId: reviewCaseId,
      studyId: studies.linked[0]!.studies[0]!.studyId,
    }),
  ).rejects.toThrow(/imaging is the sender's/);
  await rp.goto(`${reviewerHost.origin}/#/cases/${reviewCaseId}`);
  await expect(rp.getByTestId('second-opinion-lock')).toContainText('the sender’s evaluation is read-only');
  // The page offers no change the backend would refuse: identity fields locked, no import, no unlink.
  await expect(rp.getByTestId('review-case-note')).toContainText('Received for your second opinion');
  await expect(rp.getByLabel('Case title')).toBeDisabled();
  await expect(rp.getByRole('button', { name: 'Import into this case' })).toHaveCount(0);
  await expect(rp.getByRole('button', { name: 'Unlink', exact: true })).toHaveCount(0);

  await reviewPanel.getByLabel('Partly agrees').check();
  await reviewPanel.getByLabel('Recommendation').selectOption({ label: 'Proceed with a modified plan' });
  await reviewPanel
    .getByLabel('Rationale')
    .fill('Revise L5–S1 only; the L3–L4 level does not need extension.');
  await reviewPanel.getByLabel('Your name').fill('Dr. Reviewer');
  await reviewPanel.getByLabel('Credentials and institution').fill('FRCS, University Spine Centre');
  await reviewPanel.getByRole('button', { name: 'Save opinion' }).click();
  await expect(reviewPanel.getByRole('status').first()).toContainText('Opinion saved.');
  const [replyDownload] = await Promise.all([
    rp.waitForEvent('download'),
    reviewPanel.getByRole('button', { name: 'Export reply bundle' }).click(),
  ]);
  const reply = join(work, 'reply.scrcase');
  await replyDownload.saveAs(reply);
  await captureScreens(rp, 'second-opinion-reviewer-replied');

  // Back at the sender: the reply merges beside the team's own work, once.
  await panel.getByRole('button', { name: 'Import reply…' }).click();
  const replyDialog = page.getByRole('dialog', { name: 'Import the reviewer’s reply' });
  await replyDialog.getByLabel('Bundle file (.scrcase)').setInputFiles(reply);
  await replyDialog.getByRole('button', { name: 'Import bundle' }).click();
  await expect(panel.getByText(/^Reply for SCR-[0-9A-Z]{10} merged\.$/)).toBeVisible();
  const card = panel.getByRole('article', { name: 'Second opinion from Dr. Reviewer' });
  await expect(card).toContainText('Proceed with a modified plan');
  await expect(card).toContainText('Partly agrees');
  await expect(card).toContainText('FRCS, University Spine Centre');
  await captureScreens(page, 'second-opinion-merged');
  await panel.getByRole('button', { name: 'Import reply…' }).click();
  await replyDialog.getByLabel('Bundle file (.scrcase)').setInputFiles(reply);
  await replyDialog.getByRole('button', { name: 'Import bundle' }).click();
  await expect(panel.getByText('This reply was already merged; nothing changed.')).toBeVisible();
  await expect(panel.getByRole('article')).toHaveCount(1);

  // The reviewer's measurement is drawn on the sender's own image, signed and read-only.
  await page.goto(`${host.origin}/#/cases/${caseId}/viewer`);
  const senderMeasures = page.getByRole('complementary', { name: 'Measurements' });
  const reviewerItem = senderMeasures.locator('.ms-panel-item', { hasText: 'Reviewer gap' });
  await expect(reviewerItem).toContainText(
    'Second opinion: Dr. Reviewer (FRCS, University Spine Centre) · read-only',
  );
  await expect(reviewerItem.getByRole('button', { name: /Delete measurement/ })).toHaveCount(0);
  await reviewerItem.locator('.ms-jump').click();
  const drawnReview = page.locator('.ms-layer g[data-origin="secondOpinion"]').first();
  await expect(drawnReview).toBeVisible();
  await expect(drawnReview.locator('.ms-label')).toContainText('Reviewer gap');
  await captureScreens(page, 'second-opinion-merged-measurements');

  // Nothing lost on either side.
  const evaluation = await call<{ version: number; document: { values: Record<string, unknown> } }>(
    page.request,
    host.origin,
    'evaluation.get',
    { caseId },
  );
  expect(evaluation.version).toBe(1);
  expect(evaluation.document.values['decision.rationale']).toContain('Adaeze Okafor');
  expect(await call<unknown[]>(page.request, host.origin, 'viewer.keyImages', { caseId })).toHaveLength(1);
  const theirs = await call<{ request: { opinion: { rationale: string } } }>(
    rp.request,
    reviewerHost.origin,
    'secondOpinion.state',
    { caseId: reviewCaseId },
  );
  expect(theirs.request.opinion.rationale).toContain('L5–S1 only');
  const ours = (await measurementsOf(page, host.origin, caseId)).measurements;
  const reviewed = (await measurementsOf(rp, reviewerHost.origin, reviewCaseId)).measurements;
  expect(ours.map((m) => [m.label, m.origin])).toEqual([
    ['Sender gap', 'own'],
    ['Reviewer gap', 'secondOpinion'],
  ]);
  expect(reviewed.map((m) => [m.label, m.origin])).toEqual([
    ['Sender gap', 'sender'],
    ['Reviewer gap', 'own'],
  ]);
  for (const i of [0, 1]) {
    expect(reviewed[i]!.unit).toBe(ours[i]!.unit);
    expect(reviewed[i]!.value!).toBeCloseTo(ours[i]!.value!, 2);
  }
  await reviewerContext.close();
});
