import { newUid } from './implementation.ts';
import type { PatientStudy } from './patient-study.ts';
import { patientStudyModules } from './patient-study.ts';
import { dicomDateTime, writePart10 } from './part10.ts';

export const ENCAPSULATED_PDF_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.104.1';

const isPdf = (bytes: Uint8Array): boolean =>
  bytes.length > 8 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

function evenCopy(bytes: Uint8Array): ArrayBuffer {
  const out = new Uint8Array(bytes.length + (bytes.length % 2));
  out.set(bytes);
  return out.buffer;
}

/**
 * The case report as an Encapsulated PDF (PS3.3 A.45.1) in the patient's study, so the archive's
 * viewer lists it with the images. The PDF bytes are kept as they are (padded to even length).
 */
export function buildEncapsulatedPdf(input: {
  identity: PatientStudy;
  pdf: Uint8Array;
  title: string;
  at: Date;
  seriesNumber: number;
}): { bytes: Uint8Array; sopInstanceUid: string } {
  if (!isPdf(input.pdf)) throw new Error('The case report is not a PDF.');
  const { date, time } = dicomDateTime(input.at);
  const sopInstanceUid = newUid();
  const dataset = {
    ...patientStudyModules(input.identity),
    SOPClassUID: ENCAPSULATED_PDF_SOP_CLASS,
    SOPInstanceUID: sopInstanceUid,
    Modality: 'DOC',
    SeriesInstanceUID: newUid(),
    SeriesNumber: String(input.seriesNumber),
    SeriesDescription: 'Case report',
    Manufacturer: 'Spine Case Review',
    ConversionType: 'WSD',
    InstanceNumber: '1',
    ContentDate: date,
    ContentTime: time,
    AcquisitionDateTime: `${date}${time}`,
    BurnedInAnnotation: 'YES',
    DocumentTitle: input.title.slice(0, 64),
    ConceptNameCodeSequence: [],
    MIMETypeOfEncapsulatedDocument: 'application/pdf',
    EncapsulatedDocumentLength: input.pdf.length,
    // OB values have even length: one zero byte pads an odd PDF (the Length above keeps the truth).
    EncapsulatedDocument: evenCopy(input.pdf),
  };
  return { bytes: writePart10(dataset), sopInstanceUid };
}
