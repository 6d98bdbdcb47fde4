import dicomParser from 'dicom-parser';
import type { DataSet } from 'dicom-parser';
import { PixelDecodeError } from './errors.ts';
import { bytesOf } from './pixel-data-element.ts';

/** Red, green and blue lookup tables of PALETTE COLOR images (PS3.3 C.7.6.3.1.5-6). */
export interface PaletteLut {
  /** Number of entries (a descriptor value of 0 means 65536). */
  entries: number;
  /** The stored value mapped to the first entry; values below map to the first, above the last. */
  firstMapped: number;
  /** 8 or 16: the width of the entries actually present in the data. */
  bitsPerEntry: 8 | 16;
  red: Uint16Array;
  green: Uint16Array;
  blue: Uint16Array;
}

export interface WindowPreset {
  center: number;
  width: number;
  explanation: string | null;
}

/** The Image Pixel module (PS3.3 C.7.6.3) plus what the viewer needs to show stored values. */
export interface PixelModule {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  photometric: string;
  bitsAllocated: number;
  bitsStored: number;
  highBit: number;
  /** 0 unsigned, 1 two's complement. */
  pixelRepresentation: 0 | 1;
  planarConfiguration: 0 | 1;
  frames: number;
  /** Modality LUT as a linear rescale (PS3.3 C.11.1); 1 and 0 when absent. */
  rescaleSlope: number;
  rescaleIntercept: number;
  rescaleType: string | null;
  windows: WindowPreset[];
  palette: PaletteLut | null;
  /** Float Pixel Data (32) or Double Float Pixel Data (64), else null. */
  floatBits: 32 | 64 | null;
}

const text = (ds: DataSet, tag: string, i = 0): string | null => {
  const v = ds.string(tag, i)?.replace(/\0/g, '').trim();
  return v ? v : null;
};
const num = (ds: DataSet, tag: string, i = 0): number | null => {
  const v = text(ds, tag, i);
  if (v === null) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};
const us = (ds: DataSet, tag: string, i = 0): number | null => {
  const el = ds.elements[tag];
  return el && el.length >= 2 * (i + 1) ? (ds.uint16(tag, i) ?? null) : null;
};

/** Nested sequence item's dataset, if present. */
const item = (ds: DataSet | undefined, tag: string, index = 0): DataSet | undefined =>
  ds?.elements[tag]?.items?.[index]?.dataSet;

/**
 * The modality rescale and VOI windows of one frame: an Enhanced multi-frame image carries them
 * per frame or shared in functional groups (PS3.3 C.7.6.16.2.9-10); others at the top level.
 */
function frameGroups(ds: DataSet, frame: number): DataSet[] {
  const perFrame = item(ds, 'x52009230', frame);
  const shared = item(ds, 'x52009229');
  return [perFrame, shared].filter((d): d is DataSet => d !== undefined);
}

function rescale(ds: DataSet, frame: number): { slope: number; intercept: number; type: string | null } {
  for (const group of frameGroups(ds, frame)) {
    const t = item(group, 'x00289145');
    if (t && num(t, 'x00281053') !== null)
      return { slope: num(t, 'x00281053')!, intercept: num(t, 'x00281052') ?? 0, type: text(t, 'x00281054') };
  }
  const slope = num(ds, 'x00281053');
  return {
    // A zero slope would erase the image: some writers store 0 meaning "absent".
    slope: slope === null || slope === 0 ? 1 : slope,
    intercept: num(ds, 'x00281052') ?? 0,
    type: text(ds, 'x00281054'),
  };
}

function windows(ds: DataSet, frame: number): WindowPreset[] {
  const source = frameGroups(ds, frame)
    .map((g) => item(g, 'x00289132'))
    .find((d) => d !== undefined && num(d, 'x00281050') !== null);
  const from = source ?? ds;
  const out: WindowPreset[] = [];
  const count = from.numStringValues('x00281050') ?? 0;
  for (let i = 0; i < count; i++) {
    const center = num(from, 'x00281050', i);
    const width = num(from, 'x00281051', i);
    if (center !== null && width !== null && width > 0)
      out.push({ center, width, explanation: text(from, 'x00281055', i) });
  }
  return out;
}

