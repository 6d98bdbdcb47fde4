import dimse from 'dcmjs-dimse';
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDicom } from '../../../../shared/dicom/parse.ts';
import type {
  ArchiveSeries,
  ArchiveStudy,
  DimseConnection,
  StudyQuery,
} from '../../../../shared/contract/pacs-schemas.ts';
import type { Archive, InstanceRef, InstanceSink, RetrieveTarget, StoreOutcome } from '../archive.ts';
import { archiveError } from '../archive-error.ts';
import { isoDate, studyMatchingKeys } from '../query-keys.ts';
import type { DimseClient } from './association.ts';
import { runAssociation, statusText } from './association.ts';
import { receiveMoves } from './move-destination.ts';
import { storeHooks } from './store-streams.ts';

const { CEchoRequest, CFindRequest, CGetRequest, CMoveRequest, CStoreRequest } = dimse.requests;
const { CStoreResponse } = dimse.responses;
const { Status } = dimse.constants;

type Elements = Record<string, unknown>;
type FindRequest = InstanceType<typeof CFindRequest>;
type SubOpsResponse = { getStatus(): number; getFailures(): number; getCompleted(): number };

const text = (v: unknown): string => {
  if (Array.isArray(v)) return text(v[0]);
  if (v && typeof v === 'object') return (v as { Alphabetic?: string }).Alphabetic ?? '';
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};
const count = (v: unknown): number | null => {
  const n = Number(text(v));
  return text(v) !== '' && Number.isFinite(n) ? n : null;
};

/** C-ECHO, C-FIND, C-GET or C-MOVE, and C-STORE against one DIMSE archive (dcmjs-dimse). */
export class DimseArchive implements Archive {
  constructor(
    private readonly c: DimseConnection,
    private readonly scratchDir: string,
  ) {}

  async test(signal?: AbortSignal): Promise<string> {
    const started = performance.now();
    const echo = new CEchoRequest();
    let status = -1;
    echo.on('response', (r: { getStatus(): number }) => (status = r.getStatus()));
    await runAssociation(this.c, [echo], { ...(signal ? { signal } : {}) });
    if (status !== Status.Success)
      throw archiveError(`The archive answered the echo with ${statusText(status)}.`);
    return `Connected: the archive answered a C-ECHO in ${Math.round(performance.now() - started)} ms.`;
  }

  private async find(request: FindRequest, signal?: AbortSignal): Promise<Elements[]> {
    const rows: Elements[] = [];
    let failure: number | null = null;
    request.on(
      'response',
      (r: { getStatus(): number; getDataset(): { getElements(): Elements } | undefined }) => {
        const status = r.getStatus();
        if (status === Status.Pending || status === 0xff01) {
          const ds = r.getDataset();
          if (ds) rows.push(ds.getElements());
        } else if (status !== Status.Success) failure = status;
      },
    );
    await runAssociation(this.c, [request], { ...(signal ? { signal } : {}) });
    if (failure !== null) throw archiveError(`The archive refused the search: ${statusText(failure)}.`);
    return rows;
  }

  async searchStudies(q: StudyQuery, limit: number, signal?: AbortSignal): Promise<ArchiveStudy[]> {
    const keys = {
      PatientID: '',
      PatientName: '',
      PatientBirthDate: '',
      StudyInstanceUID: '',
      StudyDate: '',
      StudyDescription: '',
      AccessionNumber: '',
      ModalitiesInStudy: '',
      NumberOfStudyRelatedSeries: '',
      NumberOfStudyRelatedInstances: '',
      ...studyMatchingKeys(q),
    };
    const rows = await this.find(CFindRequest.createStudyFindRequest(keys), signal);
    return rows.slice(0, limit).map((r) => ({
      studyUid: text(r.StudyInstanceUID),
      patientId: text(r.PatientID),
      patientName: text(r.PatientName),
      birthDate: isoDate(text(r.PatientBirthDate)),
      studyDate: isoDate(text(r.StudyDate)),
      description: text(r.StudyDescription),
      accession: text(r.AccessionNumber),
      modalities: text(r.ModalitiesInStudy) ? String(r.ModalitiesInStudy).split('\\') : [],
      seriesCount: count(r.NumberOfStudyRelatedSeries),
      instanceCount: count(r.NumberOfStudyRelatedInstances),
      storedInstances: 0,
    }));
  }

  async seriesOf(studyUid: string, signal?: AbortSignal): Promise<ArchiveSeries[]> {
    const rows = await this.find(
      CFindRequest.createSeriesFindRequest({
        StudyInstanceUID: studyUid,
        SeriesInstanceUID: '',
        Modality: '',
        SeriesNumber: '',
        SeriesDescription: '',
        NumberOfSeriesRelatedInstances: '',
      }),
      signal,
    );
    return rows.map((r) => ({
      seriesUid: text(r.SeriesInstanceUID),
      modality: text(r.Modality),
      number: count(r.SeriesNumber),
      description: text(r.SeriesDescription),
      instanceCount: count(r.NumberOfSeriesRelatedInstances),
      storedInstances: 0,
    }));
  }

