// The JPEG 2000 codestream's SIZ marker is checked against the DICOM header before OpenJPEG runs:
// a damaged stream declaring a vast image or tile grid is refused at once with a reason.
import { describe, expect, it } from 'vitest';
import { checkJ2kSize, readJ2kSize } from '../../../shared/dicom/decode/j2k-codestream.ts';
import { PixelDecodeError } from '../../../shared/dicom/errors.ts';
import type { PixelModule } from '../../../shared/dicom/pixel-module.ts';

interface Siz {
  width: number;
  height: number;
  tileWidth?: number;
  tileHeight?: number;
  components?: number;
}

/** SOC, then a SIZ marker segment (ISO/IEC 15444-1 A.5.1) for a 16-bit signed image. */
function codestream(s: Siz): Uint8Array {
  const c = s.components ?? 1;
  const b = new Uint8Array(4 + 38 + 3 * c + 4);
  const view = new DataView(b.buffer);
  view.setUint16(0, 0xff4f);
  view.setUint16(2, 0xff51);
  view.setUint16(4, 38 + 3 * c);
  view.setUint16(6, 0);
  [s.width, s.height, 0, 0, s.tileWidth ?? s.width, s.tileHeight ?? s.height, 0, 0].forEach((v, i) =>
    view.setUint32(8 + 4 * i, v),
  );
  view.setUint16(40, c);
  for (let i = 0; i < c; i++) b.set([0x8f, 1, 1], 42 + 3 * i);
  view.setUint16(42 + 3 * c, 0xff90); // SOT follows
  return b;
}

const header = (columns: number, rows: number, samplesPerPixel = 1): PixelModule =>
  ({ columns, rows, samplesPerPixel }) as PixelModule;

describe('JPEG 2000 codestream size', () => {
  it('reads the image and tile grid a codestream declares', () => {
    expect(readJ2kSize(codestream({ width: 256, height: 1024, tileWidth: 128, tileHeight: 100 }))).toEqual({
      width: 256,
      height: 1024,
      components: 1,
      tiles: 2 * 11,
    });
    expect(readJ2kSize(new Uint8Array([0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20]))).toBeNull();
  });

  it('lets a codestream that matches its header through', () => {
    expect(() => checkJ2kSize(codestream({ width: 256, height: 1024 }), header(256, 1024))).not.toThrow();
    expect(() =>
      checkJ2kSize(codestream({ width: 512, height: 512, components: 3 }), header(512, 512, 3)),
    ).not.toThrow();
  });

  it('refuses a declared image other than the header’s, before decoding', () => {
    // The fuzzer's hang: a width of 3,722,445,161 with tiles 12,648,704 wide, for a 256×1024 header.
    const bomb = codestream({ width: 3_722_445_161, height: 1024, tileWidth: 12_648_704 });
    expect(() => checkJ2kSize(bomb, header(256, 1024))).toThrow(PixelDecodeError);
    expect(() => checkJ2kSize(bomb, header(256, 1024))).toThrow(
      /^The JPEG 2000 data cannot be decoded \(its codestream declares a 3722445161×1024 image but the header says 256×1024\)\.$/,
    );
    expect(() => checkJ2kSize(codestream({ width: 64, height: 64 }), header(64, 64, 3))).toThrow(
      /declares 1 component\(s\) but the header says 3/,
    );
  });

  it('refuses more tiles than a codestream can index', () => {
    expect(() =>
      checkJ2kSize(
        codestream({ width: 4096, height: 4096, tileWidth: 1, tileHeight: 1 }),
        header(4096, 4096),
      ),
    ).toThrow(/declares 16777216 tiles; a codestream holds 1 to 65535/);
  });
});