function lutData(ds: DataSet, tag: string, entries: number, littleEndian: boolean): Uint16Array | null {
  const el = ds.elements[tag];
  if (!el || !el.length) return null;
  const b = bytesOf(ds).subarray(el.dataOffset, el.dataOffset + el.length);
  // The descriptor's bit depth is unreliable; pydicom and cornerstone trust the data's length:
  // one byte per entry means 8-bit entries whatever the descriptor says.
  if (b.length === entries) return Uint16Array.from(b);
  const out = new Uint16Array(Math.floor(b.length / 2));
  for (let i = 0; i < out.length; i++)
    out[i] = littleEndian ? b[2 * i]! | (b[2 * i + 1]! << 8) : (b[2 * i]! << 8) | b[2 * i + 1]!;
  return out;
}

function palette(ds: DataSet, pixelRepresentation: 0 | 1): PaletteLut | null {
  const desc = 'x00281101';
  if (!ds.elements[desc]) return null;
  if (ds.elements.x00281221 && !ds.elements.x00281201)
    throw new PixelDecodeError('Segmented palette colour lookup tables are not supported.');
  const entries = us(ds, desc, 0) || 65536;
  const firstRaw = us(ds, desc, 1) ?? 0;
  // The first mapped value is US or SS following the Pixel Representation (PS3.3 C.7.6.3.1.5).
  const firstMapped = pixelRepresentation === 1 && firstRaw > 0x7fff ? firstRaw - 0x10000 : firstRaw;
  const littleEndian = ds.byteArrayParser !== dicomParser.bigEndianByteArrayParser;
  const red = lutData(ds, 'x00281201', entries, littleEndian);
  const green = lutData(ds, 'x00281202', entries, littleEndian);
  const blue = lutData(ds, 'x00281203', entries, littleEndian);
  if (!red || !green || !blue) throw new PixelDecodeError('The palette colour lookup table data is missing.');
  if (red.length < entries || green.length < entries || blue.length < entries)
    throw new PixelDecodeError(
      `The palette colour lookup tables hold fewer than the ${entries} entries declared.`,
    );
  const eightBit = ds.elements.x00281201!.length === entries;
  return { entries, firstMapped, bitsPerEntry: eightBit ? 8 : 16, red, green, blue };
}

/** Reads the Image Pixel module; throws PixelDecodeError when the dataset is not an image. */
export function readPixelModule(ds: DataSet, frame = 0): PixelModule {
  const rows = us(ds, 'x00280010');
  const columns = us(ds, 'x00280011');
  const bitsAllocated = us(ds, 'x00280100');
  if (!rows || !columns || !bitsAllocated)
    throw new PixelDecodeError(
      'The file has Pixel Data but no usable Image Pixel module (Rows, Columns or Bits Allocated is missing).',
    );
  const samplesPerPixel = us(ds, 'x00280002') ?? 1;
  const bitsStored = us(ds, 'x00280101') || bitsAllocated;
  const pixelRepresentation = us(ds, 'x00280103') === 1 ? 1 : 0;
  const floatBits = ds.elements.x7fe00008 ? 32 : ds.elements.x7fe00009 ? 64 : null;
  const modality = rescale(ds, frame);
  const photometric = text(ds, 'x00280004')?.toUpperCase() ?? (samplesPerPixel === 3 ? 'RGB' : 'MONOCHROME2');
  return {
    rows,
    columns,
    samplesPerPixel,
    photometric,
    bitsAllocated,
    bitsStored: Math.min(bitsStored, bitsAllocated),
    highBit: us(ds, 'x00280102') ?? bitsStored - 1,
    pixelRepresentation,
    planarConfiguration: us(ds, 'x00280006') === 1 ? 1 : 0,
    // parseInt, not Number: it reads "1A" (pydicom's badVR.dcm) as 1 instead of failing.
    frames: Math.max(1, Number.parseInt(text(ds, 'x00280008') ?? '1', 10) || 1),
    rescaleSlope: modality.slope,
    rescaleIntercept: modality.intercept,
    rescaleType: modality.type,
    windows: windows(ds, frame),
    // Only PALETTE COLOR images are mapped; other images may carry unrelated (supplemental) tables.
    palette: photometric === 'PALETTE COLOR' ? palette(ds, pixelRepresentation) : null,
    floatBits,
  };
}
