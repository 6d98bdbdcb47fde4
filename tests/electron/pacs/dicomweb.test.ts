import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli.ts';
import { encodePng } from '../../../electron/services/assets/png.ts';
import type { SearchResult } from '../../../shared/contract/pacs-schemas.ts';
import type { SeriesRecord } from '../../../electron/services/phantom/generate-phantom.ts';
import { PYDICOM_TEST_FILES } from '../../support/dicom-corpus.ts';
import { signedIn } from '../../support/import.ts';
import type { RunningOrthanc } from '../../support/orthanc.ts';
import {
  ORTHANC_PASSWORD,
  ORTHANC_USER,
  freePort,
  orthancAvailable,
  startOrthanc,
} from '../../support/orthanc.ts';
import type { TempBackend } from '../../support/temp-backend.ts';
import { expectOk, tempBackend, tempDir } from '../../support/temp-backend.ts';
import type { ArchiveContent } from './pacs-fixture.ts';
import { fillArchive, pixelsOf, retrieveAndWait } from './pacs-fixture.ts';

const available = orthancAvailable();

describe.skipIf(!available)('a DICOMweb archive (Orthanc, basic authentication)', () => {
  let orthanc: RunningOrthanc;
  let content: ArchiveContent;
  let b: TempBackend;
  let archiveId: number;
  let caseId: number;
  let ct: SeriesRecord;
  const phantomDir = tempDir('scr-pacs-phantom-');

  const connection = (overrides: Record<string, unknown> = {}) => ({
    kind: 'dicomweb' as const,
    url: orthanc.dicomWebUrl,
    auth: 'basic' as const,
    user: ORTHANC_USER,
    ...overrides,
  });

  /** The file Orthanc stored for a SOP Instance UID, read back through its REST API. */
  const archivedPixels = async (sopInstanceUid: string) => {
    const res = await fetch(`${orthanc.restUrl}/tools/find`, {
      method: 'POST',
      headers: { authorization: orthanc.authHeader },
      body: JSON.stringify({ Level: 'Instance', Query: { SOPInstanceUID: sopInstanceUid } }),
    });
    const [id] = (await res.json()) as string[];
    const file = await fetch(`${orthanc.restUrl}/instances/${id}/file`, {
      headers: { authorization: orthanc.authHeader },
    });
    const path = join(phantomDir.path, `${sopInstanceUid}.dcm`);
    writeFileSync(path, Buffer.from(await file.arrayBuffer()));
    return pixelsOf(path);
  };

  beforeAll(async () => {
    orthanc = await startOrthanc();
    content = await fillArchive(orthanc, phantomDir.path);
    ct = content.phantom.series.find((s) => s.modality === 'CT')!;
    b = tempBackend();
    await signedIn(b);
    caseId = expectOk(
      await b.call('cases.create', { title: 'Failed L4-S1 fusion', patient: { mrn: 'DEMO-0003' } }),
    ).id;
    archiveId = expectOk(
      await b.call('pacs.saveArchive', {
        name: 'Hospital PACS',
        connection: connection(),
        secret: ORTHANC_PASSWORD,
      }),
    ).id;
  }, 400_000);
  afterAll(async () => {
    await b?.dispose();
    await orthanc?.stop();
    phantomDir.dispose();
  }, 60_000);

  it('keeps the password out of the database, in an owner-only file, and audits the change', async () => {
    const [archive] = expectOk(await b.call('pacs.archives', {}));
    expect(archive).toMatchObject({ name: 'Hospital PACS', hasSecret: true });
    expect(JSON.stringify(archive)).not.toContain(ORTHANC_PASSWORD);
    expect(statSync(join(b.dataDir, 'archive-secrets.json')).mode & 0o777).toBe(0o600);
    const row = b.ctx.db.prepare('SELECT connection FROM pacs_archives').get() as { connection: string };
    expect(row.connection).not.toContain(ORTHANC_PASSWORD);
    const audit = b.ctx.db.prepare("SELECT detail FROM audit_log WHERE action = 'pacs.addArchive'").all();
    expect(audit).toHaveLength(1);
    const dup = await b.call('pacs.saveArchive', {
      name: 'hospital pacs',
      connection: connection(),
      secret: 'x',
    });
    expect(dup.ok ? '' : dup.error.code).toBe('CONFLICT');
  });

  it('tests the connection and says plainly what is wrong', async () => {
    const good = expectOk(await b.call('pacs.test', { archiveId }));
    expect(good.ok).toBe(true);
    expect(good.message).toMatch(/^Connected/);
    const badLogin = expectOk(
      await b.call('pacs.test', { name: 'x', connection: connection(), secret: 'wrong' }),
    );
    expect(badLogin).toMatchObject({ ok: false });
    expect(badLogin.message).toMatch(/refused the login \(HTTP 401\)/);
    const closed = await freePort();
    const nobody = expectOk(
      await b.call('pacs.test', {
        name: 'x',
        connection: connection({ url: `http://127.0.0.1:${closed}/dicom-web` }),
        secret: 'x',
      }),
    );
    expect(nobody.message).toMatch(/^Nothing answers at 127\.0\.0\.1:\d+/);
    const wrongPath = expectOk(
      await b.call('pacs.test', {
        name: 'x',
        connection: connection({ url: `${orthanc.restUrl}/wado` }),
        secret: ORTHANC_PASSWORD,
      }),
    );
    expect(wrongPath.message).toMatch(/HTTP 404.*base URL/);
    const tls = expectOk(
      await b.call('pacs.test', {
        name: 'x',
        connection: connection({ url: orthanc.dicomWebUrl.replace('http:', 'https:') }),
        secret: 'x',
      }),
    );
    expect(tls.message).toMatch(/secure connection .* failed/);
  });

  it('searches by patient ID, name wildcards, modality and date range; marks what is imported', async () => {
    const byId = expectOk(await b.call('pacs.search', { archiveId, query: { patientId: 'DEMO-0003' } }));
    expect(byId.patients).toHaveLength(1);
    expect(byId.patients[0]!.studies.length).toBe(2);
    const ctStudy = byId.patients[0]!.studies.find((s) => s.studyUid === ct.studyInstanceUid)!;
    expect(ctStudy).toMatchObject({ modalities: ['CT'], instanceCount: ct.files.length, storedInstances: 0 });
    const byName = expectOk(await b.call('pacs.search', { archiveId, query: { patientName: 'DEMO*' } }));
    expect(byName.patients.map((p) => p.patientId)).toEqual(['DEMO-0003']);
    const ctOnly = expectOk(
      await b.call('pacs.search', { archiveId, query: { patientId: 'DEMO-0003', modality: 'CT' } }),
    );
    expect(ctOnly.patients[0]!.studies.map((s) => s.studyUid)).toEqual([ct.studyInstanceUid]);
    const corpus = expectOk(
      await b.call('pacs.search', { archiveId, query: { from: '2004-01-01', to: '2004-12-31' } }),
    );
    expect(corpus.patients.length).toBeGreaterThan(2);
    const none = expectOk(await b.call('pacs.search', { archiveId, query: { patientId: 'NOBODY-4711' } }));
    expect(none).toEqual({ patients: [], note: 'No studies match this search.' });
    const series = expectOk(await b.call('pacs.series', { archiveId, studyUid: ct.studyInstanceUid }));
    expect(series).toEqual([
      expect.objectContaining({
        seriesUid: ct.seriesInstanceUid,
        instanceCount: ct.files.length,
        storedInstances: 0,
      }),
    ]);
  });

  it('cancels a running search', async () => {
    const searchId = crypto.randomUUID();
    const running = b.call('pacs.search', { archiveId, searchId, query: { from: '1900-01-01' } });
    expectOk(await b.call('pacs.cancelSearch', { searchId }));
    const r = await running;
    expect(r.ok ? 'finished' : r.error).toEqual({ code: 'CANCELLED', message: 'Cancelled.' });
  });

  it('retrieves a study into the case through the importer, pixels equal to the originals', async () => {
    const final = await retrieveAndWait(b, { archiveId, studyUid: ct.studyInstanceUid, caseId });
    expect(final).toMatchObject({
      state: 'done',
      imported: ct.files.length,
      alreadyStored: 0,
      failed: [],
      error: null,
    });
    expect(final.bytesDownloaded).toBeGreaterThan(0);
    const linked = expectOk(await b.call('cases.studies', { id: caseId })).linked;
    expect(linked.flatMap((p) => p.studies.map((s) => s.studyUid))).toContain(ct.studyInstanceUid);
    const rows = b.ctx.db
      .prepare('SELECT sop_instance_uid AS uid, file_path AS path FROM instances')
      .all() as { uid: string; path: string }[];
    const stored = new Map(rows.map((r) => [r.uid, pixelsOf(join(b.ctx.store.root, r.path))]));
    for (const file of ct.files) {
      const original = pixelsOf(join(content.phantom.outDir, file));
      const copy = stored.get(original.sop)!;
      expect(copy.ts).toBe(original.ts);
      expect(copy.pixels.equals(original.pixels)).toBe(true);
    }
    expect(readdirSync(join(b.dataDir, 'pacs-staging', String(process.pid)))).toEqual([]);
  });

  it('keeps compressed images in the archive’s transfer syntax (JPEG 2000, RLE, JPEG)', async () => {
    const search = expectOk(await b.call('pacs.search', { archiveId, query: { patientName: '*' } }));
    for (const name of ['J2K_pixelrep_mismatch.dcm', 'SC_rgb_rle.dcm', 'SC_rgb_jpeg_dcmtk.dcm']) {
      const source = pixelsOf(join(PYDICOM_TEST_FILES, name));
      const uid = execFileSync('dcmdump', ['+P', '0020,000d', join(PYDICOM_TEST_FILES, name)], {
        encoding: 'utf8',
      }).match(/\[([\d.]+)\]/)![1]!;
      expect(search.patients.flatMap((p) => p.studies.map((s) => s.studyUid))).toContain(uid);
      // The archive's own copy (another corpus file may share this SOP Instance UID and came first).
      const original = await archivedPixels(source.sop);
      const final = await retrieveAndWait(b, { archiveId, studyUid: uid });
      expect(final.state).toBe('done');
      const row = b.ctx.db
        .prepare('SELECT file_path AS path FROM instances WHERE sop_instance_uid = ?')
        .get(original.sop) as { path: string };
      const copy = pixelsOf(join(b.ctx.store.root, row.path));
      expect(original.ts).not.toBe('1.2.840.10008.1.2.1');
      expect(copy.ts, name).toBe(original.ts);
      expect(copy.pixels.equals(original.pixels), name).toBe(true);
    }
  });

  it('resumes an interrupted retrieve without downloading stored images again', async () => {
    const dx = content.phantom.series.filter((s) => s.modality === 'MR');
    const studyUid = dx[0]!.studyInstanceUid;
    const total = dx.filter((s) => s.studyInstanceUid === studyUid).reduce((n, s) => n + s.files.length, 0);
    const first = dx.find((s) => s.studyInstanceUid === studyUid)!;
    // The user retrieves one series, then cancels nothing: a partial study is in the store.
    const part = await retrieveAndWait(b, {
      archiveId,
      studyUid,
      seriesUids: [first.seriesInstanceUid],
      caseId,
    });
    expect(part).toMatchObject({ state: 'done', imported: first.files.length });
    // Delete one stored instance of that series from the index, as if the import was cut short.
    const victim = b.ctx.db
      .prepare(
        'SELECT i.id FROM instances i JOIN series se ON se.id = i.series_id WHERE se.series_uid = ? LIMIT 1',
      )
      .get(first.seriesInstanceUid) as { id: number };
    b.ctx.db.prepare('DELETE FROM key_images WHERE instance_id = ?').run(victim.id);
    b.ctx.db.prepare('DELETE FROM instances WHERE id = ?').run(victim.id);
    const rest = await retrieveAndWait(b, { archiveId, studyUid, caseId });
    expect(rest).toMatchObject({
      state: 'done',
      instancesTotal: total,
      alreadyStored: first.files.length - 1,
    });
    expect(rest.downloaded).toBe(total - first.files.length + 1);
    expect(rest.imported).toBe(rest.downloaded);
    const again = await retrieveAndWait(b, { archiveId, studyUid, caseId });
    expect(again).toMatchObject({ state: 'done', downloaded: 0, alreadyStored: total });
  });

  it('cancels a running retrieve and leaves no staging files', async () => {
    const search = expectOk(await b.call('pacs.search', { archiveId, query: { patientName: '*' } }));
    const other = search.patients.flatMap((p) => p.studies).find((s) => s.storedInstances === 0)!;
    const { retrieveId } = expectOk(await b.call('pacs.retrieve', { archiveId, studyUid: other.studyUid }));
    expectOk(await b.call('pacs.cancelRetrieve', { retrieveId }));
    const final = await b.ctx.pacs.wait(retrieveId);
    expect(['cancelled', 'done']).toContain(final.state);
    expect(existsSync(join(b.dataDir, 'pacs-staging', String(process.pid), String(retrieveId)))).toBe(false);
  });

  it('sends key images (KOS + captioned captures), the SR and the report PDF to the patient’s study', async () => {
    const ctInstance = b.ctx.db
      .prepare(
        'SELECT i.id, i.series_id AS seriesId FROM instances i JOIN series se ON se.id = i.series_id WHERE se.series_uid = ? ORDER BY i.instance_number LIMIT 1',
      )
      .get(ct.seriesInstanceUid) as { id: number; seriesId: number };
    const rgb = new Uint8Array(40 * 30 * 3).map((_, i) => (i * 7) % 256);
    const png = `data:image/png;base64,${encodePng(40, 30, 3, rgb).toString('base64')}`;
    expectOk(
      await b.call('viewer.createKeyImage', {
        caseId,
        seriesId: ctInstance.seriesId,
        view: {
          display: { kind: 'stack' },
          imageIndex: 0,
          instanceId: ctInstance.id,
          frame: 0,
          windowCenter: 400,
          windowWidth: 1800,
          scale: 1,
          translation: { x: 0, y: 0 },
          rotation: 0,
          hflip: false,
          vflip: false,
          invert: false,
        },
        caption: 'L4-S1 lucency around the S1 screws',
        png,
      }),
    );
    const keyImages = expectOk(
      await b.call('pacs.send', { archiveId, caseId, what: 'key-images', withCaptures: true }),
    );
    expect(keyImages.failed).toEqual([]);
    expect(keyImages.sent.map((s) => s.sopClassUid).sort()).toEqual([
      '1.2.840.10008.5.1.4.1.1.7',
      '1.2.840.10008.5.1.4.1.1.88.59',
    ]);
    expect(new Set(keyImages.sent.map((s) => s.studyUid))).toEqual(new Set([ct.studyInstanceUid]));
    for (const s of keyImages.sent) {
      const found = await orthanc.rest<unknown[]>(
        `/dicom-web/studies/${s.studyUid}/instances?SOPInstanceUID=${s.sopInstanceUid}`,
      );
      expect(found).toHaveLength(1);
    }
    const scUid = keyImages.sent.find((s) => s.sopClassUid.endsWith('.7'))!.sopInstanceUid;
    const [sc] = await orthanc.rest<Record<string, { Value?: unknown[] }>[]>(
      `/dicom-web/studies/${ct.studyInstanceUid}/instances?SOPInstanceUID=${scUid}&includefield=00100020&includefield=00280010`,
    );
    expect(sc!['00100020']!.Value).toEqual(['DEMO-0003']);
    expect(sc!['00280010']!.Value).toEqual([30]);

    // The real SR and case report of the case: a length measured on the retrieved CT first.
    expectOk(
      await b.call('measurements.create', {
        caseId,
        instanceId: ctInstance.id,
        tool: 'length',
        points: [
          [10, 10],
          [60, 10],
        ],
      }),
    );
    const srSent = expectOk(await b.call('pacs.send', { archiveId, caseId, what: 'sr' }));
    expect(srSent).toMatchObject({ failed: [], sent: [{ sopClassUid: '1.2.840.10008.5.1.4.1.1.88.33' }] });
    const report = expectOk(await b.call('pacs.send', { archiveId, caseId, what: 'report' }));
    expect(report.failed).toEqual([]);
    expect(report.sent).toEqual([expect.objectContaining({ sopClassUid: '1.2.840.10008.5.1.4.1.1.104.1' })]);
    const res = await fetch(`${orthanc.restUrl}/tools/find`, {
      method: 'POST',
      headers: { authorization: orthanc.authHeader },
      body: JSON.stringify({ Level: 'Instance', Query: { SOPInstanceUID: report.sent[0]!.sopInstanceUid } }),
    });
    const [orthancId] = (await res.json()) as string[];
    const back = Buffer.from(
      await (
        await fetch(`${orthanc.restUrl}/instances/${orthancId}/pdf`, {
          headers: { authorization: orthanc.authHeader },
        })
      ).arrayBuffer(),
    );
    expect(back.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const reportText = execFileSync('pdftotext', ['-', '-'], { input: back }).toString();
    expect(reportText).toContain('Measurements');
    expect(reportText).toContain('Length');
    const audit = b.ctx.db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'pacs.send' AND case_id = ?")
      .get(caseId) as { n: number };
    expect(audit.n).toBe(3);
  });

  it('resumes after the connection drops in the middle of a study, importing only whole images', async () => {
    // A proxy that forwards the first 120 kB the archive answers on a connection, then cuts it.
    const proxy = createServer((client) => {
      const upstream = connect(orthanc.httpPort, '127.0.0.1');
      let forwarded = 0;
      client.pipe(upstream);
      upstream.on('data', (chunk: Buffer) => {
        const room = 120_000 - forwarded;
        forwarded += chunk.length;
        if (room > chunk.length) return void client.write(chunk);
        client.end(chunk.subarray(0, Math.max(0, room)));
        upstream.destroy();
      });
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as { port: number }).port;
    const b2 = tempBackend();
    try {
      await signedIn(b2);
      const flaky = expectOk(
        await b2.call('pacs.saveArchive', {
          name: 'Flaky',
          connection: connection({ url: `http://127.0.0.1:${port}/dicom-web` }),
          secret: ORTHANC_PASSWORD,
        }),
      ).id;
      const cut = await retrieveAndWait(b2, { archiveId: flaky, studyUid: ct.studyInstanceUid });
      expect(cut.state).toBe('failed');
      expect(cut.error).toMatch(
        /(stopped sending in the middle of an image|closed the connection).*retrieve again/,
      );
      expect(cut.imported).toBeGreaterThan(0);
      expect(cut.imported).toBeLessThan(ct.files.length);
      expect(cut).toMatchObject({ skipped: 0, failed: [], downloaded: cut.imported });
      expect(readdirSync(join(b2.dataDir, 'pacs-staging', String(process.pid)))).toEqual([]);
      const direct = expectOk(
        await b2.call('pacs.saveArchive', {
          name: 'Direct',
          connection: connection(),
          secret: ORTHANC_PASSWORD,
        }),
      ).id;
      const rest = await retrieveAndWait(b2, { archiveId: direct, studyUid: ct.studyInstanceUid });
      expect(rest).toMatchObject({ state: 'done', alreadyStored: cut.imported, failed: [] });
      // The study also holds what the send test stored into it (KOS, capture): count from the archive.
      expect(rest.downloaded).toBe(rest.instancesTotal - cut.imported);
      const n = b2.ctx.db.prepare('SELECT count(*) AS n FROM instances').get() as { n: number };
      expect(n.n).toBe(rest.instancesTotal);
    } finally {
      proxy.close();
      await b2.dispose();
    }
  });

  it('works from the command line: pacs-add, pacs-search, pacs-retrieve, pacs-send', async () => {
    const dir = tempDir('scr-pacs-cli-');
    process.env.SCR_DATA_DIR = dir.path;
    const cli = async (...argv: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(
        argv,
        (t) => (out += `${t}\n`),
        (t) => (err += `${t}\n`),
      );
      return { code, out, err };
    };
    try {
      const passwordFile = join(dir.path, 'password');
      writeFileSync(passwordFile, `${ORTHANC_PASSWORD}\n`, { mode: 0o600 });
      const added = await cli(
        'pacs-add',
        '--name',
        'Orthanc',
        '--url',
        orthanc.dicomWebUrl,
        '--user',
        ORTHANC_USER,
        '--password-file',
        passwordFile,
        '--json',
      );
      expect(added.code, added.err).toBe(0);
      expect(JSON.parse(added.out)).toMatchObject({ name: 'Orthanc', hasSecret: true });
      const found = await cli(
        'pacs-search',
        '--pacs',
        'Orthanc',
        '--patient-id',
        'DEMO-0003',
        '--modality',
        'MR',
        '--json',
      );
      expect(found.code, found.err).toBe(0);
      const mrStudy = content.phantom.series.find((s) => s.modality === 'MR')!.studyInstanceUid;
      const answer = JSON.parse(found.out) as SearchResult;
      expect(answer.patients[0]!.studies[0]!.studyUid).toBe(mrStudy);
      const created = await cli('create-case', '--title', 'CLI case', '--mrn', 'DEMO-0003', '--json');
      const caseId = String((JSON.parse(created.out) as { id: number }).id);
      const got = await cli(
        'pacs-retrieve',
        '--pacs',
        'Orthanc',
        '--study',
        mrStudy,
        '--case',
        caseId,
        '--json',
      );
      expect(got.code, got.err).toBe(0);
      expect(JSON.parse(got.out)).toMatchObject({ state: 'done', failed: [], alreadyStored: 0 });
      const none = await cli(
        'pacs-send',
        '--pacs',
        'Orthanc',
        '--case',
        caseId,
        '--what',
        'key-images',
        '--json',
      );
      expect(none.code).toBe(2);
      expect(none.err).toContain('This case has no key images to send.');
      const unknown = await cli('pacs-search', '--pacs', 'Nope', '--patient-id', 'X', '--json');
      expect(unknown.err).toContain('No archive named "Nope"');
    } finally {
      delete process.env.SCR_DATA_DIR;
      dir.dispose();
    }
  });
});
