import { PixelDecodeError } from '../errors.ts';
import { BitReader, END_OF_BLOCK, buildHuffmanTable } from './huffman.ts';
import type { HuffmanTable } from './huffman.ts';
import { flatBlockValue, idctBlock } from './idct.ts';
import { ycbcrToRgbLibjpeg } from './ycbcr.ts';

// A sequential DCT JPEG decoder (ISO 10918-1 processes 1, 2 and 4: Huffman coding, 8- or 12-bit
// samples), written for DICOM's JPEG Extended transfer syntax (1.2.840.10008.1.2.4.51), which the
// 8-bit libjpeg-turbo codec cannot decode. It reproduces IJG libjpeg's integer IDCT and colour
// conversion, so it matches dcmtk and GDCM sample for sample.

/** Zig-zag index → natural (row-major) index (ISO 10918-1 Figure A.6). */
const ZIGZAG = Uint8Array.from([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
  14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46,
  53, 60, 61, 54, 47, 55, 62, 63,
]);

interface Component {
  id: number;
  h: number;
  v: number;
  quantTable: number;
  blocksPerLine: number;
  blocksPerColumn: number;
  precision: number;
  /** Coefficients of every block, for scans that do not cover all components (allocated then). */
  coefficients: Int32Array;
  /** Per block: 1 when any AC coefficient was decoded (else the block is flat). */
  hasAc: Uint8Array;
  /** Set when the scan is decoded straight to samples: its output and quantization table. */
  plane: Plane | null;
  quant: Uint16Array | null;
  pred: number;
  dc: HuffmanTable | undefined;
  ac: HuffmanTable | undefined;
}

interface Frame {
  precision: number;
  width: number;
  height: number;
  components: Component[];
  maxH: number;
  maxV: number;
  mcusPerLine: number;
  mcusPerColumn: number;
}

export interface DctImage {
  width: number;
  height: number;
  precision: number;
  components: number;
  /** Pixel-interleaved samples; colour is RGB when the stream stored YCbCr (libjpeg's rules). */
  pixels: Uint8Array | Uint16Array;
}

const u16 = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;

function readFrame(b: Uint8Array, at: number, sof: number): Frame {
  if (sof !== 0xc0 && sof !== 0xc1)
    throw new PixelDecodeError(
      `This JPEG uses an unsupported process (SOF marker FF${sof.toString(16).toUpperCase()}): only sequential Huffman DCT is decoded here.`,
    );
  const precision = b[at]!;
  if (precision !== 8 && precision !== 12)
    throw new PixelDecodeError(
      `JPEG sample precision ${precision} is not valid for a DCT process (8 or 12).`,
    );
  const height = u16(b, at + 1);
  const width = u16(b, at + 3);
  if (!height || !width)
    throw new PixelDecodeError('The JPEG frame header has no image size (DNL is not supported).');
  const count = b[at + 5]!;
  const parts: Array<Pick<Component, 'id' | 'h' | 'v' | 'quantTable'>> = [];
  for (let i = 0; i < count; i++) {
    const c = at + 6 + 3 * i;
    parts.push({ id: b[c]!, h: b[c + 1]! >> 4 || 1, v: b[c + 1]! & 15 || 1, quantTable: b[c + 2]! & 3 });
  }
  const maxH = Math.max(...parts.map((p) => p.h));
  const maxV = Math.max(...parts.map((p) => p.v));
  const mcusPerLine = Math.ceil(width / (8 * maxH));
  const mcusPerColumn = Math.ceil(height / (8 * maxV));
  const components = parts.map((p) => {
    const blocksPerLine = mcusPerLine * p.h;
    const blocksPerColumn = mcusPerColumn * p.v;
    return {
      ...p,
      blocksPerLine,
      blocksPerColumn,
      precision,
      coefficients: new Int32Array(0),
      hasAc: new Uint8Array(0),
      plane: null,
      quant: null,
      pred: 0,
      dc: undefined,
      ac: undefined,
    };
  });
  return { precision, width, height, components, maxH, maxV, mcusPerLine, mcusPerColumn };
}

/**
 * Decodes one block's coefficients (F.2.2) into `coef` at `at` (which holds zeros); returns whether
 * it has any AC coefficient. Most AC codes are read with one lookup that also holds their extra bits.
 */
function decodeBlock(reader: BitReader, c: Component, coef: Int32Array, at: number): boolean {
  const dc = c.dc;
  const ac = c.ac;
  if (!dc || !ac) throw new PixelDecodeError('The JPEG scan refers to a Huffman table that is not defined.');
  c.pred += reader.receiveExtend(reader.decode(dc));
  coef[at] = c.pred;
  const fast = ac.fastAc;
  let k = 1;
  while (k < 64) {
    const e = fast[reader.peek()]!;
    if (e !== 0) {
      reader.skip(e & 0x7f);
      if (e & END_OF_BLOCK) break;
      k += (e >> 8) & 15;
      coef[at + ZIGZAG[k]!] = e >> 12;
      k++;
      continue;
    }
    const rs = reader.decode(ac);
    const r = rs >> 4;
    const s = rs & 15;
    if (s === 0) {
      if (r !== 15) break;
      k += 16;
      continue;
    }
    k += r;
    if (k > 63) break;
    coef[at + ZIGZAG[k]!] = reader.receiveExtend(s);
    k++;
  }
  return k > 1;
}

