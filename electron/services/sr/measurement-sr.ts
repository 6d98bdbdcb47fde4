import { randomBytes } from 'node:crypto';
import type { InstanceReference } from '../../../db/instances.ts';
import { instanceReference } from '../../../db/instances.ts';
import { listCaseMeasurements } from '../../../db/measurements.ts';
import { AppError } from '../../../shared/contract/result.ts';
import type { Measurement } from '../../../shared/measurements/measurement.ts';
import type { MeasuredValue } from '../../../shared/measurements/types.ts';
import type { BackendContext } from '../../backend/context.ts';
import { encodeDicom } from '../phantom/dicom-file.ts';
import { APP_VERSION } from '../version.ts';
import type { Code } from './sr-codes.ts';
import { DCM, ucum, VALUE_CONCEPTS } from './sr-codes.ts';

/** Comprehensive SR Storage: numeric values with spatial coordinates on referenced images. */
export const COMPREHENSIVE_SR = '1.2.840.10008.5.1.4.1.1.88.33';

/** A fresh UID under the UUID-derived 2.25 root (PS3.5 B.2). */
const newUid = (): string => `2.25.${BigInt(`0x${randomBytes(16).toString('hex')}`).toString(10)}`;

const da = (iso: string): string => iso.slice(0, 10).replace(/-/g, '');
const tm = (iso: string): string => iso.slice(11, 19).replace(/:/g, '');
const dicomDate = (v: string | null): string => {
  const digits = (v ?? '').replace(/-/g, '');
  return /^\d{8}$/.test(digits) ? digits : '';
};
/** DS holds at most 16 characters. */
const ds = (v: number): string => {
  const s = String(Math.round(v * 1000) / 1000);
  return s.length <= 16 ? s : v.toPrecision(10);
};

const item = (
  relationship: string | null,
  valueType: string,
  concept: Code | null,
  rest: Record<string, unknown> = {},
): Record<string, unknown> => ({
  ...(relationship ? { RelationshipType: relationship } : {}),
  ValueType: valueType,
  ...(concept ? { ConceptNameCodeSequence: [concept] } : {}),
  ...rest,
});

const imageRef = (r: InstanceReference, frame: number) => ({
  ReferencedSOPSequence: [
    {
      ReferencedSOPClassUID: r.sopClassUid,
      ReferencedSOPInstanceUID: r.sopInstanceUid,
      ...(frame > 0 ? { ReferencedFrameNumber: [String(frame + 1)] } : {}),
    },
  ],
});

/** SCOORD graphic of a measurement's points: DICOM puts pixel centres at +0.5 (PS3.3 C.18.6.1.1). */
function scoord(m: Measurement, r: InstanceReference) {
  const data = m.points.flatMap(([x, y]) => [x + 0.5, y + 0.5]);
  const type =
    m.points.length === 1
      ? 'POINT'
      : m.tool === 'ellipse' || m.tool === 'rectangle'
        ? 'POLYLINE'
        : 'MULTIPOINT';
  const graphic =
    m.tool === 'rectangle' || m.tool === 'ellipse'
      ? (() => {
          const [[x0, y0], [x1, y1]] = [m.points[0]!, m.points[1]!];
          return [x0, y0, x1, y0, x1, y1, x0, y1, x0, y0].map((v) => v + 0.5);
        })()
      : data;
  return item('INFERRED FROM', 'SCOORD', null, {
    GraphicType: type,
    GraphicData: graphic,
    ContentSequence: [item('SELECTED FROM', 'IMAGE', null, imageRef(r, m.frame))],
  });
}

function numItem(m: Measurement, v: MeasuredValue, r: InstanceReference) {
  const key = m.tool === 'halo' && v.key === 'length' ? 'haloWidth' : v.key;
  const concept = VALUE_CONCEPTS[key];
  if (!concept || typeof v.value !== 'number' || !Number.isFinite(v.value)) return null;
  return item('CONTAINS', 'NUM', concept, {
    MeasuredValueSequence: [{ NumericValue: ds(v.value), MeasurementUnitsCodeSequence: [ucum(v.unit)] }],
    ContentSequence: [scoord(m, r)],
  });
}

function group(m: Measurement, r: InstanceReference) {
  const nums = m.values.flatMap((v) => {
    const n = numItem(m, v, r);
    return n ? [n] : [];
  });
  if (!nums.length) return null;
  const name = [m.label, m.level, m.screw ? `${m.screw.vertebra} ${m.screw.side} screw` : null]
    .filter(Boolean)
    .join(' · ');
  return item('CONTAINS', 'CONTAINER', DCM.measurementGroup, {
    ContinuityOfContent: 'SEPARATE',
    ContentSequence: [
      item('HAS OBS CONTEXT', 'TEXT', DCM.trackingIdentifier, {
        TextValue: `${m.tool} ${m.id}${name ? ` (${name})` : ''}`.slice(0, 1000),
      }),
      item('HAS OBS CONTEXT', 'UIDREF', DCM.trackingUid, { UID: newUid() }),
      ...nums,
    ],
  });
}

