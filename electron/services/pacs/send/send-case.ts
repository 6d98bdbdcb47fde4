import { join } from 'node:path';
import type { SendInput, SendResult } from '../../../../shared/contract/pacs-schemas.ts';
import { AppError } from '../../../../shared/contract/result.ts';
import { parseDicom } from '../../../../shared/dicom/parse.ts';
import type { KeyImageSource } from '../../../../db/pacs-send.ts';
import { keyImageSources, latestCaseStudyFile } from '../../../../db/pacs-send.ts';
import type { BackendContext } from '../../../backend/context.ts';
import type { Archive } from '../archive.ts';
import type { SendSources } from '../send-sources.ts';
import { buildEncapsulatedPdf } from './encapsulated-pdf.ts';
import { newUid } from './implementation.ts';
import type { ReferencedImage } from './key-object-selection.ts';
import { buildKeyObjectSelection } from './key-object-selection.ts';
import type { PatientStudy } from './patient-study.ts';
import { patientStudyOf } from './patient-study.ts';
import { decodePngToRgb } from './png-decode.ts';
import { buildSecondaryCapture } from './secondary-capture.ts';

/** Series numbers of what the app adds to a study, high so they sort after the acquisitions. */
const KO_SERIES = 9901;
const SC_SERIES = 9902;
const DOC_SERIES = 9903;

interface Outgoing {
  bytes: Uint8Array;
  sopClassUid: string;
  sopInstanceUid: string;
  studyUid: string;
}

const reference = (k: KeyImageSource): ReferencedImage | null =>
  k.sopInstanceUid && k.sopClassUid
    ? {
        sopClassUid: k.sopClassUid,
        sopInstanceUid: k.sopInstanceUid,
        seriesUid: k.seriesUid,
        frame: (k.frames ?? 1) > 1 ? k.frame + 1 : null,
      }
    : null;

/** One KOS per study (a KOS lists evidence of its own study), plus captioned captures on request. */
async function keyImageObjects(
  ctx: BackendContext,
  caseId: number,
  withCaptures: boolean,
): Promise<Outgoing[]> {
  const keyImages = keyImageSources(ctx.db, caseId);
  if (!keyImages.length) throw new AppError('NOT_FOUND', 'This case has no key images to send.');
  const at = new Date(ctx.now());
  const byStudy = new Map<string, KeyImageSource[]>();
  for (const k of keyImages) byStudy.set(k.studyUid, [...(byStudy.get(k.studyUid) ?? []), k]);
  const out: Outgoing[] = [];
  for (const [studyUid, items] of byStudy) {
    const file = items.find((k) => k.filePath)?.filePath;
    if (!file) continue;
    const identity: PatientStudy = await patientStudyOf(join(ctx.store.root, file));
    const refs = items.map(reference).filter((r): r is ReferencedImage => r !== null);
    if (refs.length) {
      const description = items
        .map((k, n) => (k.caption ? `${n + 1}. ${k.caption}` : ''))
        .filter(Boolean)
        .join('\n');
      const kos = buildKeyObjectSelection({
        identity,
        images: refs,
        description,
        at,
        seriesNumber: KO_SERIES,
      });
      out.push({ ...kos, sopClassUid: '1.2.840.10008.5.1.4.1.1.88.59', studyUid });
    }
    if (!withCaptures) continue;
    const seriesUid = newUid();
    let n = 0;
    for (const k of items) {
      if (!k.png) continue;
      const sc = buildSecondaryCapture({
        identity,
        image: decodePngToRgb(k.png),
        caption: k.caption,
        source: reference(k),
        seriesUid,
        seriesNumber: SC_SERIES,
        instanceNumber: ++n,
        at,
      });
      out.push({ ...sc, sopClassUid: '1.2.840.10008.5.1.4.1.1.7', studyUid });
    }
  }
  if (!out.length)
    throw new AppError(
      'NOT_FOUND',
      'None of the key images shows a stored image (reformats need captions sent as captures).',
    );
  return out;
}

async function reportObject(ctx: BackendContext, caseId: number, sources: SendSources): Promise<Outgoing[]> {
  const study = latestCaseStudyFile(ctx.db, caseId);
  if (!study) throw new AppError('NOT_FOUND', 'The case has no imaging study to file the report under.');
  const pdf = await sources.caseReportPdf(ctx, caseId);
  if (!pdf) throw new AppError('NOT_FOUND', 'This case has no report yet.');
  const identity = await patientStudyOf(join(ctx.store.root, study.filePath));
  const doc = buildEncapsulatedPdf({
    identity,
    pdf,
    title: 'Spine case review report',
    at: new Date(ctx.now()),
    seriesNumber: DOC_SERIES,
  });
  return [{ ...doc, sopClassUid: '1.2.840.10008.5.1.4.1.1.104.1', studyUid: study.studyUid }];
}

async function srObject(ctx: BackendContext, caseId: number, sources: SendSources): Promise<Outgoing[]> {
  const sr = await sources.measurementSr(ctx, caseId);
  if (!sr) throw new AppError('NOT_FOUND', 'This case has no measurements to send.');
  const ds = parseDicom(sr).dataSet;
  return [
    {
      bytes: sr,
      sopClassUid: ds.string('x00080016') ?? '',
      sopInstanceUid: ds.string('x00080018') ?? '',
      studyUid: ds.string('x0020000d') ?? '',
    },
  ];
}

/** Builds what `input.what` names for the case and stores it in the archive. */
export async function sendCase(
  ctx: BackendContext,
  archive: Archive,
  input: SendInput,
  sources: SendSources,
): Promise<SendResult> {
  const objects =
    input.what === 'key-images'
      ? await keyImageObjects(ctx, input.caseId, input.withCaptures ?? false)
      : input.what === 'report'
        ? await reportObject(ctx, input.caseId, sources)
        : await srObject(ctx, input.caseId, sources);
  const outcomes = await archive.store(objects.map((o) => o.bytes));
  const byUid = new Map(outcomes.map((o) => [o.sopInstanceUid, o.failure]));
  const result: SendResult = { what: input.what, sent: [], failed: [] };
  for (const o of objects) {
    const failure = byUid.has(o.sopInstanceUid)
      ? byUid.get(o.sopInstanceUid)!
      : 'the archive did not confirm it';
    if (failure === null)
      result.sent.push({
        sopClassUid: o.sopClassUid,
        sopInstanceUid: o.sopInstanceUid,
        studyUid: o.studyUid,
      });
    else result.failed.push({ path: o.sopInstanceUid, reason: failure });
  }
  return result;
}
