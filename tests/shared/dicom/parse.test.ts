import { deflateRaw } from 'pako';
import { describe, expect, it } from 'vitest';
import { NotDicomError } from '../../../shared/dicom/errors.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { readPixelModule } from '../../../shared/dicom/pixel-module.ts';
import { dataset, dicomFile, imagePixelModule, pixelData, text, us } from './build-dicom.ts';

const EXPLICIT = '1.2.840.10008.1.2.1';
const IMPLICIT = '1.2.840.10008.1.2';
const image = [...imagePixelModule({ rows: 1, columns: 2, bitsAllocated: 16 }), pixelData(us(7, 9))];

describe('parseDicom', () => {
  it('reads a Part 10 file up to the Pixel Data', () => {
    const parsed = parseDicom(dicomFile(EXPLICIT, image));
    expect(parsed.layout).toBe('part10');
    expect(parsed.transferSyntax.uid).toBe(EXPLICIT);
    expect(parsed.pixelData?.bytes.length).toBe(4);
    expect(readPixelModule(parsed.dataSet)).toMatchObject({ rows: 1, columns: 2, bitsAllocated: 16 });
  });

  it('reads a file without the 128-byte preamble', () => {
    const parsed = parseDicom(dicomFile(EXPLICIT, image, { preamble: false }));
    expect(parsed.layout).toBe('no-preamble');
    expect(parsed.pixelData?.bytes.length).toBe(4);
  });

  it('reads a bare dataset without file meta as implicit VR little endian, like pydicom', () => {
    const parsed = parseDicom(dicomFile(IMPLICIT, image, { meta: false }));
    expect(parsed.layout).toBe('bare-dataset');
    expect(parsed.transferSyntax.uid).toBe(IMPLICIT);
    expect(readPixelModule(parsed.dataSet).columns).toBe(2);
  });

  it('reads a bare explicit VR dataset and says so', () => {
    const parsed = parseDicom(dicomFile(EXPLICIT, image, { meta: false }));
    expect(parsed.transferSyntax.uid).toBe(EXPLICIT);
  });

  it('reads a dataset written implicit although its meta declares explicit, with a warning', () => {
    const parsed = parseDicom(dicomFile(EXPLICIT, image, { implicit: true }));
    expect(readPixelModule(parsed.dataSet).rows).toBe(1);
    expect(parsed.warnings.join(' ')).toMatch(/implicit VR/);
  });

  it('inflates deflated files, only as far as their header justifies', () => {
    const DEFLATED = '1.2.840.10008.1.2.1.99';
    /** The file with its dataset deflated, as a deflated-syntax writer stores it. */
    const deflatedFile = (elements: typeof image): Uint8Array => {
      const plain = dicomFile(DEFLATED, elements);
      const body = dataset(elements);
      const meta = plain.subarray(0, plain.length - body.length);
      const packed = deflateRaw(body);
      const out = new Uint8Array(meta.length + packed.length);
      out.set(meta);
      out.set(packed, meta.length);
      return out;
    };
    const parsed = parseDicom(deflatedFile(image));
    expect(parsed.pixelData?.bytes).toEqual(us(7, 9));
    // 1×2 pixels declared, 6 MB of zeros after them: inflates to far more than the header justifies.
    const bomb = [...image, { tag: 0x7fe10010, vr: 'OB', value: new Uint8Array(6e6) }];
    expect(() => parseDicom(deflatedFile(bomb))).toThrow(/more than the \d+ bytes its header justifies/);
    // 6 MB of zeros before any pixel data: refused once the header probe is used up.
    const early = [{ tag: 0x00091010, vr: 'OB', value: new Uint8Array(6e6) }, ...image];
    expect(() => parseDicom(deflatedFile(early))).toThrow(/without reaching its pixel data/);
    const broken = deflatedFile(image);
    broken.fill(0xff, broken.length - 8);
    expect(() => parseDicom(broken)).toThrow(/cannot be inflated/);
  });

  it('says when a file is not DICOM', () => {
    for (const bytes of [
      Uint8Array.from('This is a README file, not an image.', (c) => c.charCodeAt(0)),
      new Uint8Array(3),
      Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0]),
    ])
      expect(() => parseDicom(bytes)).toThrow(new NotDicomError());
  });

  it('says where a truncated header ends', () => {
    const file = dicomFile(EXPLICIT, [{ tag: 0x00100010, vr: 'PN', value: text('Doe^John') }, ...image]);
    const cut = file.subarray(0, file.length - 40);
    expect(() => parseDicom(cut)).toThrow(new RegExp(`truncated: it ends at byte ${cut.length}`));
  });

  it('reports truncated Pixel Data without failing the parse', () => {
    const file = dicomFile(EXPLICIT, image);
    const parsed = parseDicom(file.subarray(0, file.length - 1));
    expect(parsed.pixelData?.truncated).toBe(true);
    expect(parsed.warnings.join(' ')).toMatch(/Pixel Data is truncated/);
  });

  it('returns no Pixel Data for a non-image dataset', () => {
    expect(
      parseDicom(dicomFile(EXPLICIT, [{ tag: 0x00100010, vr: 'PN', value: text('Doe') }])).pixelData,
    ).toBeNull();
  });

  it('does not write into the caller’s buffer', () => {
    const file = dicomFile(EXPLICIT, image);
    const copy = file.slice();
    parseDicom(file);
    expect(file).toEqual(copy);
  });
});
