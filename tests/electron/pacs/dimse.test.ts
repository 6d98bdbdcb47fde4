import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../../electron/services/assets/png.ts';
import type { SeriesRecord } from '../../../electron/services/phantom/generate-phantom.ts';
import { PYDICOM_TEST_FILES } from '../../support/dicom-corpus.ts';
import { signedIn } from '../../support/import.ts';
import type { RunningOrthanc } from '../../support/orthanc.ts';
import { ORTHANC_AET, freePort, orthancAvailable, startOrthanc } from '../../support/orthanc.ts';
import type { TempBackend } from '../../support/temp-backend.ts';
import { expectOk, tempBackend, tempDir } from '../../support/temp-backend.ts';
import type { ArchiveContent } from './pacs-fixture.ts';
import { fillArchive, pixelsOf, retrieveAndWait } from './pacs-fixture.ts';

const available = orthancAvailable();
const LOCAL_AET = 'SCR_REVIEW';

describe.skipIf(!available)('a DIMSE archive (Orthanc: C-ECHO, C-FIND, C-MOVE, C-GET, C-STORE)', () => {
  let orthanc: RunningOrthanc;
  let content: ArchiveContent;
  let b: TempBackend;
  let moveArchive: number;
  let getArchive: number;
  let caseId: number;
  let storePort: number;
  let ct: SeriesRecord;
  const phantomDir = tempDir('scr-dimse-phantom-');

  const dimse = (retrieve: 'c-get' | 'c-move', overrides: Record<string, unknown> = {}) => ({
    kind: 'dimse' as const,
    aet: ORTHANC_AET,
    host: '127.0.0.1',
    port: orthanc.dicomPort,
    localAet: LOCAL_AET,
    retrieve,
    ...(retrieve === 'c-move' ? { storePort } : {}),
    ...overrides,
  });

  beforeAll(async () => {
    storePort = await freePort();
    orthanc = await startOrthanc({
      peers: { review: { aet: LOCAL_AET, host: '127.0.0.1', port: storePort } },
    });
    content = await fillArchive(orthanc, phantomDir.path);
    ct = content.phantom.series.find((s) => s.modality === 'CT')!;
    b = tempBackend();
    await signedIn(b);
    caseId = expectOk(
      await b.call('cases.create', { title: 'DIMSE case', patient: { mrn: 'DEMO-0003' } }),
    ).id;
    moveArchive = expectOk(
      await b.call('pacs.saveArchive', { name: 'PACS (C-MOVE)', connection: dimse('c-move') }),
    ).id;
    getArchive = expectOk(
      await b.call('pacs.saveArchive', { name: 'PACS (C-GET)', connection: dimse('c-get') }),
    ).id;
  }, 400_000);
  afterAll(async () => {
    await b?.dispose();
    await orthanc?.stop();
    phantomDir.dispose();
  }, 60_000);

  it('echoes, and says when nothing answers', async () => {
    expect(expectOk(await b.call('pacs.test', { archiveId: moveArchive }))).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Connected: the archive answered a C-ECHO/) as unknown,
    });
    const closed = await freePort();
    const nobody = expectOk(
      await b.call('pacs.test', { name: 'x', connection: dimse('c-get', { port: closed }) }),
    );
    expect(nobody.ok).toBe(false);
    expect(nobody.message).toMatch(/^Nothing answers at 127\.0\.0\.1:\d+ \(ORTHANC\)\. Check the address/);
  });

  it('finds studies and series with C-FIND', async () => {
    const found = expectOk(
      await b.call('pacs.search', { archiveId: getArchive, query: { patientId: 'DEMO-0003' } }),
    );
    expect(found.patients).toHaveLength(1);
    expect(found.patients[0]!.studies.map((s) => s.studyUid).sort()).toEqual(
      [...new Set(content.phantom.series.map((s) => s.studyInstanceUid))].sort(),
    );
    const byName = expectOk(
      await b.call('pacs.search', { archiveId: getArchive, query: { patientName: 'DEMO*', modality: 'CT' } }),
    );
    expect(byName.patients[0]!.studies).toEqual([
      expect.objectContaining({ studyUid: ct.studyInstanceUid, instanceCount: ct.files.length }),
    ]);
    const series = expectOk(
      await b.call('pacs.series', { archiveId: getArchive, studyUid: ct.studyInstanceUid }),
    );
    expect(series).toEqual([
      expect.objectContaining({ seriesUid: ct.seriesInstanceUid, instanceCount: ct.files.length }),
    ]);
  });

  it('retrieves with C-MOVE into the case, byte-exact pixels in the archive’s transfer syntax', async () => {
    const final = await retrieveAndWait(b, { archiveId: moveArchive, studyUid: ct.studyInstanceUid, caseId });
    expect(final).toMatchObject({ state: 'done', imported: ct.files.length, failed: [], error: null });
    for (const file of ct.files) {
      const original = pixelsOf(join(content.phantom.outDir, file));
      const row = b.ctx.db
        .prepare('SELECT file_path AS path FROM instances WHERE sop_instance_uid = ?')
        .get(original.sop) as { path: string };
      const copy = pixelsOf(join(b.ctx.store.root, row.path));
      expect(copy.ts).toBe(original.ts);
      expect(copy.pixels.equals(original.pixels)).toBe(true);
    }
    const j2k = pixelsOf(join(PYDICOM_TEST_FILES, 'J2K_pixelrep_mismatch.dcm'));
    const studyUid = execFileSync(
      'dcmdump',
      ['+P', '0020,000d', join(PYDICOM_TEST_FILES, 'J2K_pixelrep_mismatch.dcm')],
      {
        encoding: 'utf8',
      },
    ).match(/\[([\d.]+)\]/)![1]!;
    expect((await retrieveAndWait(b, { archiveId: moveArchive, studyUid })).state).toBe('done');
    const row = b.ctx.db
      .prepare('SELECT file_path AS path FROM instances WHERE sop_instance_uid = ?')
      .get(j2k.sop) as { path: string };
    const copy = pixelsOf(join(b.ctx.store.root, row.path));
    expect(copy.ts).toBe('1.2.840.10008.1.2.4.90');
    expect(copy.pixels.equals(j2k.pixels)).toBe(true);
  });

  it('retrieves with C-GET, and resumes without fetching stored images again', async () => {
    const mr = content.phantom.series.filter((s) => s.modality === 'MR');
    const studyUid = mr[0]!.studyInstanceUid;
    const total = mr.reduce((n, s) => n + s.files.length, 0);
    const first = await retrieveAndWait(b, {
      archiveId: getArchive,
      studyUid,
      seriesUids: [mr[0]!.seriesInstanceUid],
    });
    expect(first).toMatchObject({ state: 'done', imported: mr[0]!.files.length });
    const rest = await retrieveAndWait(b, { archiveId: getArchive, studyUid, caseId });
    expect(rest).toMatchObject({
      state: 'done',
      alreadyStored: mr[0]!.files.length,
      downloaded: total - mr[0]!.files.length,
    });
  });

  it('sends key images with C-STORE into the patient’s study', async () => {
    const inst = b.ctx.db
      .prepare(
        'SELECT i.id, i.series_id AS seriesId FROM instances i JOIN series se ON se.id = i.series_id WHERE se.series_uid = ? LIMIT 1',
      )
      .get(ct.seriesInstanceUid) as { id: number; seriesId: number };
    const png = `data:image/png;base64,${encodePng(8, 8, 1, new Uint8Array(64).fill(200)).toString('base64')}`;
    expectOk(
      await b.call('viewer.createKeyImage', {
        caseId,
        seriesId: inst.seriesId,
        view: {
          display: { kind: 'stack' },
          imageIndex: 0,
          instanceId: inst.id,
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
        caption: 'Pseudarthrosis L5-S1',
        png,
      }),
    );
    const sent = expectOk(
      await b.call('pacs.send', { archiveId: moveArchive, caseId, what: 'key-images', withCaptures: true }),
    );
    expect(sent.failed).toEqual([]);
    expect(sent.sent).toHaveLength(2);
    for (const s of sent.sent) {
      const found = await orthanc.rest<unknown[]>(
        `/dicom-web/studies/${s.studyUid}/instances?SOPInstanceUID=${s.sopInstanceUid}`,
      );
      expect(found).toHaveLength(1);
    }
  });
});
