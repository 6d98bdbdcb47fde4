import type { Codecs } from './codecs.ts';
import { expandYbr422, planarToInterleaved, ybrFullToRgb } from './decode/color.ts';
import { decodeCompressed } from './decode/compressed.ts';
import {
  ownedLittleEndianSamples,
  readFloats,
  readSamples,
  toStoredValuesWithRange,
  toUnsignedSamples,
  unpackBits,
} from './decode/native.ts';
import type { StoredSamples, UnsignedSamples } from './decode/native.ts';
import { minMax } from './decode/min-max.ts';
import { applyPalette } from './decode/palette.ts';
import { decodeRle } from './decode/rle.ts';
import { PixelDecodeError } from './errors.ts';
import { frameBytes } from './frames.ts';
import type { ParsedDicom } from './parse.ts';
import { readPixelModule } from './pixel-module.ts';
import type { PixelModule, WindowPreset } from './pixel-module.ts';

export type PixelArray = StoredSamples | Float32Array | Float64Array;

/** One decoded frame: stored values (not rescaled) as the viewer receives them. */
export interface DecodedFrame {
  rows: number;
  columns: number;
  samplesPerPixel: 1 | 3;
  /** As delivered: colour is always RGB; MONOCHROME1 means the viewer must invert the display. */
  photometric: 'MONOCHROME1' | 'MONOCHROME2' | 'RGB';
  /** As the file says (e.g. YBR_FULL_422, PALETTE COLOR). */
  sourcePhotometric: string;
  /** Significant bits of each delivered sample (8 for 8-bit colour, 16 for 16-bit palette entries). */
  bitsStored: number;
  /** Pixel-interleaved samples (RGBRGB… for colour). */
  pixels: PixelArray;
  /** Modality LUT: displayed value = stored × slope + intercept (e.g. Hounsfield units for CT). */
  slope: number;
  intercept: number;
  rescaleType: string | null;
  windows: WindowPreset[];
  minStored: number;
  maxStored: number;
  /** Lossy compression was applied, now or earlier (transfer syntax or Lossy Image Compression "01"). */
  lossy: boolean;
  warnings: string[];
}

const SUPPORTED_PHOTOMETRIC = new Set([
  'MONOCHROME1',
  'MONOCHROME2',
  'PALETTE COLOR',
  'RGB',
  'YBR_FULL',
  'YBR_FULL_422',
  'YBR_RCT',
  'YBR_ICT',
  'YBR_PARTIAL_420',
  'YBR_PARTIAL_422',
]);

function validate(m: PixelModule): void {
  if (!SUPPORTED_PHOTOMETRIC.has(m.photometric))
    throw new PixelDecodeError(`Photometric Interpretation "${m.photometric}" is not supported.`);
  const colour = !m.photometric.startsWith('MONOCHROME') && m.photometric !== 'PALETTE COLOR';
  if (m.samplesPerPixel !== (colour ? 3 : 1))
    throw new PixelDecodeError(
      `${m.photometric} images need ${colour ? 3 : 1} sample(s) per pixel, not ${m.samplesPerPixel}.`,
    );
  if (m.floatBits === null && ![1, 8, 16, 32].includes(m.bitsAllocated))
    throw new PixelDecodeError(`Bits Allocated ${m.bitsAllocated} is not supported (only 1, 8, 16 and 32).`);
  if (m.bitsStored < 1) throw new PixelDecodeError(`Bits Stored ${m.bitsStored} is not valid.`);
}

interface Samples {
  raw: UnsignedSamples | StoredSamples | Float32Array | Float64Array;
  colourIsRgb: boolean;
  signedStream: boolean;
  streamBits: number;
}

async function decodeSamples(
  parsed: ParsedDicom,
  m: PixelModule,
  index: number,
  codecs: Codecs,
): Promise<Samples> {
  const px = parsed.pixelData!;
  const { bytes, bitOffset } = frameBytes(px, m, index, parsed.transferSyntax.encoding === 'rle');
  const pixels = m.rows * m.columns;
  const count = pixels * m.samplesPerPixel;
  const plain = { colourIsRgb: false, signedStream: false, streamBits: m.bitsStored };
  switch (parsed.transferSyntax.encoding) {
    case 'native': {
      if (m.floatBits) return { ...plain, raw: readFloats(bytes, count, m.floatBits, px.littleEndian) };
      if (m.bitsAllocated === 1) return { ...plain, raw: unpackBits(bytes, bitOffset, count) };
      if (m.photometric === 'YBR_FULL_422') {
        const packed = readSamples(bytes, pixels * 2, m.bitsAllocated, px.littleEndian);
        if (packed instanceof Uint32Array)
          throw new PixelDecodeError('32-bit YBR_FULL_422 is not supported.');
        return { ...plain, raw: expandYbr422(packed, pixels) };
      }
      const raw = readSamples(bytes, count, m.bitsAllocated, px.littleEndian);
      return {
        ...plain,
        raw:
          m.planarConfiguration === 1 && m.samplesPerPixel > 1
            ? planarToInterleaved(raw, pixels, m.samplesPerPixel)
            : raw,
      };
    }
    case 'rle': {
      if (m.bitsAllocated === 1) throw new PixelDecodeError('1-bit RLE images are not supported.');
      const interleaved = decodeRle(bytes, m.rows, m.columns, m.samplesPerPixel, m.bitsAllocated);
      return { ...plain, raw: ownedLittleEndianSamples(interleaved, count, m.bitsAllocated) };
    }
    default: {
      const { image, colourIsRgb } = await decodeCompressed(parsed.transferSyntax.encoding, bytes, m, codecs);
      return { raw: image.pixels, colourIsRgb, signedStream: image.signed, streamBits: image.bitsPerSample };
    }
  }
}

