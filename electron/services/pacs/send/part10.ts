import dcmjs from 'dcmjs';
import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './implementation.ts';

export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/** A dataset in dcmjs's naturalized form (keyword → value). */
export type Dataset = Record<string, unknown> & { SOPClassUID: string; SOPInstanceUID: string };

/**
 * Writes a Part 10 file (explicit VR little endian) with dcmjs. A large byte value (pixel data, an
 * encapsulated PDF) is appended after dcmjs's output as the last element, OB with an even length:
 * dcmjs would copy it through growing buffers several times.
 */
export function writePart10(
  dataset: Dataset,
  trailing?: { tag: 'PixelData'; bytes: Uint8Array },
): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const dict = new DicomDict(
    DicomMetaDictionary.denaturalizeDataset({
      FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
      MediaStorageSOPClassUID: dataset.SOPClassUID,
      MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
      TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
      ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
      ImplementationVersionName: IMPLEMENTATION_VERSION_NAME,
    }),
  );
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  const head = new Uint8Array(dict.write());
  if (!trailing) return head;
  const length = trailing.bytes.length + (trailing.bytes.length % 2);
  const element = new Uint8Array(12);
  const view = new DataView(element.buffer);
  view.setUint16(0, 0x7fe0, true);
  view.setUint16(2, 0x0010, true);
  element[4] = 0x4f; // 'O'
  element[5] = 0x42; // 'B'
  view.setUint32(8, length, true);
  const out = new Uint8Array(head.length + element.length + length);
  out.set(head, 0);
  out.set(element, head.length);
  out.set(trailing.bytes, head.length + element.length);
  return out;
}

/** DICOM DA and TM of a moment (local time, as the equipment that made the object would). */
export function dicomDateTime(at: Date): { date: string; time: string } {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return {
    date: `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}`,
    time: `${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`,
  };
}