  async instancesOf(studyUid: string, seriesUid: string, signal?: AbortSignal): Promise<InstanceRef[]> {
    const rows = await this.find(
      CFindRequest.createImageFindRequest({
        StudyInstanceUID: studyUid,
        SeriesInstanceUID: seriesUid,
        SOPInstanceUID: '',
      }),
      signal,
    );
    return rows.map((r) => ({ studyUid, seriesUid, sopInstanceUid: text(r.SOPInstanceUID) }));
  }

  async retrieve(target: RetrieveTarget, sink: InstanceSink, signal?: AbortSignal): Promise<void> {
    const failed = new WeakSet<object>();
    const uids = target.sopInstanceUids;
    const outcomes: SubOpsResponse[] = [];
    const watch = <R extends { on(e: 'response', f: (r: SubOpsResponse) => void): void }>(r: R): R => {
      r.on('response', (res) => {
        if (res.getStatus() !== Status.Pending) outcomes.push(res);
      });
      return r;
    };
    if (this.c.retrieve === 'c-move') {
      const destination = this.c.localAet;
      const requests = uids
        ? uids.map((u) =>
            CMoveRequest.createImageMoveRequest(destination, target.studyUid, target.seriesUid, u),
          )
        : [CMoveRequest.createSeriesMoveRequest(destination, target.studyUid, target.seriesUid)];
      await receiveMoves(this.c.storePort!, this.c.localAet, sink, () =>
        runAssociation(this.c, requests.map(watch), { ...(signal ? { signal } : {}) }),
      );
    } else {
      const requests = uids
        ? uids.map((u) => CGetRequest.createImageGetRequest(target.studyUid, target.seriesUid, u))
        : [CGetRequest.createSeriesGetRequest(target.studyUid, target.seriesUid)];
      for (const r of requests) r.setAddStorageSopClassesToAssociation(true);
      await runAssociation(this.c, requests.map(watch), {
        ...(signal ? { signal } : {}),
        prepare: (client) => this.receiveGets(client, sink, failed),
      });
    }
    const bad = outcomes.find((o) => o.getStatus() !== Status.Success && o.getStatus() !== 0xb000);
    const failures = outcomes.reduce((n, o) => n + o.getFailures(), 0);
    if (bad || failures)
      throw archiveError(
        `The archive did not send every image (${bad ? statusText(bad.getStatus()) : `${failures} failed`}).`,
      );
  }

  /** C-GET: the archive sends C-STOREs back on our association; answer each once its file is written. */
  private receiveGets(client: DimseClient, sink: InstanceSink, failed: WeakSet<object>): void {
    client.on('cStoreRequest', (request: object, respond: (r: unknown) => void) => {
      const response = CStoreResponse.fromRequest(request as InstanceType<typeof CStoreRequest>);
      response.setStatus(failed.has(request) ? 0xa700 : Status.Success);
      respond(response);
    });
    // dcmjs-dimse creates the client's network peer inside send(); its store hooks (documented on
    // Scp, which shares them) are installed as soon as it exists, before any data can arrive.
    const hooks = storeHooks(sink, failed);
    const originalSend = client.send.bind(client);
    client.send = (...args: Parameters<DimseClient['send']>) => {
      originalSend(...args);
      const network = (client as unknown as { network?: object }).network;
      if (!network) throw archiveError('C-GET is not available with this DIMSE library version; use C-MOVE.');
      Object.assign(network, hooks);
    };
  }

  async store(files: readonly Uint8Array[], signal?: AbortSignal): Promise<StoreOutcome[]> {
    const outcomes: StoreOutcome[] = [];
    // dcmjs-dimse reads Part 10 objects from files; they live only while the association runs.
    const dir = join(this.scratchDir, `send-${randomUUID()}`);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    try {
      return await this.storeFiles(files, dir, outcomes, signal);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async storeFiles(
    files: readonly Uint8Array[],
    dir: string,
    outcomes: StoreOutcome[],
    signal?: AbortSignal,
  ): Promise<StoreOutcome[]> {
    const requests = await Promise.all(
      files.map(async (bytes, n) => {
        const path = join(dir, `${n}.dcm`);
        await writeFile(path, bytes, { mode: 0o600 });
        const uid = parseDicom(bytes).dataSet.string('x00080018') ?? '';
        const request = new CStoreRequest(path);
        request.on('response', (r: { getStatus(): number }) => {
          const s = r.getStatus();
          outcomes.push({
            sopInstanceUid: uid,
            failure:
              s === Status.Success || (s & 0xf000) === 0xb000
                ? null
                : `the archive refused it (${statusText(s)})`,
          });
        });
        return request;
      }),
    );
    await runAssociation(this.c, requests, { ...(signal ? { signal } : {}) });
    return outcomes;
  }

  async close(): Promise<void> {}
}
