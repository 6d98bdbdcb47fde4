// bench:viewer — the viewer on the synthetic phantom: time to first image and reformat build time
// (built browser host in Chromium), cached stack and sagittal-reformat scrolling (images drawn per
// second; Chromium draws at most once per display frame, 60/s), decode frames/s per transfer syntax
// with the worker's own decode code (run in Node) beside dcmtk's dcm2pnm family in the same run,
// and memory. Figures only: it never fails on timing. Last line: a JSON object.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, BrowserType, Page } from '@playwright/test';
import { extractSlice, reformatLayout, volumeGeometry } from '../../shared/viewer/reformat.ts';
import { benchPhantom, printFigures, round } from './bench-support.ts';
import { measureDecode } from './decode-section.ts';

const CT_SLICES = Number(process.env.SCR_BENCH_CT_SLICES ?? 300);
const CT_MATRIX = Number(process.env.SCR_BENCH_CT_MATRIX ?? 512);
const CHROMIUM = process.env.SCR_CHROMIUM ?? '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'scr-bench-viewer-'));
const log = (line: string): void => console.log(line);

// ── 1. The phantom (kept between runs per generator version) ────────────────────────────────
const tGen = performance.now();
const phantomDir = await benchPhantom(`viewer-${CT_SLICES}x${CT_MATRIX}`, {
  ctSlices: CT_SLICES,
  ctMatrix: CT_MATRIX,
});
const generateSeconds = round((performance.now() - tGen) / 1000);
const truth = JSON.parse(readFileSync(join(phantomDir, 'ground-truth.json'), 'utf8')) as {
  series: { modality: string; folder: string }[];
};
const dicomDir = join(phantomDir, 'DICOM');
const ctFolder = join(phantomDir, truth.series.find((s) => s.modality === 'CT')!.folder);
const ctFiles = readdirSync(ctFolder).sort();
log(`phantom: ${CT_SLICES} CT slices of ${CT_MATRIX}², ready in ${generateSeconds} s`);

// ── 2. Decoding per transfer syntax ─────────────────────────────────────────────────────────
const slice = join(ctFolder, ctFiles[ctFiles.length >> 1]!);
// SCR_BENCH_NO_DECODE=1 skips this section (the viewer's own figures only).
const decode = process.env.SCR_BENCH_NO_DECODE ? null : await measureDecode(slice, work, log);
const decodeHeapMb = round(process.memoryUsage().rss / 1e6);

// CPU cost of one sagittal slice out of a volume this size (what each reformat scroll step does).
const volumeGeometryOf = volumeGeometry(
  {
    rows: CT_MATRIX,
    columns: CT_MATRIX,
    position: [0, 0, 0],
    rowCosines: [1, 0, 0],
    columnCosines: [0, 1, 0],
    rowSpacing: 0.7,
    columnSpacing: 0.7,
  },
  CT_SLICES,
  [0, 0, -(CT_SLICES - 1)],
);
const voxels = new Int16Array(CT_MATRIX * CT_MATRIX * CT_SLICES);
const sagittal = reformatLayout(volumeGeometryOf, 'sagittal');
const out = new Int16Array(sagittal.rows * sagittal.columns);
const tSlice = performance.now();
for (let i = 0; i < sagittal.depth; i++) extractSlice(voxels, volumeGeometryOf, sagittal, i, out);
const sagittalSliceMs = round((performance.now() - tSlice) / sagittal.depth, 2);
log(`sagittal slice extraction from ${CT_MATRIX}²×${CT_SLICES}: ${sagittalSliceMs} ms per slice`);

// ── 3. In the browser ───────────────────────────────────────────────────────────────────────
// Loaded at run time, not bundled: Playwright drives Debian's Chromium.
const { chromium } = createRequire(import.meta.url)('@playwright/test') as { chromium: BrowserType };
const dataDir = join(work, 'data');
const host = spawn(process.execPath, ['dist/node/browser-host.js'], {
  env: { ...process.env, SCR_DATA_DIR: dataDir },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const url = await new Promise<string>((done, fail) => {
  let out = '';
  const timer = setTimeout(() => fail(new Error(`browser host did not start: ${out}`)), 30_000);
  host.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    const m = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
    if (m?.[1]) {
      clearTimeout(timer);
      done(m[1]);
    }
  });
});
const origin = new URL(url).origin;
let browser: Browser | null = null;

async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  const r = (await (await page.request.post(`${origin}/api/${method}`, { data: input })).json()) as {
    ok: boolean;
    value: T;
    error?: { message: string };
  };
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
  return r.value;
}

const viewportSel = (n: number): string => `section.viewport[data-viewport="${n}"]`;

