import type { Locator, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePhantom } from '../../electron/services/phantom/generate-phantom.ts';
import { lumbarCase } from '../shared/evaluation/fixtures.ts';
import { expect, test } from './browser-host-fixture.ts';
import { SCREENSHOT_DIR } from './screens.ts';
import { call, openViewerWith, viewport, viewportsSettled, waitForImage } from './viewer-fixtures.ts';
import { SCHEMA_VERSION } from '../../shared/evaluation/schema.ts';

const work = mkdtempSync(join(tmpdir(), 'scr-e2e-conference-'));
let dicom = '';
test.beforeAll(async () => {
  // Writing the phantom takes a while on a busy machine; the hook gets its own time.
  test.setTimeout(180_000);
  const m = await generatePhantom({ outDir: join(work, 'phantom'), seed: 1, ctSlices: 120, ctMatrix: 256 });
  dicom = join(m.outDir, 'DICOM');
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

const ATTENDEES = [
  ['Dr Ada Chair', 'Spine surgery', 'Chair'],
  ['Dr Ray Diologist', 'Radiology', 'Member'],
  ['Dr Søren Ødegård', 'Physiatry / pain medicine', 'Member'],
] as const;

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}

/** The ratio WCAG defines between two sRGB colours given as rgb()/rgba() strings. */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r = 0, g = 0, bl = 0] = (c.match(/[\d.]+/g) ?? []).map(Number);
    const lin = (v: number): number => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Body text size, contrast against the presenter's black, and sideways overflow of the slide. */
