import { describe, expect, it } from 'vitest';
import type { CodecImage, Codecs } from '../../../shared/dicom/codecs.ts';
import { decodeFrame } from '../../../shared/dicom/decode-frame.ts';
import { PixelDecodeError } from '../../../shared/dicom/errors.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { pixelStats } from '../../../shared/dicom/stats.ts';
import { createWasmCodecs } from '../../../shared/dicom/wasm-codecs.ts';
import type { WasmDecoder } from '../../../shared/dicom/wasm-codecs.ts';
import type { ImageOptions } from './build-dicom.ts';
import {
  dicomFile,
  encapsulate,
  encapsulatedPixelData,
  imagePixelModule,
  pixelData,
  u16le,
} from './build-dicom.ts';

const EXPLICIT = '1.2.840.10008.1.2.1';

/** Codecs that record which one was called and return `image`. */
function fakeCodecs(image: Partial<CodecImage> = {}) {
  const calls: string[] = [];
  const result = (name: string) => (bytes: Uint8Array) => {
    calls.push(name);
    return Promise.resolve({
      width: 2,
      height: 1,
      components: 1,
      bitsPerSample: 8,
      signed: false,
      pixels: Uint8Array.from([1, 2]),
      ...image,
      bytes,
    } as CodecImage);
  };
  const codecs: Codecs = {
    jpegBaseline: result('jpegBaseline'),
    jpeg12: result('jpeg12'),
    jpegLossless: result('jpegLossless'),
    jpegLs: result('jpegLs'),
    j2k: result('j2k'),
  };
  return { codecs, calls };
}

/** A JPEG-family stream header: SOI, a frame header (SOF) with precision and components, EOI. */
function jpegStream(sof: number, precision: number, components = 1): Uint8Array {
  const comps = Array.from({ length: components }, (_, i) => [i + 1, 0x11, 0]).flat();
  const length = 8 + 3 * components;
  return Uint8Array.from([
    0xff,
    0xd8,
    0xff,
    sof,
    0,
    length,
    precision,
    0,
    1,
    0,
    2,
    components,
    ...comps,
    0xff,
    0xd9,
  ]);
}

const decode = (ts: string, o: ImageOptions, data: Uint8Array, codecs: Codecs, encapsulated = false) =>
  decodeFrame(
    parseDicom(
      dicomFile(ts, [
        ...imagePixelModule(o),
        encapsulated ? encapsulatedPixelData(encapsulate([data])) : pixelData(data),
      ]),
    ),
    0,
    codecs,
  );