/** The few page globals the in-page timing code uses (this file compiles without the DOM library). */
interface PageGlobals {
  document: {
    querySelector(
      selector: string,
    ): { addEventListener(type: string, f: () => void, o: { once: boolean }): void } | null;
    body: { dispatchEvent(event: unknown): boolean };
  };
  KeyboardEvent: new (type: string, init: { key: string; bubbles: boolean }) => unknown;
  performance: { now(): number; memory?: { usedJSHeapSize: number } };
}

/** Steps through `steps` images as fast as they are drawn; returns images drawn per second. */
function scrollRate(page: Page, n: number, steps: number, key: string): Promise<number> {
  return page.evaluate(
    async ({ sel, steps: count, key: k }) => {
      const w = globalThis as unknown as PageGlobals;
      const el = w.document.querySelector(`${sel} [data-testid="cornerstone-element"]`)!;
      const t0 = w.performance.now();
      for (let i = 0; i < count; i++) {
        const drawn = new Promise<void>((r) =>
          el.addEventListener('cornerstoneimagerendered', () => r(), { once: true }),
        );
        w.document.body.dispatchEvent(new w.KeyboardEvent('keydown', { key: k, bubbles: true }));
        await drawn;
      }
      return count / ((w.performance.now() - t0) / 1000);
    },
    { sel: viewportSel(n), steps, key },
  );
}

/**
 * Presses `key`-down once per display frame for `frames` frames (as a held arrow key does) and
 * times the images drawn: images/s and the gaps between them after the first second.
 */