/** Pixel rows of decoded samples for one component, block-aligned (pitch = blocksPerLine × 8). */
type Plane = Uint8Array | Uint16Array;

/** Writes the samples of one block (coefficients in natural order at `at`) into `plane`. */
function outputBlock(
  coef: Int32Array,
  at: number,
  hasAc: boolean,
  quant: Uint16Array,
  precision: number,
  plane: Plane,
  to: number,
  pitch: number,
): void {
  if (hasAc) {
    idctBlock(coef, at, quant, precision, plane, to, pitch);
    return;
  }
  // Only a DC term: every sample of the block has the same value.
  const v = flatBlockValue(coef[at]!, quant[0]!, precision);
  for (let y = 0, o = to; y < 8; y++, o += pitch) {
    plane[o] = v;
    plane[o + 1] = v;
    plane[o + 2] = v;
    plane[o + 3] = v;
    plane[o + 4] = v;
    plane[o + 5] = v;
    plane[o + 6] = v;
    plane[o + 7] = v;
  }
}

/** One block's coefficients, for scans decoded straight to samples; zero between blocks. */
const blockCoefficients = new Int32Array(64);

/**
 * Decodes a block and, when the scan is decoded straight to samples (`c.plane` set), transforms it
 * at once, while its coefficients are still in cache; otherwise stores them for outputImage.
 */
function decodeUnit(reader: BitReader, c: Component, block: number, row: number, col: number): void {
  const plane = c.plane;
  if (!plane) {
    if (decodeBlock(reader, c, c.coefficients, block * 64)) c.hasAc[block] = 1;
    return;
  }
  const coef = blockCoefficients;
  const hasAc = decodeBlock(reader, c, coef, 0);
  const pitch = c.blocksPerLine * 8;
  outputBlock(coef, 0, hasAc, c.quant!, c.precision, plane, row * 8 * pitch + col * 8, pitch);
  if (hasAc) coef.fill(0);
  else coef[0] = 0;
}

/** Decodes one scan's entropy-coded data starting at `at`; returns where the data ends. */
function decodeScan(
  b: Uint8Array,
  at: number,
  frame: Frame,
  scan: Component[],
  restartInterval: number,
): number {
  const reader = new BitReader(b, at);
  for (const c of scan) c.pred = 0;
  const single = scan.length === 1 ? scan[0]! : null;
  // A non-interleaved scan covers only the component's own blocks, not the MCU-padded grid (A.2.2).
  const units = single
    ? Math.ceil(Math.ceil((frame.width * single.h) / frame.maxH) / 8) *
      Math.ceil(Math.ceil((frame.height * single.v) / frame.maxV) / 8)
    : frame.mcusPerLine * frame.mcusPerColumn;
  const singleLine = single ? Math.ceil(Math.ceil((frame.width * single.h) / frame.maxH) / 8) : 0;
  for (let n = 0; n < units; n++) {
    if (restartInterval && n > 0 && n % restartInterval === 0) {
      reader.restart();
      for (const c of scan) c.pred = 0;
    }
    if (single) {
      const row = Math.floor(n / singleLine);
      const col = n % singleLine;
      decodeUnit(reader, single, row * single.blocksPerLine + col, row, col);
      continue;
    }
    const mcuRow = Math.floor(n / frame.mcusPerLine);
    const mcuCol = n % frame.mcusPerLine;
    for (const c of scan)
      for (let v = 0; v < c.v; v++)
        for (let h = 0; h < c.h; h++) {
          const row = mcuRow * c.v + v;
          const col = mcuCol * c.h + h;
          decodeUnit(reader, c, row * c.blocksPerLine + col, row, col);
        }
  }
  return reader.position;
}

function quantFor(quantTables: Array<Uint16Array | undefined>, c: Component): Uint16Array {
  const quant = quantTables[c.quantTable];
  if (!quant)
    throw new PixelDecodeError('The JPEG frame refers to a quantization table that is not defined.');
  return quant;
}

