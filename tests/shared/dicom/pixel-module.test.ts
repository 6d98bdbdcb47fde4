import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../../../shared/dicom/decode-frame.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { readPixelModule } from '../../../shared/dicom/pixel-module.ts';
import { createWasmCodecs } from '../../../shared/dicom/wasm-codecs.ts';
import type { Element } from './build-dicom.ts';
import { dicomFile, imagePixelModule, pixelData, text, u16le, us } from './build-dicom.ts';

const EXPLICIT = '1.2.840.10008.1.2.1';
const noWasm = createWasmCodecs(() => Promise.reject(new Error('no wasm in this test')));
const item = (elements: Element[]): Uint8Array => {
  const body = dicomFile(EXPLICIT, elements, { meta: false });
  return Uint8Array.from([0xfe, 0xff, 0x00, 0xe0, body.length & 255, body.length >> 8, 0, 0, ...body]);
};
const sequence = (tag: number, items: Uint8Array[]): Element => ({
  tag,
  vr: 'SQ',
  value: Uint8Array.from(items.flatMap((i) => [...i])),
});

function palette(desc: [number, number, number], data: Uint8Array[], pixelRepresentation = 0): Element[] {
  return [
    ...imagePixelModule({
      rows: 1,
      columns: 3,
      bitsAllocated: 8,
      photometric: 'PALETTE COLOR',
      pixelRepresentation,
    }),
    ...[0, 1, 2].map((i) => ({ tag: 0x00281101 + i, vr: 'US', value: us(...desc) })),
    ...[0, 1, 2].map((i) => ({ tag: 0x00281201 + i, vr: 'OW', value: data[i]! })),
    pixelData(Uint8Array.from([0, 1, 2, 0]), 'OB'),
  ];
}

describe('Image Pixel module', () => {
  it('reads window presets with their explanations', () => {
    const ds = parseDicom(
      dicomFile(EXPLICIT, [
        ...imagePixelModule({ rows: 1, columns: 1, bitsAllocated: 16 }),
        { tag: 0x00281050, vr: 'DS', value: text('40\\400') },
        { tag: 0x00281051, vr: 'DS', value: text('400\\2000') },
        { tag: 0x00281055, vr: 'LO', value: text('SOFT\\BONE') },
      ]),
    ).dataSet;
    expect(readPixelModule(ds).windows).toEqual([
      { center: 40, width: 400, explanation: 'SOFT' },
      { center: 400, width: 2000, explanation: 'BONE' },
    ]);
  });

  it('takes rescale from per-frame then shared functional groups of Enhanced images', () => {
    const transform = (slope: string, intercept: string) =>
      sequence(0x00289145, [
        item([
          { tag: 0x00281053, vr: 'DS', value: text(slope) },
          { tag: 0x00281052, vr: 'DS', value: text(intercept) },
        ]),
      ]);
    const ds = parseDicom(
      dicomFile(EXPLICIT, [
        ...imagePixelModule({ rows: 1, columns: 1, bitsAllocated: 16, frames: 2 }),
        sequence(0x52009229, [item([transform('1', '-1024')])]),
        sequence(0x52009230, [item([transform('2', '-10')]), item([])]),
      ]),
    ).dataSet;
    expect(readPixelModule(ds, 0)).toMatchObject({ rescaleSlope: 2, rescaleIntercept: -10 });
    expect(readPixelModule(ds, 1)).toMatchObject({ rescaleSlope: 1, rescaleIntercept: -1024 });
  });

  it('treats a zero or absent slope as 1', () => {
    const ds = parseDicom(
      dicomFile(EXPLICIT, imagePixelModule({ rows: 1, columns: 1, bitsAllocated: 16, slope: '0' })),
    ).dataSet;
    expect(readPixelModule(ds)).toMatchObject({ rescaleSlope: 1, rescaleIntercept: 0 });
  });

  it('reads 16-bit palettes and maps pixels through them', async () => {
    const file = dicomFile(
      EXPLICIT,
      palette([3, 0, 16], [u16le([0, 100, 65535]), u16le([1, 2, 3]), u16le([7, 8, 9])]),
    );
    const parsed = parseDicom(file);
    expect(readPixelModule(parsed.dataSet).palette).toMatchObject({
      entries: 3,
      firstMapped: 0,
      bitsPerEntry: 16,
    });
    const frame = await decodeFrame(parsed, 0, noWasm);
    expect(frame).toMatchObject({ photometric: 'RGB', sourcePhotometric: 'PALETTE COLOR', bitsStored: 16 });
    expect([...frame.pixels]).toEqual([0, 1, 7, 100, 2, 8, 65535, 3, 9]);
  });

  it('trusts the data over a descriptor claiming 16 bits for 8-bit entries', () => {
    const eight = [
      Uint8Array.from([10, 20, 30, 0]),
      Uint8Array.from([1, 2, 3, 0]),
      Uint8Array.from([4, 5, 6, 0]),
    ];
    const lut = readPixelModule(parseDicom(dicomFile(EXPLICIT, palette([4, 0, 16], eight))).dataSet).palette;
    expect(lut?.bitsPerEntry).toBe(8);
    expect([...lut!.red]).toEqual([10, 20, 30, 0]);
  });

  it('reads a negative first mapped value for signed pixels', () => {
    const data = [u16le([1, 2, 3]), u16le([1, 2, 3]), u16le([1, 2, 3])];
    const lut = readPixelModule(
      parseDicom(dicomFile(EXPLICIT, palette([3, 0xfffe, 16], data, 1))).dataSet,
    ).palette;
    expect(lut?.firstMapped).toBe(-2);
  });

  it('says what is missing when Pixel Data has no Image Pixel module', () => {
    const ds = parseDicom(dicomFile(EXPLICIT, [pixelData(new Uint8Array(4))])).dataSet;
    expect(() => readPixelModule(ds)).toThrow(/no usable Image Pixel module/);
  });
});
