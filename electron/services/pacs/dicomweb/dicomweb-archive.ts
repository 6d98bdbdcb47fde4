import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type {
  ArchiveSeries,
  ArchiveStudy,
  DicomWebConnection,
  StudyQuery,
} from '../../../../shared/contract/pacs-schemas.ts';
import type {
  Archive,
  InstanceRef,
  InstanceSink,
  InstanceWriter,
  RetrieveTarget,
  StoreOutcome,
} from '../archive.ts';
import { archiveError } from '../archive-error.ts';
import { isoDate, studyMatchingKeys } from '../query-keys.ts';
import type { DicomJson } from './dicom-json.ts';
import { jsonNumber, jsonSequence, jsonString, jsonStrings } from './dicom-json.ts';
import { DicomWebHttp, readText } from './http.ts';
import type { PartSink } from './multipart.ts';
import { MultipartError, boundaryOf, readMultipart } from './multipart.ts';

/** PS3.18 8.7.3.5: transfer-syntax=* asks for the instances as the archive stored them. */
const ACCEPT_ORIGINAL = 'multipart/related; type="application/dicom"; transfer-syntax=*';
const ACCEPT_DEFAULT = 'multipart/related; type="application/dicom"';

const STUDY_FIELDS = ['00081030', '00080061', '00201206', '00201208', '00100030'];
const SERIES_FIELDS = ['0008103E', '00201209'];

const query = (keys: Record<string, string | number>, fields: readonly string[] = []): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(keys)) p.set(k, String(v));
  for (const f of fields) p.append('includefield', f);
  const s = p.toString();
  return s ? `?${s}` : '';
};

const seg = encodeURIComponent;

/** Hands multipart parts to the sink; remembers the open one so a cut-off answer discards it. */
class PartsToInstances implements PartSink {
  current: InstanceWriter | null = null;
  count = 0;

  constructor(private readonly sink: InstanceSink) {}

  async begin(): Promise<void> {
    this.current = await this.sink.open();
  }

  async data(chunk: Buffer): Promise<void> {
    await this.current?.write(chunk);
  }

  async end(): Promise<void> {
    const writer = this.current;
    this.current = null;
    await writer?.commit();
    this.count++;
  }

  async abandon(): Promise<void> {
    const writer = this.current;
    this.current = null;
    await writer?.discard();
  }
}

/** QIDO-RS search, WADO-RS retrieve and STOW-RS store against one DICOMweb service. */
export class DicomWebArchive implements Archive {
  private readonly http: DicomWebHttp;

  constructor(connection: DicomWebConnection, secret: string | null) {
    this.http = new DicomWebHttp(connection, secret);
  }

  async test(signal?: AbortSignal): Promise<string> {
    const started = performance.now();
    await this.http.json('/studies?limit=1', { what: 'a test search', ...(signal ? { signal } : {}) });
    return `Connected: the archive answered a study search in ${Math.round(performance.now() - started)} ms.`;
  }

  async searchStudies(q: StudyQuery, limit: number, signal?: AbortSignal): Promise<ArchiveStudy[]> {
    const rows = await this.http.json<DicomJson>(
      `/studies${query({ ...studyMatchingKeys(q), limit }, STUDY_FIELDS)}`,
      { what: 'the study search', ...(signal ? { signal } : {}) },
    );
    return rows.map((r) => ({
      studyUid: jsonString(r, '0020000D'),
      patientId: jsonString(r, '00100020'),
      patientName: jsonString(r, '00100010'),
      birthDate: isoDate(jsonString(r, '00100030')),
      studyDate: isoDate(jsonString(r, '00080020')),
      description: jsonString(r, '00081030'),
      accession: jsonString(r, '00080050'),
      modalities: jsonStrings(r, '00080061'),
      seriesCount: jsonNumber(r, '00201206'),
      instanceCount: jsonNumber(r, '00201208'),
      storedInstances: 0,
    }));
  }