function toRgb(s: Samples, m: PixelModule, warnings: string[]): UnsignedSamples {
  if (s.raw instanceof Float32Array || s.raw instanceof Float64Array)
    throw new PixelDecodeError('Floating point colour images are not supported.');
  const rgb = toUnsignedSamples(s.raw, m.bitsAllocated);
  if (s.colourIsRgb || m.photometric === 'RGB') return rgb;
  if (m.photometric === 'YBR_FULL' || m.photometric === 'YBR_FULL_422')
    return ybrFullToRgb(rgb, m.bitsStored);
  if (m.photometric === 'YBR_RCT' || m.photometric === 'YBR_ICT') {
    warnings.push(`${m.photometric} outside JPEG 2000 is shown as stored.`);
    return rgb;
  }
  throw new PixelDecodeError(`${m.photometric} is only supported inside JPEG data.`);
}

/**
 * Decodes frame `index` (0-based) of a parsed file: extracts the frame, decompresses with the
 * injected codecs, converts colour to interleaved RGB (planar, YBR and palette inputs), masks
 * and sign-extends monochrome stored values. Throws PixelDecodeError with a user-facing message.
 */
export async function decodeFrame(parsed: ParsedDicom, index: number, codecs: Codecs): Promise<DecodedFrame> {
  if (!parsed.pixelData) throw new PixelDecodeError('The file has no Pixel Data: it is not an image.');
  const syntax = parsed.transferSyntax;
  if (!syntax.supported)
    throw new PixelDecodeError(
      `The image is encoded as ${syntax.name} (${syntax.uid}), which this viewer cannot decode.`,
    );
  const m = readPixelModule(parsed.dataSet, index);
  validate(m);
  const warnings = [...parsed.warnings];
  const s = await decodeSamples(parsed, m, index, codecs);

  let pixels: PixelArray;
  let range: [number, number] | null = null;
  let bitsStored = m.bitsStored;
  if (m.samplesPerPixel === 3) {
    pixels = toRgb(s, m, warnings);
    bitsStored = m.bitsAllocated === 8 ? 8 : m.bitsStored;
  } else if (s.raw instanceof Float32Array || s.raw instanceof Float64Array) {
    pixels = s.raw;
  } else if (m.bitsAllocated === 1) {
    pixels = s.raw;
    bitsStored = 1;
  } else {
    if (s.signedStream && m.pixelRepresentation === 0)
      warnings.push(
        'The JPEG 2000 stream holds signed values although Pixel Representation says unsigned; the stream is followed, as GDCM and pydicom do.',
      );
    const signed = m.pixelRepresentation === 1 || s.signedStream;
    bitsStored = s.signedStream ? Math.max(m.bitsStored, s.streamBits) : m.bitsStored;
    const stored = toStoredValuesWithRange(
      s.raw,
      m.bitsAllocated,
      Math.min(bitsStored, m.bitsAllocated),
      signed,
    );
    pixels = stored.pixels;
    range = [stored.min, stored.max];
    if (m.photometric === 'PALETTE COLOR') {
      if (!m.palette) throw new PixelDecodeError('The PALETTE COLOR image has no palette lookup tables.');
      pixels = applyPalette(pixels, m.palette);
      bitsStored = m.palette.bitsPerEntry;
      range = null;
    }
  }
  const [minStored, maxStored] = range ?? minMax(pixels);
  const colour = m.samplesPerPixel === 3 || m.photometric === 'PALETTE COLOR';
  return {
    rows: m.rows,
    columns: m.columns,
    samplesPerPixel: colour ? 3 : 1,
    photometric: colour ? 'RGB' : m.photometric === 'MONOCHROME1' ? 'MONOCHROME1' : 'MONOCHROME2',
    sourcePhotometric: m.photometric,
    bitsStored,
    pixels,
    slope: m.rescaleSlope,
    intercept: m.rescaleIntercept,
    rescaleType: m.rescaleType,
    windows: m.windows,
    minStored,
    maxStored,
    lossy: syntax.lossy || parsed.dataSet.string('x00282110')?.trim() === '01',
    warnings,
  };
}
