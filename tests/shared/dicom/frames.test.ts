import { describe, expect, it } from 'vitest';
import { frameBytes } from '../../../shared/dicom/frames.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { readPixelModule } from '../../../shared/dicom/pixel-module.ts';
import type { Element } from './build-dicom.ts';
import { dicomFile, encapsulate, encapsulatedPixelData, imagePixelModule, pixelData } from './build-dicom.ts';

const JPEG_LS = '1.2.840.10008.1.2.4.80';
const soi = (id: number): Uint8Array => Uint8Array.from([0xff, 0xd8, id, id, id, id]);
const tail = (id: number): Uint8Array => Uint8Array.from([id, id, 0xff, 0xd9]);

function frames(ts: string, elements: Element[]): Uint8Array[] {
  const parsed = parseDicom(dicomFile(ts, elements));
  const m = readPixelModule(parsed.dataSet);
  return Array.from({ length: m.frames }, (_, i) => frameBytes(parsed.pixelData!, m, i).bytes);
}

const module3 = imagePixelModule({ rows: 2, columns: 2, bitsAllocated: 8, frames: 3 });

describe('frame extraction', () => {
  it('slices native multi-frame data', () => {
    const out = frames('1.2.840.10008.1.2.1', [
      ...module3,
      pixelData(
        Uint8Array.from({ length: 12 }, (_, i) => i),
        'OB',
      ),
    ]);
    expect(out.map((f) => [...f])).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10, 11],
    ]);
  });

  it('finds 1-bit frames that start inside a byte', () => {
    const elements = [
      ...imagePixelModule({ rows: 1, columns: 5, bitsAllocated: 1, frames: 3 }),
      pixelData(Uint8Array.from([0xff, 0x00]), 'OB'),
    ];
    const parsed = parseDicom(dicomFile('1.2.840.10008.1.2.1', elements));
    const m = readPixelModule(parsed.dataSet);
    expect(frameBytes(parsed.pixelData!, m, 1)).toMatchObject({ bitOffset: 5 });
    expect(frameBytes(parsed.pixelData!, m, 2).bitOffset).toBe(2);
  });

  it('uses the Basic Offset Table to group fragments', () => {
    const f = [soi(1), tail(1), soi(2), soi(3)];
    // Offsets count item tags and lengths (8 bytes each) from the first fragment's item.
    const bot = [0, 8 + 6 + 8 + 4, 8 + 6 + 8 + 4 + 8 + 6];
    const out = frames(JPEG_LS, [...module3, encapsulatedPixelData(encapsulate(f, bot))]);
    expect(out.map((x) => x.length)).toEqual([10, 6, 6]);
    expect([...out[0]!.subarray(6)]).toEqual([1, 1, 0xff, 0xd9]);
  });

  it('takes one fragment per frame when there is no offset table and counts agree', () => {
    const out = frames(JPEG_LS, [...module3, encapsulatedPixelData(encapsulate([soi(1), soi(2), soi(3)]))]);
    expect(out.map((x) => x[2])).toEqual([1, 2, 3]);
  });

  it('groups fragments by JPEG start-of-image markers when there is no offset table', () => {
    const out = frames(JPEG_LS, [
      ...module3,
      encapsulatedPixelData(encapsulate([soi(1), tail(1), soi(2), tail(2), tail(2), soi(3)])),
    ]);
    expect(out.map((x) => x.length)).toEqual([10, 14, 6]);
  });

  it('uses the Extended Offset Table when present', () => {
    const le64 = (values: number[]): Uint8Array =>
      Uint8Array.from(values.flatMap((v) => [v & 255, (v >> 8) & 255, 0, 0, 0, 0, 0, 0]));
    const elements: Element[] = [
      ...module3,
      { tag: 0x7fe00001, vr: 'OV', value: le64([0, 14, 28]) },
      { tag: 0x7fe00002, vr: 'OV', value: le64([6, 6, 6]) },
      encapsulatedPixelData(encapsulate([soi(1), soi(2), soi(3)])),
    ];
    expect(frames(JPEG_LS, elements).map((x) => x[2])).toEqual([1, 2, 3]);
  });

  it('refuses when fragments cannot be told apart', () => {
    expect(() =>
      frames(JPEG_LS, [...module3, encapsulatedPixelData(encapsulate([soi(1), tail(1)]))]),
    ).toThrow(/Cannot tell which compressed fragments belong to which frame/);
  });

  it('refuses a frame beyond the last, and native data shorter than declared', () => {
    const parsed = parseDicom(
      dicomFile('1.2.840.10008.1.2.1', [...module3, pixelData(new Uint8Array(12), 'OB')]),
    );
    const m = readPixelModule(parsed.dataSet);
    expect(() => frameBytes(parsed.pixelData!, m, 3)).toThrow(
      /Frame 4 does not exist: the image has 3 frame/,
    );
    expect(() => frames('1.2.840.10008.1.2.1', [...module3, pixelData(new Uint8Array(10), 'OB')])).toThrow(
      /Pixel Data holds 10 bytes but 3 frame\(s\) of 2×2×1 at 8 bits need 12/,
    );
  });

  it('says which frame is cut off in a truncated file', () => {
    const file = dicomFile('1.2.840.10008.1.2.1', [...module3, pixelData(new Uint8Array(12), 'OB')]);
    const parsed = parseDicom(file.subarray(0, file.length - 2));
    const m = readPixelModule(parsed.dataSet);
    expect(frameBytes(parsed.pixelData!, m, 1).bytes.length).toBe(4);
    expect(() => frameBytes(parsed.pixelData!, m, 2)).toThrow(
      /truncated: frame 3 needs bytes 8–12 but the file holds only 10 of the 12/,
    );
  });
});