function outputImage(
  frame: Frame,
  quantTables: Array<Uint16Array | undefined>,
  storesYcbcr: boolean,
): DctImage {
  const { width, height, precision, components } = frame;
  if (components.some((c) => c.h !== frame.maxH || c.v !== frame.maxV))
    throw new PixelDecodeError('Chroma-subsampled JPEG is not supported by the 12-bit decoder.');
  const n = components.length;
  const samples = (count: number): Uint8Array | Uint16Array =>
    precision <= 8 ? new Uint8Array(count) : new Uint16Array(count);
  // One component whose blocks tile the image exactly (e.g. 512 × 512): decoded in place.
  const c0 = components[0]!;
  const direct = n === 1 && c0.blocksPerLine * 8 === width && c0.blocksPerColumn * 8 === height;
  const pixels = direct ? null : samples(width * height * n);
  let plane: Uint8Array | Uint16Array | null = null;
  components.forEach((c, ci) => {
    const pitch = c.blocksPerLine * 8;
    plane = c.plane;
    if (!plane) {
      plane = samples(pitch * c.blocksPerColumn * 8);
      const quant = quantFor(quantTables, c);
      const { coefficients, hasAc } = c;
      // A component no scan covered keeps zero coefficients, as libjpeg leaves them.
      if (coefficients.length)
        for (let r = 0, block = 0; r < c.blocksPerColumn; r++)
          for (let col = 0; col < c.blocksPerLine; col++, block++)
            outputBlock(
              coefficients,
              block * 64,
              hasAc[block] === 1,
              quant,
              precision,
              plane,
              r * 8 * pitch + col * 8,
              pitch,
            );
      else plane.fill(flatBlockValue(0, quant[0]!, precision));
    }
    if (!pixels) return;
    if (n === 1)
      for (let y = 0; y < height; y++) pixels.set(plane.subarray(y * pitch, y * pitch + width), y * width);
    else
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) pixels[(y * width + x) * n + ci] = plane[y * pitch + x]!;
  });
  if (!pixels) return { width, height, precision, components: n, pixels: plane! };
  if (n === 3 && storesYcbcr) ycbcrToRgbLibjpeg(pixels, precision);
  return { width, height, precision, components: n, pixels };
}

/** Decodes a baseline or extended (8/12-bit) sequential Huffman JPEG stream. */
export function decodeJpegDct(b: Uint8Array, storesYcbcr: boolean): DctImage {
  if (b[0] !== 0xff || b[1] !== 0xd8)
    throw new PixelDecodeError('The compressed frame is not a JPEG stream (no SOI marker).');
  const quantTables: Array<Uint16Array | undefined> = [];
  const huffman: Array<HuffmanTable | undefined> = [];
  let frame: Frame | null = null;
  let restartInterval = 0;
  let at = 2;
  while (at + 4 <= b.length) {
    const marker = b[at + 1]!;
    // Fill bytes, stray bytes after a scan and unexpected RSTn are skipped, as libjpeg does.
    if (b[at] !== 0xff || marker === 0xff || marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7)) {
      at++;
      continue;
    }
    if (marker === 0xd9) break;
    const length = u16(b, at + 2);
    const seg = at + 4;
    const end = at + 2 + length;
    if (end > b.length) throw new PixelDecodeError('The JPEG data is truncated inside a marker segment.');
    if (marker === 0xdb) {
      for (let p = seg; p < end;) {
        const wide = b[p]! >> 4;
        const table = new Uint16Array(64);
        for (let k = 0; k < 64; k++) table[ZIGZAG[k]!] = wide ? u16(b, p + 1 + 2 * k) : b[p + 1 + k]!;
        quantTables[b[p]! & 3] = table;
        p += 1 + (wide ? 128 : 64);
      }
    } else if (marker === 0xc4) {
      for (let p = seg; p < end;) {
        const counts = b.subarray(p + 1, p + 17);
        const total = counts.reduce((s, v) => s + v, 0);
        huffman[(b[p]! >> 4 ? 4 : 0) + (b[p]! & 3)] = buildHuffmanTable(
          counts,
          b.slice(p + 17, p + 17 + total),
        );
        p += 17 + total;
      }
    } else if (marker === 0xdd) restartInterval = u16(b, seg);
    else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      frame = readFrame(b, seg, marker);
    else if (marker === 0xda) {
      if (!frame) throw new PixelDecodeError('The JPEG scan comes before its frame header.');
      const count = b[seg]!;
      const scan: Component[] = [];
      for (let i = 0; i < count; i++) {
        const id = b[seg + 1 + 2 * i]!;
        const tables = b[seg + 2 + 2 * i]!;
        const c = frame.components.find((x) => x.id === id);
        if (!c) throw new PixelDecodeError(`The JPEG scan refers to an unknown component ${id}.`);
        c.dc = huffman[tables >> 4];
        c.ac = huffman[4 + (tables & 15)];
        scan.push(c);
      }
      const wholeImage =
        scan.length === frame.components.length &&
        frame.components.every((c) => c.h === frame!.maxH && c.v === frame!.maxV && !c.coefficients.length);
      for (const c of scan) {
        const blocks = c.blocksPerLine * c.blocksPerColumn;
        if (wholeImage) {
          // The one scan of a sequential image: decoded straight to samples.
          c.quant = quantFor(quantTables, c);
          c.plane = frame.precision <= 8 ? new Uint8Array(blocks * 64) : new Uint16Array(blocks * 64);
        } else if (!c.coefficients.length && !c.plane) {
          c.coefficients = new Int32Array(blocks * 64);
          c.hasAc = new Uint8Array(blocks);
        }
      }
      at = decodeScan(b, end, frame, scan, restartInterval);
      // Nothing can follow a scan that held every component of a sequential image (libjpeg
      // expects EOI there).
      if (wholeImage) break;
      continue;
    }
    at = end;
  }
  if (!frame) throw new PixelDecodeError('The JPEG stream has no frame header.');
  return outputImage(frame, quantTables, storesYcbcr);
}