  async seriesOf(studyUid: string, signal?: AbortSignal): Promise<ArchiveSeries[]> {
    const rows = await this.http.json<DicomJson>(
      `/studies/${seg(studyUid)}/series${query({}, SERIES_FIELDS)}`,
      {
        what: 'the series list',
        ...(signal ? { signal } : {}),
      },
    );
    return rows.map((r) => ({
      seriesUid: jsonString(r, '0020000E'),
      modality: jsonString(r, '00080060'),
      number: jsonNumber(r, '00200011'),
      description: jsonString(r, '0008103E'),
      instanceCount: jsonNumber(r, '00201209'),
      storedInstances: 0,
    }));
  }

  async instancesOf(studyUid: string, seriesUid: string, signal?: AbortSignal): Promise<InstanceRef[]> {
    const rows = await this.http.json<DicomJson>(
      `/studies/${seg(studyUid)}/series/${seg(seriesUid)}/instances`,
      { what: 'the image list', ...(signal ? { signal } : {}) },
    );
    return rows.map((r) => ({ studyUid, seriesUid, sopInstanceUid: jsonString(r, '00080018') }));
  }

  async retrieve(target: RetrieveTarget, sink: InstanceSink, signal?: AbortSignal): Promise<void> {
    const series = `/studies/${seg(target.studyUid)}/series/${seg(target.seriesUid)}`;
    const paths = target.sopInstanceUids
      ? target.sopInstanceUids.map((uid) => `${series}/instances/${seg(uid)}`)
      : [series];
    for (const path of paths) await this.retrieveOne(path, sink, signal);
  }

  private async retrieveOne(path: string, sink: InstanceSink, signal?: AbortSignal): Promise<void> {
    const opts = { what: 'the image download', ...(signal ? { signal } : {}) };
    let answer = await this.http.send(path, { ...opts, accept: ACCEPT_ORIGINAL, allow: [400, 406] });
    if (answer.status === 400 || answer.status === 406) {
      // Archives that cannot honour "as stored" send their default (explicit VR little endian).
      answer.body.resume();
      answer = await this.http.send(path, { ...opts, accept: ACCEPT_DEFAULT });
    }
    const boundary = boundaryOf(answer.contentType);
    if (!/^multipart\/related/i.test(answer.contentType) || !boundary) {
      answer.body.resume();
      throw archiveError('The archive answered the image download without DICOM parts.');
    }
    const parts = new PartsToInstances(sink);
    try {
      await readMultipart(answer.body, boundary, parts);
    } catch (e) {
      await parts.abandon();
      if (e instanceof MultipartError)
        throw archiveError(`The archive stopped sending in the middle of an image: ${e.message}`);
      throw this.http.streamError(e, signal);
    }
  }

  async store(files: readonly Uint8Array[], signal?: AbortSignal): Promise<StoreOutcome[]> {
    const boundary = `scr-${randomUUID()}`;
    const body = Readable.from(
      (function* () {
        for (const f of files) {
          yield Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`);
          yield f;
          yield Buffer.from('\r\n');
        }
        yield Buffer.from(`--${boundary}--\r\n`);
      })(),
    );
    const answer = await this.http.send('/studies', {
      method: 'POST',
      accept: 'application/dicom+json',
      contentType: `multipart/related; type="application/dicom"; boundary=${boundary}`,
      body,
      what: 'sending to the archive',
      // 409 = some instances were refused; the body says which.
      allow: [202, 409],
      ...(signal ? { signal } : {}),
    });
    const text = await readText(answer.body);
    const response = (text.trim() ? JSON.parse(text) : {}) as DicomJson;
    const failed = new Map(
      jsonSequence(response, '00081198').map((f) => [
        jsonString(f, '00081155'),
        `the archive refused it (failure reason ${jsonNumber(f, '00081197') ?? 'unknown'})`,
      ]),
    );
    const accepted = new Set(jsonSequence(response, '00081199').map((r) => jsonString(r, '00081155')));
    return [...accepted, ...failed.keys()].map((uid) => ({
      sopInstanceUid: uid,
      failure: failed.get(uid) ?? null,
    }));
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}
