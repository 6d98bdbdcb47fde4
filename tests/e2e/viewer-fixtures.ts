import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { SYSTEM_PYTHON } from '../support/dicom-corpus.ts';
import { SCREENSHOT_DIR } from './screens.ts';
import type { BrowserHost } from './browser-host-fixture.ts';
import { expect } from './browser-host-fixture.ts';

/** Calls the backend the way the renderer does (same cookie), failing the test on an error result. */
export async function call<T>(
  request: APIRequestContext,
  origin: string,
  method: string,
  input: unknown,
): Promise<T> {
  const r = await request.post(`${origin}/api/${method}`, { data: input });
  const body = (await r.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

/** Every file under `paths` (files or folders) with the relative name it is uploaded under. */
function filesUnder(paths: string[]): { file: string; name: string }[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => {
            const file = join(e.parentPath, e.name);
            return { file, name: join(basename(p), relative(p, file)) };
          })
      : [{ file: p, name: basename(p) }],
  );
}

/**
 * Imports files or folders into a case the way the browser host allows (it refuses paths): uploads
 * each file to a staging area, imports the upload, and waits until the import is done.
 */
export async function importByUpload(
  request: APIRequestContext,
  origin: string,
  paths: string[],
  caseId: number,
): Promise<void> {
  const { uploadId } = await call<{ uploadId: string }>(request, origin, 'imports.beginUpload', {});
  for (const { file, name } of filesUnder(paths)) {
    const target = name.split('/').map(encodeURIComponent).join('/');
    const r = await request.put(`${origin}/upload/${uploadId}/${target}`, { data: readFileSync(file) });
    expect(r.status(), `upload of ${name}`).toBeLessThan(300);
  }
  const { importId } = await call<{ importId: number }>(request, origin, 'imports.start', {
    uploadId,
    caseId,
  });
  await expect
    .poll(
      async () => (await call<{ state: string }>(request, origin, 'imports.status', { importId })).state,
      {
        timeout: 60_000,
      },
    )
    .toBe('done');
}

/**
 * Signs in, creates a case for `mrn` and imports `paths` into it through the backend (the import
 * pipeline the UI uses), then opens the case's viewer. Returns the case id.
 */
export async function openViewerWith(
  page: Page,
  host: BrowserHost,
  mrn: string,
  paths: string[],
): Promise<number> {
  await page.goto(host.url);
  await call(page.request, host.origin, 'session.signIn', { name: 'Dr. Viewer', discipline: 'radiology' });
  const c = await call<{ id: number }>(page.request, host.origin, 'cases.create', {
    title: `Failed fusion ${mrn}`,
    patient: { mrn },
  });
  await importByUpload(page.request, host.origin, paths, c.id);
  // The app read "nobody signed in" at the first visit: load it again, straight into the viewer.
  await page.goto(`${host.origin}/#/cases/${c.id}/viewer`);
  await page.reload();
  await expect(page.getByRole('toolbar', { name: 'Viewer tools' })).toBeVisible();
  // The hanging protocol has been applied (before that, a layout key would be undone by it).
  await expect(page.getByRole('combobox', { name: 'Hanging layout' })).not.toHaveValue('');
  return c.id;
}

export const viewport = (page: Page, n: number): Locator =>
  page.locator(`section.viewport[data-viewport="${n}"]`);

/** Waits until viewport `n` shows an image (its overlay says which). */
export async function waitForImage(page: Page, n: number): Promise<void> {
  await expect(viewport(page, n)).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await expect(viewport(page, n).getByTestId('image-position')).toBeVisible();
}

/** The RGBA pixels of viewport `n`'s cornerstone canvas, read back from the page. */
export async function canvasPixels(
  page: Page,
  n: number,
): Promise<{ width: number; height: number; data: Uint8Array }> {
  // Let cornerstone's requestAnimationFrame render land first.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const { width, height, base64 } = await viewport(page, n)
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let text = '';
      for (let i = 0; i < d.length; i += 0x8000) text += String.fromCharCode(...d.subarray(i, i + 0x8000));
      return { width: c.width, height: c.height, base64: btoa(text) };
    });
  return { width, height, data: new Uint8Array(Buffer.from(base64, 'base64')) };
}