function stepAtDisplayRate(
  page: Page,
  n: number,
  frames: number,
): Promise<{ drawnPerSecond: number; p95GapMs: number; maxGapMs: number }> {
  return page.evaluate(
    async ({ sel, frames: count }) => {
      const w = globalThis as unknown as PageGlobals & { requestAnimationFrame(f: () => void): void };
      const el = w.document.querySelector(`${sel} [data-testid="cornerstone-element"]`)!;
      const drawn: number[] = [];
      const onDraw = (): void => void drawn.push(w.performance.now());
      const target = el as unknown as {
        addEventListener(t: string, f: () => void): void;
        removeEventListener(t: string, f: () => void): void;
      };
      target.addEventListener('cornerstoneimagerendered', onDraw);
      const t0 = w.performance.now();
      for (let i = 0; i < count; i++) {
        w.document.body.dispatchEvent(new w.KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
        await new Promise<void>((r) => w.requestAnimationFrame(() => r()));
      }
      await new Promise((r) => setTimeout(r, 500));
      target.removeEventListener('cornerstoneimagerendered', onDraw);
      const t1 = drawn.at(-1) ?? w.performance.now();
      const gaps = drawn
        .slice(1)
        .map((t, i) => [t, t - drawn[i]!] as const)
        .filter(([t]) => t - t0 > 1000)
        .map(([, g]) => g)
        .sort((a, b) => a - b);
      return {
        drawnPerSecond: Math.round((drawn.length / ((t1 - t0) / 1000)) * 10) / 10,
        p95GapMs: Math.round(gaps[Math.floor(gaps.length * 0.95)] ?? 0),
        maxGapMs: Math.round(gaps.at(-1) ?? 0),
      };
    },
    { sel: viewportSel(n), frames },
  );
}

/** Chromium's default trace categories plus the V8 sampling profiler (JS self time per function). */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'toplevel',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

/** Writes a V8 heap snapshot of the page (CDP HeapProfiler) to `file`. */
async function heapSnapshot(page: Page, file: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => void chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  writeFileSync(file, chunks.join(''));
  await cdp.detach();
  log(`heap snapshot: ${file}`);
}

const positionOf = async (page: Page, n: number): Promise<string> =>
  (await page.locator(`${viewportSel(n)} [data-testid="image-position"]`).textContent()) ?? '';

let browserFigures: Record<string, number | null> = {};
try {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(url);
  await call(page, 'session.signIn', { name: 'Bench', discipline: 'radiology' });
  const { id: caseId } = await call<{ id: number }>(page, 'cases.create', {
    title: 'Bench phantom',
    patient: { mrn: 'DEMO-0001' },
  });
  const tImport = performance.now();
  // The browser host imports uploads only (never a path): upload the files as the page does.
  const { uploadId } = await call<{ uploadId: string }>(page, 'imports.beginUpload', {});
  for (const e of readdirSync(dicomDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile())) {
    const name = relative(dicomDir, join(e.parentPath, e.name)).split('/').map(encodeURIComponent).join('/');
    await page.request.put(`${origin}/upload/${uploadId}/${name}`, {
      data: readFileSync(join(e.parentPath, e.name)),
    });
  }
  const { importId } = await call<{ importId: number }>(page, 'imports.start', { uploadId, caseId });
  while ((await call<{ state: string }>(page, 'imports.status', { importId })).state === 'running')
    await new Promise((r) => setTimeout(r, 200));
  const importSeconds = round((performance.now() - tImport) / 1000);

  // Time to first image: a fresh page load straight into the viewer (workers, codecs, first decode).
  await page.goto(`${origin}/#/cases/${caseId}/viewer`);
  // SCR_BENCH_TRACE_OPEN=<file>: a Chromium trace from the reload until the hanging is drawn.
  const openTrace = process.env.SCR_BENCH_TRACE_OPEN;
  if (openTrace) await browser.startTracing(page, { path: openTrace, categories: TRACE_CATEGORIES });
  const tOpen = performance.now();
  await page.reload();
  await page.waitForSelector(`${viewportSel(1)}[data-status="ready"]`, { timeout: 600_000 });
  const firstViewportMs = performance.now() - tOpen;
  await page.waitForSelector(`${viewportSel(3)}[data-status="ready"]`, { timeout: 600_000 });
  const hangingMs = performance.now() - tOpen;
  if (openTrace) await browser.stopTracing();
  // The reformat is drawn early and sharpens as slices arrive: wait until it is whole (older builds: at once).
  await page
    .waitForFunction(
      () =>
        (
          globalThis as unknown as { performance: { getEntriesByName(n: string): unknown[] } }
        ).performance.getEntriesByName('scr:reformat-complete').length > 0,
      undefined,
      { timeout: 600_000 },
    )
    .catch(() => undefined);
  const measures = await page.evaluate(() =>
    Object.fromEntries(
      ['scr:first-image', 'scr:reformat-build', 'scr:reformat-complete'].map((n) => [
        n,
        (
          globalThis as unknown as { performance: { getEntriesByName(n: string): { duration: number }[] } }
        ).performance
          .getEntriesByName(n)
          .at(-1)?.duration ?? null,
      ]),
    ),
  );

  // The sagittal CT reformat (viewport 3 of the hanging): all slices are in memory, so this is drawing speed.
  await page.locator(viewportSel(3)).focus();
  await page.keyboard.press('Home');
  const reformatSlices = Number(/\/(\d+)/.exec(await positionOf(page, 3))?.[1] ?? 0);
  const reformatFps = await scrollRate(page, 3, Math.min(200, reformatSlices - 1), 'ArrowDown');

  // The axial CT stack in viewport 1: one pass loads it into the cache, the second is the cached rate.
  await page.locator(viewportSel(1)).focus();
  await page
    .getByRole('navigation', { name: 'Series' })
    .getByRole('button', { name: /CT series/ })
    .click();
  await page.waitForSelector(`${viewportSel(1)}[data-status="ready"]`);
  await page.keyboard.press('Home');
  const count = Number(/\/(\d+)/.exec(await positionOf(page, 1))?.[1] ?? 0);
  const steps = Math.min(200, count - 1);
  // The hanging's volume already pulled these images through the cache; a first pass just makes sure.
  await scrollRate(page, 1, steps, 'ArrowDown');
  const cachedFps = await scrollRate(page, 1, steps, 'ArrowUp');
  const heap = await page.evaluate(
    () => (globalThis as unknown as PageGlobals).performance.memory?.usedJSHeapSize ?? null,
  );
  // Two collections a moment apart: array buffers freed by the first are released by a concurrent
  // sweeper, and a figure read straight after one gc() varied by up to 18 MB between runs.
  const heapAfterGc = await page.evaluate(async () => {
    const g = globalThis as unknown as { gc?: () => void };
    g.gc?.();
    await new Promise((r) => setTimeout(r, 300));
    g.gc?.();
    return (globalThis as unknown as PageGlobals).performance.memory?.usedJSHeapSize ?? null;
  });
  // SCR_BENCH_HEAP_SNAPSHOT=<file>: the renderer's heap at this point, for Chromium's memory tools.
  if (process.env.SCR_BENCH_HEAP_SNAPSHOT) await heapSnapshot(page, process.env.SCR_BENCH_HEAP_SNAPSHOT);

  // Stepping an uncached CT stack by key at display rate: a fresh page, the CT in viewport 1, one
  // key press per display frame (what holding an arrow key does); gaps between drawn images.
  // SCR_BENCH_NO_STEPPING=1 skips it; SCR_BENCH_TRACE=<file> writes a Chromium trace of it.
  const stepping = process.env.SCR_BENCH_NO_STEPPING
    ? { drawnPerSecond: null, p95GapMs: null, maxGapMs: null }
    : await (async () => {
        await page.reload();
        await page.waitForSelector(`${viewportSel(1)}[data-status="ready"]`, { timeout: 600_000 });
        await page.locator(viewportSel(1)).focus();
        await page
          .getByRole('navigation', { name: 'Series' })
          .getByRole('button', { name: /CT series/ })
          .click();
        await page.waitForSelector(`${viewportSel(1)}[data-status="ready"]`);
        await page.keyboard.press('Home');
        const trace = process.env.SCR_BENCH_TRACE;
        if (trace) await browser.startTracing(page, { path: trace, categories: TRACE_CATEGORIES });
        const figures = await stepAtDisplayRate(page, 1, Math.min(240, count - 1));
        if (trace) await browser.stopTracing();
        return figures;
      })();

  // "Load demo case" from the case list: click to the case page, then until its imaging is in.
  // Twice: the second load finds the generated imaging kept (same seed, same bytes).
  const demo: { clickToCasePageMs: number; clickToImportedMs: number }[] = [];
  try {
    for (let i = 0; i < 2 && !process.env.SCR_BENCH_NO_DEMO; i++) {
      await page.goto(`${origin}/#/`);
      const button = page.getByRole('button', { name: 'Load demo case' }).first();
      await button.waitFor();
      const tClick = performance.now();
      await button.click();
      await page.getByRole('heading', { level: 1, name: /DEMO \(synthetic\)/ }).waitFor({ timeout: 900_000 });
      const clickToCasePageMs = round(performance.now() - tClick);
      // A demo case already open is shown as it is, with no import: its imaging is in already.
      const dialog = page.getByRole('dialog', { name: 'Import imaging' });
      const importing = await dialog.waitFor({ timeout: 3_000 }).then(
        () => true,
        () => false,
      );
      if (importing)
        await dialog.getByText(/\d+ imported · \d+ already stored/).waitFor({ timeout: 900_000 });
      demo.push({ clickToCasePageMs, clickToImportedMs: round(performance.now() - tClick) });
      if (importing) await dialog.getByRole('button', { name: 'Close' }).click();
    }
  } catch (e) {
    log(`demo load: not measured (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  const hostRss =
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${host.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

  browserFigures = {
    importSeconds,
    timeToFirstImageMs: measures['scr:first-image'] === null ? null : round(measures['scr:first-image']!, 0),
    firstViewportReadyMs: round(firstViewportMs, 0),
    fullHangingReadyMs: round(hangingMs, 0),
    reformatBuildMs:
      measures['scr:reformat-build'] === null ? null : round(measures['scr:reformat-build']!, 0),
    reformatCompleteMs:
      measures['scr:reformat-complete'] === null ? null : round(measures['scr:reformat-complete']!, 0),
    reformatScrollFps: round(reformatFps, 1),
    uncachedStepImagesPerSecond: stepping.drawnPerSecond,
    uncachedStepGapP95Ms: stepping.p95GapMs,
    uncachedStepGapMaxMs: stepping.maxGapMs,
    rendererHeapAfterGcMb: heapAfterGc === null ? null : round(heapAfterGc / 1e6),
    demoFirstClickToCasePageMs: demo[0]?.clickToCasePageMs ?? null,
    demoFirstClickToImportedMs: demo[0]?.clickToImportedMs ?? null,
    demoSecondClickToCasePageMs: demo[1]?.clickToCasePageMs ?? null,
    demoSecondClickToImportedMs: demo[1]?.clickToImportedMs ?? null,
    stackCachedFps: round(cachedFps, 1),
    rendererHeapMb: heap === null ? null : round(heap / 1e6),
    hostRssMb: round(hostRss),
  };
  log(`import of the phantom: ${importSeconds} s`);
  log(
    `time to first image: ${browserFigures.timeToFirstImageMs} ms (page load → first viewport drawn: ${browserFigures.firstViewportReadyMs} ms; whole 2×2 hanging incl. CT volume: ${browserFigures.fullHangingReadyMs} ms)`,
  );
  log(`reformat build (load ${CT_SLICES} slices + volume): ${browserFigures.reformatBuildMs} ms`);
  log(
    `sagittal reformat scrolling: ${browserFigures.reformatScrollFps} images/s; cached axial stack: ${browserFigures.stackCachedFps} images/s (the display refresh caps both at 60)`,
  );
  log(
    `memory: renderer JS heap ${browserFigures.rendererHeapMb} MB, browser host RSS ${browserFigures.hostRssMb} MB, bench decode process RSS ${decodeHeapMb} MB`,
  );
} finally {
  await browser?.close();
  host.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}

printFigures('viewer', {
  ctSlices: CT_SLICES,
  ctMatrix: CT_MATRIX,
  generateSeconds,
  ...browserFigures,
  decode,
  decodeProcessRssMb: decodeHeapMb,
  sagittalSliceMs,
  goals: {
    timeToFirstImageMs: 100,
    firstViewportReadyMs: 300,
    fullHangingReadyMs: 1000,
    reformatBuildMs: 1000,
    uncachedStepImagesPerSecond: 60,
    uncachedStepGapP95Ms: 33,
    decodeVsGdcm: 1,
    rendererHeapMb: 200,
    demoClickToCasePageMs: 3000,
  },
});