async function projectorFacts(page: Page) {
  return page.locator('.presenter').evaluate((root) => {
    const slide = root.querySelector<HTMLElement>('.slide');
    const texts = [...root.querySelectorAll<HTMLElement>('.slide dd, .slide li, .slide p')];
    return {
      minFontPx: Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize))),
      colors: [...new Set(texts.map((t) => getComputedStyle(t).color))],
      background: getComputedStyle(root).backgroundColor,
      horizontalOverflow: slide ? slide.scrollWidth - slide.clientWidth : 0,
      documentOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

/** Moves focus to a control and operates it with the keyboard only. */
async function key(control: Locator, k: string): Promise<void> {
  await control.focus();
  await control.press(k);
}

async function decide(
  page: Page,
  recommendation: string,
  fill: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await press(page, 'd');
  const dialog = page.getByRole('dialog', { name: /^Decision — / });
  await expect(dialog).toBeVisible();
  await key(dialog.getByRole('radio', { name: recommendation }), 'Space');
  await fill(dialog);
  await key(dialog.getByRole('button', { name: 'Save decision' }), 'Enter');
  await expect(dialog).toHaveCount(0);
}

test('a whole conference of three cases with the clicker keys, decisions with a dissent, minutes PDF', async ({
  host,
  page,
}) => {
  test.setTimeout(240_000);
  // Case 1: the phantom's failed L4–S1 fusion with its imaging and two key images.
  const first = await openViewerWith(page, host, 'DEMO-0001', [dicom]);
  const keyPanel = page.getByRole('complementary', { name: /Key images/ });
  if ((await keyPanel.count()) === 0) await page.getByRole('button', { name: /^Key images/ }).click();
  for (const [n, caption] of [
    [1, 'Standing lateral: loose S1 screw'],
    [4, 'L3–L4 disc, Pfirrmann IV'],
  ] as const) {
    await waitForImage(page, n);
    await viewport(page, n).focus();
    await press(page, 'k');
    await keyPanel.getByLabel('Caption', { exact: true }).fill(caption);
    await press(page, 'Enter');
  }
  await expect(keyPanel.getByRole('listitem')).toHaveCount(2);

  const api = <T>(method: string, input: unknown) => call<T>(page.request, host.origin, method, input);
  await api('cases.update', {
    id: first,
    title: 'Failed L4–S1 PLIF, recurrent leg pain',
    clinicalQuestion: 'Revise L5–S1 and extend to L3, or continue non-operative care?',
    patient: { mrn: 'DEMO-0001', name: 'Müller^Anna', birthDate: '1961-04-02', sex: 'F' },
  });
  await api('evaluation.save', {
    caseId: first,
    baseVersion: 0,
    document: {
      schemaVersion: SCHEMA_VERSION,
      values: lumbarCase({ 'imaging.pi': 58, 'imaging.ll': 31, 'imaging.svaMm': 62 }),
    },
  });
  const others: number[] = [];
  for (const [title, mrn, overrides] of [
    ['Adjacent segment disease above L4–L5 TLIF', 'MRN-2', {}],
    ['New weakness after L5–S1 ALIF', 'MRN-3', { 'history.symptoms': ['radicularPain', 'newWeakness'] }],
  ] as const) {
    const c = await api<{ id: number }>('cases.create', {
      title,
      clinicalQuestion: 'Operate now or investigate first?',
      patient: { mrn, name: `Patient^${mrn}`, birthDate: '1955-09-30', sex: 'M' },
    });
    await api('evaluation.save', {
      caseId: c.id,
      baseVersion: 0,
      document: { schemaVersion: SCHEMA_VERSION, values: lumbarCase(overrides) },
    });
    others.push(c.id);
  }

  // The conference, its attendees and agenda, through the screens.
  await page.goto(`${host.origin}/#/conferences`);
  await page.getByRole('button', { name: 'New conference' }).click();
  const form = page.getByRole('form', { name: 'New conference' });
  await form.getByLabel('Title').fill('Spine MDT — revision cases');
  await form.getByLabel('Location').fill('Seminar room 3');
  await form.getByRole('button', { name: 'Create conference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Spine MDT — revision cases' })).toBeVisible();
  const people = page.getByRole('form', { name: 'Add an attendee' });
  for (const [name, discipline, role] of ATTENDEES) {
    await people.getByLabel('Name').fill(name);
    await people.getByLabel('Discipline').selectOption({ label: discipline });
    await people.getByLabel('Role').selectOption({ label: role });
    await people.getByRole('button', { name: 'Add attendee' }).click();
    await expect(page.getByText(name, { exact: true })).toBeVisible();
  }
  // Added in the wrong order: the new-weakness case goes first, then the phantom case, then the other.
  const rows = page.locator('.agenda-row');
  for (const [i, id] of [others[1], first, others[0]].entries()) {
    await page.getByLabel('Add a case').selectOption(String(id));
    await page.getByRole('button', { name: 'Add to agenda' }).click();
    await expect(rows).toHaveCount(i + 1);
  }
  // Keyboard reorder: Alt+↓ moves the focused case down, twice → last.
  await rows.first().focus();
  await press(page, 'Alt+ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await press(page, 'Alt+ArrowDown');
  await expect(rows.nth(2)).toHaveAccessibleName('3. New weakness after L5–S1 ALIF');
  await expect(rows.nth(0)).toHaveAccessibleName('1. Failed L4–S1 PLIF, recurrent leg pain');
  await expect(rows.nth(0).locator('.readiness')).toHaveAccessibleName(/^(Ready|Not ready)/);
  await expect(rows.nth(0)).toContainText('2 key images');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shoot(page, 'conference-editor-1920x1080');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/conference-editor-1024x768.png`, fullPage: true });
  await page.setViewportSize({ width: 1920, height: 1080 });

  // ── Presenter mode, keyboard only ────────────────────────────────────────────────────────────
  await key(page.getByRole('button', { name: 'Start presenter mode' }), 'Enter');
  const position = page.getByTestId('slide-position');
  await expect(position).toHaveText('Agenda');
  await press(page, 'PageDown');
  await expect(position).toHaveText('Case 1 of 3 · summary');
  const slide = page.locator('.summary-slide');
  await expect(slide).toContainText('Failed L4–S1 PLIF, recurrent leg pain');
  await expect(slide.getByTestId('slide-identity')).toHaveText(
    /Müller\^Anna · MRN DEMO-0001 · \d+ years, female/,
  );
  await expect(slide).toContainText('PI–LL 27°');
  await expect(slide).toContainText('SVA 62 mm');
  await expect(slide).toContainText('Revise L5–S1 and extend to L3');
  for (const [w, h] of [
    [1920, 1080],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await shoot(page, `presenter-summary-${w}x${h}`);
    const facts = await projectorFacts(page);
    if (w === 1920) expect(facts.minFontPx).toBeGreaterThanOrEqual(24);
    expect(facts.minFontPx).toBeGreaterThanOrEqual(18);
    for (const color of facts.colors) expect(contrast(color, facts.background)).toBeGreaterThanOrEqual(7);
    expect(facts.horizontalOverflow).toBeLessThanOrEqual(0);
    expect(facts.documentOverflow).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1920, height: 1080 });

  // Teaching conference: identifiers off.
  await key(page.getByRole('button', { name: 'Hide identifiers' }), 'Enter');
  await expect(slide.getByTestId('slide-identity')).not.toContainText('Müller');
  await expect(slide.getByTestId('slide-identity')).not.toContainText('DEMO-0001');
  await shoot(page, 'presenter-summary-hidden-ids-1920x1080');

  await press(page, 'Space');
  await expect(position).toHaveText('Case 1 of 3 · key image 1 of 2');
  await expect(page.locator('.key-image-slide img')).toBeVisible();
  await expect(page.locator('.key-image-caption')).toHaveText('Standing lateral: loose S1 screw');
  await shoot(page, 'presenter-key-image-1920x1080');
  await press(page, 'ArrowRight');
  await expect(page.locator('.key-image-caption')).toHaveText('L3–L4 disc, Pfirrmann IV');
  await press(page, 'ArrowLeft', 'ArrowRight', 'PageDown');
  await expect(position).toHaveText('Case 1 of 3 · images');
  // The CT reformat (viewport 3) needs the whole stack; the films and the MR show the protocol hung.
  for (const n of [1, 2, 4]) await waitForImage(page, n);
  await expect(page.getByRole('toolbar', { name: 'Viewer tools' })).toBeHidden();
  await viewportsSettled(page);
  await shoot(page, 'presenter-viewer-1920x1080');
  await page.setViewportSize({ width: 1024, height: 768 });
  await viewportsSettled(page);
  await shoot(page, 'presenter-viewer-1024x768');
  await page.setViewportSize({ width: 1920, height: 1080 });

  // Blank the screen and bring it back.
  await press(page, 'b');
  await expect(page.getByRole('status', { name: 'Screen blanked' })).toBeVisible();
  await press(page, '.');
  await expect(page.getByRole('status', { name: 'Screen blanked' })).toHaveCount(0);

  await decide(page, 'Proceed with revision as proposed', async (dialog) => {
    await dialog
      .getByLabel('Planned procedure')
      .fill('Revision L3–S1: L5–S1 ALIF, new S1 screws, extend to L3');
    await dialog.getByLabel('Rationale').fill('Symptomatic L5–S1 pseudarthrosis with a loose S1 screw.');
  });

  // Case 2 by its number; the decision with one dissent and a follow-up action.
  await press(page, '2');
  await expect(position).toHaveText('Case 2 of 3 · summary');
  await decide(page, 'Non-operative care', async (dialog) => {
    await key(dialog.getByRole('checkbox', { name: 'Physical therapy' }), 'Space');
    await key(dialog.getByRole('checkbox', { name: 'Pain-management programme' }), 'Space');
    await dialog
      .getByLabel('Rationale')
      .fill('Adjacent-segment pain without instability; no revision target.');
    await dialog.getByLabel('Dr Søren Ødegård: position').selectOption('dissent');
    await dialog
      .getByLabel('Dr Søren Ødegård: note')
      .fill('Would decompress L3–L4 now: claudication at 100 m.');
    await key(dialog.getByRole('button', { name: 'Add action' }), 'Enter');
    await dialog.getByLabel('Action 1', { exact: true }).fill('Refer to the pain programme');
    await dialog.getByLabel('Action 1: owner').fill('Dr Ray Diologist');
    await dialog.getByLabel('Action 1: due').fill('2026-02-01');
  });
  await expect(page.locator('.slide-decision')).toHaveText('Decided: Non-operative care — 1 dissent');

  // The last case with End, then back to its summary with its number.
  await press(page, 'End');
  await expect(position).toHaveText('Case 3 of 3 · images');
  await press(page, '3');
  await expect(position).toHaveText('Case 3 of 3 · summary');
  await expect(page.locator('.slide-urgent')).toContainText('New weakness');
  await decide(page, 'Further investigation', async (dialog) => {
    await key(dialog.getByRole('checkbox', { name: 'MRI (with contrast)' }), 'Space');
    await dialog.getByLabel('Rationale').fill('New weakness: image the L5 root before deciding.');
  });
  // A decided case is read-only: D shows the decision, not the form.
  await press(page, 'd');
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Reopen case…' })).toBeVisible();
  await press(page, 'Escape');
  await press(page, 'Home');
  await expect(position).toHaveText('Agenda');
  await expect(page.locator('.title-agenda-decided')).toHaveCount(3);
  await shoot(page, 'presenter-title-1920x1080');
  await press(page, 'Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Spine MDT — revision cases' })).toBeVisible();

  // Minutes PDF, as the user downloads it.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Minutes PDF' }).click();
  const file = join(work, 'minutes.pdf');
  await (await download).saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const [name] of ATTENDEES) expect(text).toContain(name);
  expect(text).toContain('Proceed with revision as proposed');
  expect(text).toContain('Revision L3–S1: L5–S1 ALIF, new S1 screws, extend to L3');
  expect(text).toContain('Recommendation: Non-operative care');
  expect(text).toContain('Physical therapy; Pain-management programme');
  expect(text).toContain(
    'Dissents — Dr Søren Ødegård, Physiatry / pain medicine: Would decompress L3–L4 now: claudication at 100 m.',
  );
  expect(text).toContain('Refer to the pain programme — owner: Dr Ray Diologist; due: 2026-02-01');
  expect(text).toContain('Recommendation: Further investigation');
  expect(text).toContain('MRI (with contrast)');
  execFileSync('pdftoppm', ['-r', '70', '-png', file, join(SCREENSHOT_DIR, 'minutes-page')]);

  // The case report of case 1 embeds its two key images, on US Letter.
  const report = await api<{ base64: string; pages: number }>('report.casePdf', {
    caseId: first,
    paper: 'Letter',
  });
  const reportFile = join(work, 'case-report.pdf');
  writeFileSync(reportFile, Buffer.from(report.base64, 'base64'));
  const images = execFileSync('pdfimages', ['-list', reportFile], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .slice(2)
    // The key images themselves; a PNG with transparency also carries its alpha mask ("smask").
    .filter((row) => row.trim().split(/\s+/)[2] === 'image');
  expect(images).toHaveLength(2);
  expect(execFileSync('pdfinfo', [reportFile], { encoding: 'utf8' })).toMatch(
    /Page size:\s+612 x 792 pts \(letter\)/,
  );
  const reportText = execFileSync('pdftotext', [reportFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(reportText).toContain('Standing lateral: loose S1 screw');
  expect(reportText).toContain('Pelvic incidence (PI): 58°');
  execFileSync('pdftoppm', ['-r', '70', '-png', reportFile, join(SCREENSHOT_DIR, 'case-report-page')]);

  // The decisions are in each case's audit trail and in its form.
  const trail = await api<{ action: string }[]>('cases.auditTrail', { id: others[0] });
  expect(trail.map((a) => a.action)).toContain('decision.record');
  const evaluation = await api<{ readOnly: boolean; document: { values: Record<string, unknown> } }>(
    'evaluation.get',
    { caseId: others[0] },
  );
  expect(evaluation.readOnly).toBe(true);
  expect(evaluation.document.values['decision.recommendation']).toBe('nonOperative');
});