describe('decodeFrame', () => {
  it('delivers stored values, rescale and stats after the modality LUT', async () => {
    const frame = await decode(
      EXPLICIT,
      { rows: 1, columns: 3, bitsAllocated: 16, pixelRepresentation: 1, slope: '2', intercept: '-1024' },
      u16le([0xfffe, 0, 100]),
      fakeCodecs().codecs,
    );
    expect(frame.pixels).toBeInstanceOf(Int16Array);
    expect([...frame.pixels]).toEqual([-2, 0, 100]);
    expect(frame).toMatchObject({
      minStored: -2,
      maxStored: 100,
      slope: 2,
      intercept: -1024,
      photometric: 'MONOCHROME2',
    });
    expect(pixelStats(frame)).toEqual({ min: -1028, max: -824, mean: ((-2 + 0 + 100) / 3) * 2 - 1024 });
  });

  it('keeps MONOCHROME1 for the viewer to invert, with values as stored', async () => {
    const frame = await decode(
      EXPLICIT,
      { rows: 1, columns: 2, bitsAllocated: 8, photometric: 'MONOCHROME1' },
      Uint8Array.from([0, 255]),
      fakeCodecs().codecs,
    );
    expect(frame.photometric).toBe('MONOCHROME1');
    expect([...frame.pixels]).toEqual([0, 255]);
  });

  it.each([
    ['1.2.840.10008.1.2.4.50', 0xc0, 8, 'jpegBaseline'],
    ['1.2.840.10008.1.2.4.51', 0xc1, 12, 'jpeg12'],
    ['1.2.840.10008.1.2.4.50', 0xc1, 12, 'jpeg12'],
    ['1.2.840.10008.1.2.4.70', 0xc3, 16, 'jpegLossless'],
    ['1.2.840.10008.1.2.4.57', 0xc3, 8, 'jpegLossless'],
    ['1.2.840.10008.1.2.4.80', 0xf7, 8, 'jpegLs'],
    ['1.2.840.10008.1.2.4.70', 0xf7, 8, 'jpegLs'],
  ])(
    'routes %s with SOF %i, %i bits to %s (by the stream, not only the label)',
    async (ts, sof, precision, codec) => {
      const { codecs, calls } = fakeCodecs();
      await decode(
        ts,
        { rows: 1, columns: 2, bitsAllocated: precision > 8 ? 16 : 8 },
        jpegStream(sof, precision),
        codecs,
        true,
      );
      expect(calls).toEqual([codec]);
    },
  );

  it('sends JPEG 2000 to the j2k codec and follows a signed codestream over Pixel Representation', async () => {
    const { codecs, calls } = fakeCodecs({
      signed: true,
      bitsPerSample: 13,
      pixels: Int16Array.from([-2000, 1896]),
    });
    const frame = await decode(
      '1.2.840.10008.1.2.4.90',
      { rows: 1, columns: 2, bitsAllocated: 16, bitsStored: 13 },
      new Uint8Array(8),
      codecs,
      true,
    );
    expect(calls).toEqual(['j2k']);
    expect([...frame.pixels]).toEqual([-2000, 1896]);
    expect(frame.warnings.join(' ')).toMatch(/signed values although Pixel Representation says unsigned/);
  });

  it('refuses a codec image whose size disagrees with the header', async () => {
    const { codecs } = fakeCodecs({ width: 3 });
    await expect(
      decode(
        '1.2.840.10008.1.2.4.90',
        { rows: 1, columns: 2, bitsAllocated: 8 },
        new Uint8Array(8),
        codecs,
        true,
      ),
    ).rejects.toThrow(/compressed frame is 3×1 but the header says 2×1/);
  });

  it('turns an emscripten codec throwing a bare number into a readable error, and frees the decoder', async () => {
    const bare: unknown = 12345; // emscripten throws C++ exceptions as numbers
    let deleted = 0;
    class FailingDecoder implements WasmDecoder {
      getEncodedBuffer = (length: number) => new Uint8Array(length);
      getDecodedBuffer = () => new Uint8Array(0);
      decode(): void {
        throw bare;
      }
      getFrameInfo = () => ({ width: 0, height: 0, bitsPerSample: 8, componentCount: 1, isSigned: false });
      delete(): void {
        deleted++;
      }
    }
    const codecs = createWasmCodecs(() =>
      Promise.resolve({ module: { JpegLSDecoder: FailingDecoder }, messages: [] }),
    );
    const o = { rows: 1, columns: 2, bitsAllocated: 8 };
    await expect(decode('1.2.840.10008.1.2.4.80', o, jpegStream(0xf7, 8), codecs, true)).rejects.toThrow(
      new PixelDecodeError('The JPEG-LS data cannot be decoded (error code 12345).'),
    );
    expect(deleted).toBe(1);
  });

  it('reports what OpenJPEG logged when it decodes nothing', async () => {
    const messages: string[] = [];
    class SilentDecoder implements WasmDecoder {
      getEncodedBuffer = (length: number) => new Uint8Array(length);
      getDecodedBuffer = () => new Uint8Array(0);
      decode(): void {
        messages.push('[ERROR] Invalid number of tiles');
      }
      getFrameInfo = () => ({ width: 0, height: 0, bitsPerSample: 8, componentCount: 1, isSigned: false });
      delete(): void {}
    }
    const codecs = createWasmCodecs(() =>
      Promise.resolve({ module: { J2KDecoder: SilentDecoder }, messages }),
    );
    await expect(
      decode(
        '1.2.840.10008.1.2.4.90',
        { rows: 1, columns: 2, bitsAllocated: 8 },
        new Uint8Array(8),
        codecs,
        true,
      ),
    ).rejects.toThrow(
      new PixelDecodeError('The JPEG 2000 data cannot be decoded (Invalid number of tiles).'),
    );
  });

  it('names an unsupported transfer syntax', async () => {
    await expect(
      decode(
        '1.2.840.10008.1.2.4.201',
        { rows: 1, columns: 2, bitsAllocated: 8 },
        new Uint8Array(8),
        fakeCodecs().codecs,
        true,
      ),
    ).rejects.toThrow(
      /High-Throughput JPEG 2000 \(Lossless Only\) \(1\.2\.840\.10008\.1\.2\.4\.201\), which this viewer cannot decode/,
    );
  });

  it('converts native YBR_FULL and planar RGB to interleaved RGB', async () => {
    const ybr = await decode(
      EXPLICIT,
      {
        rows: 1,
        columns: 1,
        bitsAllocated: 8,
        samplesPerPixel: 3,
        photometric: 'YBR_FULL',
        planarConfiguration: 0,
      },
      Uint8Array.from([76, 85, 255, 0]),
      fakeCodecs().codecs,
    );
    expect([...ybr.pixels]).toEqual([254, 0, 0]);
    expect(ybr).toMatchObject({ photometric: 'RGB', sourcePhotometric: 'YBR_FULL', samplesPerPixel: 3 });
    const planar = await decode(
      EXPLICIT,
      {
        rows: 1,
        columns: 2,
        bitsAllocated: 8,
        samplesPerPixel: 3,
        photometric: 'RGB',
        planarConfiguration: 1,
      },
      Uint8Array.from([1, 2, 3, 4, 5, 6]),
      fakeCodecs().codecs,
    );
    expect([...planar.pixels]).toEqual([1, 3, 5, 2, 4, 6]);
  });

  it('does not convert colour a JPEG codec already delivered as RGB', async () => {
    const { codecs } = fakeCodecs({ components: 3, pixels: Uint8Array.from([9, 8, 7, 6, 5, 4]) });
    const frame = await decode(
      '1.2.840.10008.1.2.4.50',
      { rows: 1, columns: 2, bitsAllocated: 8, samplesPerPixel: 3, photometric: 'YBR_FULL_422' },
      jpegStream(0xc0, 8, 3),
      codecs,
      true,
    );
    expect([...frame.pixels]).toEqual([9, 8, 7, 6, 5, 4]);
  });

  it('rejects inconsistent headers with a reason', async () => {
    const codecs = fakeCodecs().codecs;
    await expect(
      decode(
        EXPLICIT,
        { rows: 1, columns: 1, bitsAllocated: 8, samplesPerPixel: 1, photometric: 'RGB' },
        new Uint8Array(2),
        codecs,
      ),
    ).rejects.toThrow(/RGB images need 3 sample/);
    await expect(
      decode(EXPLICIT, { rows: 1, columns: 1, bitsAllocated: 12 }, new Uint8Array(2), codecs),
    ).rejects.toThrow(/Bits Allocated 12 is not supported/);
    await expect(
      decode(
        EXPLICIT,
        { rows: 1, columns: 1, bitsAllocated: 8, photometric: 'HSV' },
        new Uint8Array(2),
        codecs,
      ),
    ).rejects.toThrow(/"HSV" is not supported/);
  });
});