/** Makes viewport `n` the active one (click) and shows series `name` in it from the series list. */
export async function showSeries(
  page: Page,
  n: number,
  name: RegExp,
  reformat?: 'Sagittal' | 'Coronal' | 'Axial',
): Promise<void> {
  await viewport(page, n).focus();
  const list = page.getByRole('navigation', { name: 'Series' });
  if (reformat) {
    await list
      .getByRole('button', { name: new RegExp(`${reformat} reformat of .*${name.source}`, 'i') })
      .click();
  } else await list.getByRole('button', { name }).first().click();
  await waitForImage(page, n);
}

/** Writes a synthetic axial CT volume with pydicom: known anatomy at known voxels. */
export function writeSyntheticCt(
  dir: string,
  opts: { slices: number; skip?: number[]; seriesDescription: string },
): string {
  mkdirSync(dir, { recursive: true });
  execFileSync(
    SYSTEM_PYTHON,
    ['-c', SYNTHETIC_CT, dir, String(opts.slices), (opts.skip ?? []).join(','), opts.seriesDescription],
    {
      stdio: 'pipe',
    },
  );
  return dir;
}

/**
 * 64 × 64 axial slices, 0.8 mm pixels, 2 mm apart from the head down (z = 100, 98, …). Air −1000 HU,
 * a round body of 40 HU, a bone column of 700 HU posteriorly (rows 40–49, columns 28–35) through
 * every slice, and a 1000 HU marker anterior and superior (rows 8–14, columns 26–37, slices 0–7).
 */
const SYNTHETIC_CT = String.raw`
import sys, numpy as np, pydicom, os
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid
out, n, skip, desc = sys.argv[1], int(sys.argv[2]), {int(s) for s in sys.argv[3].split(',') if s}, sys.argv[4]
study, series, frame = generate_uid(), generate_uid(), generate_uid()
yy, xx = np.mgrid[0:64, 0:64]
for k in range(n):
    if k in skip: continue
    hu = np.full((64, 64), -1000, np.int32)
    hu[(xx - 32) ** 2 + (yy - 30) ** 2 < 27 ** 2] = 40
    hu[40:50, 28:36] = 700
    if k < 8: hu[8:15, 26:38] = 1000
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = '1.2.840.10008.5.1.4.1.1.2'
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
    ds.Modality, ds.PatientName, ds.PatientID = 'CT', 'SYNTH^VOLUME', 'SYNTH-CT'
    ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.FrameOfReferenceUID = study, series, frame
    ds.StudyDate, ds.StudyDescription, ds.SeriesDescription, ds.SeriesNumber = '20250301', 'CT L-SPINE', desc, 2
    ds.InstanceNumber = k + 1
    ds.ImagePositionPatient = [-25.2, -24.0, 100 - 2 * k]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.PixelSpacing, ds.SliceThickness = [0.8, 0.8], 2
    ds.Rows, ds.Columns, ds.SamplesPerPixel, ds.PhotometricInterpretation = 64, 64, 1, 'MONOCHROME2'
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.RescaleIntercept, ds.RescaleSlope, ds.WindowCenter, ds.WindowWidth = -1024, 1, 40, 400
    ds.PixelData = (hu + 1024).astype(np.uint16).tobytes()
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as(os.path.join(out, 'CT%03d.dcm' % k), write_like_original=False)
`;

/** Waits until every viewport's canvas has followed its element's size and been drawn again. */
export async function viewportsSettled(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="cornerstone-element"]')].every((el) => {
          const c = el.querySelector('canvas');
          return !c || (c.width === el.clientWidth && c.height === el.clientHeight);
        }),
      ),
    )
    .toBe(true);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * captureScreens for the viewer: the same two files (current size and the 1024×768 projector
 * size), each taken once the viewports have redrawn at that size.
 */
export async function captureViewer(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const size = page.viewportSize();
  await viewportsSettled(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await viewportsSettled(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-1024x768.png`, fullPage: true });
  if (size) {
    await page.setViewportSize(size);
    await viewportsSettled(page);
  }
}

export const workDir = (base: string, name: string): string => {
  const d = join(base, name);
  mkdirSync(d, { recursive: true });
  return d;
};
