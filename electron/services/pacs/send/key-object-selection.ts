import { newUid } from './implementation.ts';
import type { PatientStudy } from './patient-study.ts';
import { patientStudyModules } from './patient-study.ts';
import { dicomDateTime, writePart10 } from './part10.ts';

export const KEY_OBJECT_SELECTION_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.88.59';

export interface ReferencedImage {
  sopClassUid: string;
  sopInstanceUid: string;
  seriesUid: string;
  /** 1-based frame of a multi-frame image; null for single-frame images. */
  frame: number | null;
}

export interface KeyObjectInput {
  identity: PatientStudy;
  images: readonly ReferencedImage[];
  /** Free text shown with the selection (Key Object Description, DCM 113012). */
  description: string;
  at: Date;
  seriesNumber: number;
}

const code = (value: string, meaning: string) => [
  { CodeValue: value, CodingSchemeDesignator: 'DCM', CodeMeaning: meaning },
];

/**
 * A Key Object Selection document (PS3.3 A.35.4, template TID 2010) titled "Of Interest" (DCM
 * 113000) that points at the original images in the archive: it carries no pixels, so viewers show
 * the radiologist's own images, flagged.
 */
export function buildKeyObjectSelection(input: KeyObjectInput): {
  bytes: Uint8Array;
  sopInstanceUid: string;
} {
  const { date, time } = dicomDateTime(input.at);
  const sopInstanceUid = newUid();
  const bySeries = new Map<string, ReferencedImage[]>();
  for (const image of input.images)
    bySeries.set(image.seriesUid, [...(bySeries.get(image.seriesUid) ?? []), image]);
  const sopReference = (i: ReferencedImage) => ({
    ReferencedSOPClassUID: i.sopClassUid,
    ReferencedSOPInstanceUID: i.sopInstanceUid,
    ...(i.frame !== null ? { ReferencedFrameNumber: String(i.frame) } : {}),
  });
  const dataset = {
    ...patientStudyModules(input.identity),
    SOPClassUID: KEY_OBJECT_SELECTION_SOP_CLASS,
    SOPInstanceUID: sopInstanceUid,
    Modality: 'KO',
    SeriesInstanceUID: newUid(),
    SeriesNumber: String(input.seriesNumber),
    SeriesDescription: 'Key images',
    ReferencedPerformedProcedureStepSequence: [],
    Manufacturer: 'Spine Case Review',
    InstanceNumber: '1',
    ContentDate: date,
    ContentTime: time,
    CurrentRequestedProcedureEvidenceSequence: [
      {
        StudyInstanceUID: input.identity.header.study.uid,
        ReferencedSeriesSequence: [...bySeries].map(([seriesUid, images]) => ({
          SeriesInstanceUID: seriesUid,
          ReferencedSOPSequence: images.map((i) => ({
            ReferencedSOPClassUID: i.sopClassUid,
            ReferencedSOPInstanceUID: i.sopInstanceUid,
          })),
        })),
      },
    ],
    ValueType: 'CONTAINER',
    ConceptNameCodeSequence: code('113000', 'Of Interest'),
    ContinuityOfContent: 'SEPARATE',
    ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '2010' }],
    ContentSequence: [
      ...(input.description
        ? [
            {
              RelationshipType: 'CONTAINS',
              ValueType: 'TEXT',
              ConceptNameCodeSequence: code('113012', 'Key Object Description'),
              TextValue: input.description.slice(0, 10_000),
            },
          ]
        : []),
      ...input.images.map((i) => ({
        RelationshipType: 'CONTAINS',
        ValueType: 'IMAGE',
        ReferencedSOPSequence: [sopReference(i)],
      })),
    ],
  };
  return { bytes: writePart10(dataset), sopInstanceUid };
}
