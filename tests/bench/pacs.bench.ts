// bench:pacs — retrieve from a local Orthanc (DICOMweb, WADO-RS, authentication on) into the store
// through the importer, against `curl` of the same WADO-RS study to /dev/null, in the same run.
// A 200-image 512×512 CT (≈105 MB, explicit VR little endian). Last line: JSON of the figures.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend/create-backend.ts';
import { generatePhantom } from '../../electron/services/phantom/generate-phantom.ts';
import { parseDicom } from '../../shared/dicom/parse.ts';
import { testImportWorker } from '../support/import-worker.ts';
import { ORTHANC_PASSWORD, ORTHANC_USER, hasOrthanc, startOrthanc } from '../support/orthanc.ts';

const IMAGES = 200;
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Copies of one slice with distinct SOP Instance UIDs (same length, so every element stays valid). */
function cloneSlices(source: string, outDir: string, count: number): void {
  const bytes = readFileSync(source);
  const uid = parseDicom(bytes).dataSet.string('x00080018')!;
  const text = bytes.toString('latin1');
  mkdirSync(outDir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const suffix = String(i).padStart(5, '0');
    const clone = text.split(uid).join(uid.slice(0, uid.length - suffix.length) + suffix);
    writeFileSync(join(outDir, `IM${suffix}`), Buffer.from(clone, 'latin1'));
  }
}

if (!hasOrthanc) {
  console.log('bench:pacs needs Orthanc and its DICOMweb plugin (scripts/system-packages.sh).');
  process.exit(process.env.CI === 'true' ? 1 : 0);
}
const work = mkdtempSync(join(tmpdir(), 'scr-bench-pacs-'));
const orthanc = await startOrthanc();
try {
  const m = await generatePhantom({
    outDir: join(work, 'phantom'),
    seed: 9,
    ctSlices: 2,
    ctMatrix: 512,
    include: ['ct'],
  });
  cloneSlices(join(m.outDir, m.series[0]!.files[0]!), join(work, 'series'), IMAGES);
  await orthanc.uploadAll([join(work, 'series')]);
  const [studyId] = await orthanc.rest<string[]>('/studies');
  const study = await orthanc.rest<{ MainDicomTags: { StudyInstanceUID: string } }>(`/studies/${studyId}`);
  const studyUid = study.MainDicomTags.StudyInstanceUID;

  const curlOut = execFileSync(
    'curl',
    [
      '-s',
      '-u',
      `${ORTHANC_USER}:${ORTHANC_PASSWORD}`,
      '-H',
      'Accept: multipart/related; type="application/dicom"; transfer-syntax=*',
      '-o',
      '/dev/null',
      '-w',
      '%{size_download} %{time_total}',
      `${orthanc.dicomWebUrl}/studies/${studyUid}`,
    ],
    { encoding: 'utf8' },
  );
  const [curlBytes, curlSeconds] = curlOut.trim().split(' ').map(Number) as [number, number];

  const backend = createBackend({
    dataDir: join(work, 'data'),
    host: 'cli',
    importWorker: testImportWorker(),
  });
  await backend.ready;
  const user = await backend.call('session.signIn', { name: 'Bench', discipline: 'radiology' });
  if (!user.ok) throw new Error(user.error.message);
  const saved = await backend.call('pacs.saveArchive', {
    name: 'Orthanc',
    connection: { kind: 'dicomweb', url: orthanc.dicomWebUrl, auth: 'basic', user: ORTHANC_USER },
    secret: ORTHANC_PASSWORD,
  });
  if (!saved.ok) throw new Error(saved.error.message);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const started = await backend.call('pacs.retrieve', { archiveId: saved.value.id, studyUid });
  if (!started.ok) throw new Error(started.error.message);
  // When the last byte arrived (the phase leaves 'downloading'): the download alone, import aside.
  let downloadSeconds = 0;
  const phases = setInterval(() => {
    const p = backend.ctx.pacs.status(started.value.retrieveId);
    if (!downloadSeconds && p && p.phase !== 'listing' && p.phase !== 'downloading')
      downloadSeconds = (performance.now() - t0) / 1000;
  }, 20);
  const final = await backend.ctx.pacs.wait(started.value.retrieveId);
  clearInterval(phases);
  const appSeconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  await backend.close();
  if (final.state !== 'done') throw new Error(`retrieve ${final.state}: ${final.error ?? ''}`);

  const figures = {
    images: IMAGES,
    megabytes: round(final.bytesDownloaded / 1e6),
    curlMBps: round(curlBytes / 1e6 / curlSeconds),
    appRetrieveMBps: round(final.bytesDownloaded / 1e6 / appSeconds),
    appDownloadMBps: round(final.bytesDownloaded / 1e6 / (downloadSeconds || appSeconds)),
    appSeconds: round(appSeconds, 2),
    appDownloadSeconds: round(downloadSeconds, 2),
    curlSeconds: round(curlSeconds, 2),
    imported: final.imported,
    peakRssMB: round(peakRss / 1e6, 0),
  };
  console.log(
    `curl WADO-RS to /dev/null: ${figures.curlMBps} MB/s; app retrieve (download + import, durable store): ${figures.appRetrieveMBps} MB/s (download part ${figures.appDownloadMBps} MB/s); peak RSS ${figures.peakRssMB} MB`,
  );
  console.log(JSON.stringify(figures));
} finally {
  await orthanc.stop();
  rmSync(work, { recursive: true, force: true });
}