/** The referenced instances grouped by study and series (Current Requested Procedure Evidence). */
function evidence(refs: readonly InstanceReference[]) {
  const studies = new Map<string, Map<string, InstanceReference[]>>();
  for (const r of refs) {
    const series = studies.get(r.studyUid) ?? new Map<string, InstanceReference[]>();
    series.set(r.seriesUid, [...(series.get(r.seriesUid) ?? []), r]);
    studies.set(r.studyUid, series);
  }
  return [...studies].map(([studyUid, series]) => ({
    StudyInstanceUID: studyUid,
    ReferencedSeriesSequence: [...series].map(([seriesUid, list]) => ({
      SeriesInstanceUID: seriesUid,
      ReferencedSOPSequence: list.map((r) => ({
        ReferencedSOPClassUID: r.sopClassUid,
        ReferencedSOPInstanceUID: r.sopInstanceUid,
      })),
    })),
  }));
}

/**
 * One DICOM SR measurement report (TID 1500) of a case's stored measurements, referencing the
 * images they were made on; Part 10 bytes. It joins the study of the first measured image.
 */
export function buildMeasurementSr(ctx: BackendContext, caseId: number): Promise<Uint8Array> {
  const measurements = listCaseMeasurements(ctx.db, caseId);
  const refs = new Map<number, InstanceReference>();
  for (const m of measurements) {
    const r = refs.get(m.instanceId) ?? instanceReference(ctx.db, m.instanceId);
    if (r) refs.set(m.instanceId, r);
  }
  const groups = measurements.flatMap((m) => {
    const r = refs.get(m.instanceId);
    const g = r ? group(m, r) : null;
    return g ? [{ g, r: r! }] : [];
  });
  if (!groups.length) throw new AppError('NOT_FOUND', 'This case has no measurements to report.');
  const used = [...new Map(groups.map(({ r }) => [r.instanceId, r])).values()];
  const first = used[0]!;
  const now = ctx.now();
  const author = measurements[0]!.createdBy;
  const sop = newUid();
  const dataset = {
    SpecificCharacterSet: 'ISO_IR 192',
    SOPClassUID: COMPREHENSIVE_SR,
    SOPInstanceUID: sop,
    InstanceCreationDate: da(now),
    InstanceCreationTime: tm(now),
    PatientName: first.patientName ?? '',
    PatientID: first.mrn,
    PatientBirthDate: dicomDate(first.birthDate),
    PatientSex: first.sex && ['F', 'M', 'O'].includes(first.sex) ? first.sex : '',
    StudyInstanceUID: first.studyUid,
    StudyDate: dicomDate(first.studyDate),
    StudyTime: first.studyTime ?? '',
    ReferringPhysicianName: first.referringPhysician ?? '',
    StudyID: first.studyIdText ?? '',
    AccessionNumber: first.accession ?? '',
    Modality: 'SR',
    SeriesInstanceUID: newUid(),
    SeriesNumber: '9001',
    SeriesDescription: 'Measurement report',
    ReferencedPerformedProcedureStepSequence: [],
    Manufacturer: 'Spine Case Review',
    SoftwareVersions: APP_VERSION,
    InstanceNumber: '1',
    CompletionFlag: 'COMPLETE',
    VerificationFlag: 'UNVERIFIED',
    ContentDate: da(now),
    ContentTime: tm(now),
    PerformedProcedureCodeSequence: [],
    CurrentRequestedProcedureEvidenceSequence: evidence(used),
    ValueType: 'CONTAINER',
    ConceptNameCodeSequence: [DCM.report],
    ContinuityOfContent: 'SEPARATE',
    ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '1500' }],
    ContentSequence: [
      item('HAS CONCEPT MOD', 'CODE', DCM.language, { ConceptCodeSequence: [DCM.english] }),
      item('HAS OBS CONTEXT', 'CODE', DCM.observerType, { ConceptCodeSequence: [DCM.person] }),
      item('HAS OBS CONTEXT', 'PNAME', DCM.personObserverName, { PersonName: author }),
      item('HAS CONCEPT MOD', 'CODE', DCM.procedureReported, { ConceptCodeSequence: [DCM.imagingProcedure] }),
      item('CONTAINS', 'CONTAINER', DCM.imageLibrary, {
        ContinuityOfContent: 'SEPARATE',
        ContentSequence: [
          item('CONTAINS', 'CONTAINER', DCM.imageLibraryGroup, {
            ContinuityOfContent: 'SEPARATE',
            ContentSequence: used.map((r) => item('CONTAINS', 'IMAGE', null, imageRef(r, 0))),
          }),
        ],
      }),
      item('CONTAINS', 'CONTAINER', DCM.imagingMeasurements, {
        ContinuityOfContent: 'SEPARATE',
        ContentSequence: groups.map(({ g }) => g),
      }),
    ],
  };
  return Promise.resolve(encodeDicom(dataset));
}
