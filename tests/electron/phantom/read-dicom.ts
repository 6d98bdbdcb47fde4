import dicomParser from 'dicom-parser';
import { readFileSync } from 'node:fs';

/** A parsed Part 10 file with the few accessors the phantom tests need. */
export interface ParsedDicom {
  readonly bytes: Uint8Array;
  str(tag: string): string;
  num(tag: string, index?: number): number;
  nums(tag: string): number[];
  us(tag: string): number;
  /** Stored pixel values (16-bit unsigned, little endian). */
  pixels(): Uint16Array;
}

export function readDicom(path: string): ParsedDicom {
  const bytes = new Uint8Array(readFileSync(path));
  const ds = dicomParser.parseDicom(bytes);
  const str = (tag: string) => ds.string(tag) ?? '';
  return {
    bytes,
    str,
    num: (tag, index = 0) => Number(str(tag).split('\\')[index]),
    nums: (tag) => str(tag).split('\\').map(Number),
    us: (tag) => ds.uint16(tag) ?? NaN,
    pixels: () => {
      const el = ds.elements['x7fe00010'];
      if (!el) throw new Error('No PixelData');
      const copy = bytes.slice(el.dataOffset, el.dataOffset + el.length);
      return new Uint16Array(copy.buffer, copy.byteOffset, el.length / 2);
    },
  };
}

export const TAG = {
  transferSyntax: 'x00020010',
  mediaSopInstance: 'x00020003',
  mediaSopClass: 'x00020002',
  implementationClass: 'x00020012',
  sopClass: 'x00080016',
  sopInstance: 'x00080018',
  modality: 'x00080060',
  studyUid: 'x0020000d',
  seriesUid: 'x0020000e',
  frameOfReference: 'x00200052',
  patientName: 'x00100010',
  patientId: 'x00100020',
  patientComments: 'x00104000',
  burnedIn: 'x00280301',
  instanceNumber: 'x00200013',
  position: 'x00200032',
  orientation: 'x00200037',
  pixelSpacing: 'x00280030',
  imagerPixelSpacing: 'x00181164',
  ermf: 'x00181114',
  sliceThickness: 'x00180050',
  spacingBetweenSlices: 'x00180088',
  rows: 'x00280010',
  columns: 'x00280011',
  intercept: 'x00281052',
  slope: 'x00281053',
  viewPosition: 'x00185101',
  patientOrientation: 'x00200020',
  seriesDescription: 'x0008103e',
  studyDescription: 'x00081030',
} as const;
