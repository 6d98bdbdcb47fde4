import { newUid } from './implementation.ts';
import type { PatientStudy } from './patient-study.ts';
import { patientStudyModules } from './patient-study.ts';
import { dicomDateTime, writePart10 } from './part10.ts';
import type { ReferencedImage } from './key-object-selection.ts';
import type { RgbImage } from './png-decode.ts';

export const SECONDARY_CAPTURE_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.7';

/**
 * A key image as shown in the viewer, caption burnt in, as a Secondary Capture Image (PS3.3 A.8.1)
 * in the original's study: for archives and viewers that do not follow Key Object Selections. It
 * names its source image (Source Image Sequence) and says that text is burnt in.
 */
export function buildSecondaryCapture(input: {
  identity: PatientStudy;
  image: RgbImage;
  caption: string;
  source: ReferencedImage | null;
  seriesUid: string;
  seriesNumber: number;
  instanceNumber: number;
  at: Date;
}): { bytes: Uint8Array; sopInstanceUid: string } {
  const { date, time } = dicomDateTime(input.at);
  const sopInstanceUid = newUid();
  const dataset = {
    ...patientStudyModules(input.identity),
    SOPClassUID: SECONDARY_CAPTURE_SOP_CLASS,
    SOPInstanceUID: sopInstanceUid,
    Modality: 'OT',
    SeriesInstanceUID: input.seriesUid,
    SeriesNumber: String(input.seriesNumber),
    SeriesDescription: 'Key images (captioned)',
    // Type 2C (paired body parts); the capture shows whatever the source showed, so it stays empty.
    Laterality: '',
    Manufacturer: 'Spine Case Review',
    ConversionType: 'WSD',
    InstanceNumber: String(input.instanceNumber),
    PatientOrientation: '',
    ContentDate: date,
    ContentTime: time,
    ImageType: ['DERIVED', 'SECONDARY'],
    DerivationDescription: 'Key image rendered as displayed, with its caption burnt in',
    BurnedInAnnotation: 'YES',
    ...(input.caption ? { ImageComments: input.caption.slice(0, 10_240) } : {}),
    ...(input.source
      ? {
          SourceImageSequence: [
            {
              ReferencedSOPClassUID: input.source.sopClassUid,
              ReferencedSOPInstanceUID: input.source.sopInstanceUid,
            },
          ],
        }
      : {}),
    SamplesPerPixel: 3,
    PhotometricInterpretation: 'RGB',
    PlanarConfiguration: 0,
    Rows: input.image.height,
    Columns: input.image.width,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelRepresentation: 0,
  };
  return { bytes: writePart10(dataset, { tag: 'PixelData', bytes: input.image.rgb }), sopInstanceUid };
}
