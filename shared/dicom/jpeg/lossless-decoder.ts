import { PixelDecodeError } from '../errors.ts';
import { BitReader, buildHuffmanTable } from './huffman.ts';
import type { HuffmanTable } from './huffman.ts';

// JPEG lossless (ISO 10918-1 Annex H, process 14: Huffman, predictors 1–7, point transform), for
// DICOM 1.2.840.10008.1.2.4.57 and .70. Written here because jpeg-lossless-decoder-js 2.1.2 drops
// the last pixel of colour images (dcmtk's `dcmcjpeg +el` output) and averages with `/ 2` for
// predictor 7 instead of the standard's integer shift.

export interface LosslessImage {
  width: number;
  height: number;
  precision: number;
  components: number;
  /** Pixel-interleaved samples. */
  pixels: Uint8Array | Uint16Array;
}

interface Frame {
  precision: number;
  width: number;
  height: number;
  ids: number[];
}

const u16 = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;

/** The H.1.2.1 prediction for sample (x, y) of one component plane. */
function predict(
  plane: Uint16Array,
  w: number,
  x: number,
  y: number,
  sv: number,
  firstLine: boolean,
): number {
  const i = y * w + x;
  if (firstLine) return plane[i - 1]!;
  if (x === 0) return plane[i - w]!;
  const ra = plane[i - 1]!;
  const rb = plane[i - w]!;
  const rc = plane[i - w - 1]!;
  switch (sv) {
    case 1:
      return ra;
    case 2:
      return rb;
    case 3:
      return rc;
    case 4:
      return ra + rb - rc;
    case 5:
      return ra + ((rb - rc) >> 1);
    case 6:
      return rb + ((ra - rc) >> 1);
    case 7:
      return (ra + rb) >> 1;
    default:
      throw new PixelDecodeError(`JPEG lossless predictor ${sv} is not valid (1–7).`);
  }
}

function decodeScan(
  b: Uint8Array,
  at: number,
  frame: Frame,
  planes: Uint16Array[],
  scan: Array<{ plane: number; table: HuffmanTable }>,
  sv: number,
  pt: number,
  restartInterval: number,
): number {
  const reader = new BitReader(b, at);
  const { width: w, height: h } = frame;
  const initial = 1 << (frame.precision - pt - 1);
  let firstLine = true;
  let fresh = true;
  let sinceRestart = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (restartInterval && sinceRestart === restartInterval) {
        reader.restart();
        sinceRestart = 0;
        // A restart interval predicts like the top of the image: 2^(P−Pt−1), then the left neighbour (H.1.2.1).
        firstLine = true;
        fresh = true;
      }
      for (const c of scan) {
        const plane = planes[c.plane]!;
        const t = reader.decode(c.table);
        const diff = t === 0 ? 0 : t === 16 ? 32768 : reader.receiveExtend(t);
        const px = fresh ? initial : predict(plane, w, x, y, sv, firstLine);
        plane[y * w + x] = (px + diff) & 0xffff;
      }
      fresh = false;
      sinceRestart++;
    }
    firstLine = false;
  }
  return reader.position;
}

/** Decodes a JPEG lossless (SOF3) stream. */
export function decodeJpegLosslessStream(b: Uint8Array): LosslessImage {
  if (b[0] !== 0xff || b[1] !== 0xd8)
    throw new PixelDecodeError('The compressed frame is not a JPEG stream (no SOI marker).');
  const huffman: Array<HuffmanTable | undefined> = [];
  let frame: Frame | null = null;
  let planes: Uint16Array[] = [];
  let restartInterval = 0;
  let at = 2;
  while (at + 4 <= b.length) {
    const marker = b[at + 1]!;
    if (b[at] !== 0xff || marker === 0xff || marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7)) {
      at++;
      continue;
    }
    if (marker === 0xd9) break;
    const seg = at + 4;
    const end = at + 2 + u16(b, at + 2);
    if (end > b.length) throw new PixelDecodeError('The JPEG data is truncated inside a marker segment.');
    if (marker === 0xc4) {
      for (let p = seg; p < end;) {
        const counts = b.subarray(p + 1, p + 17);
        const total = counts.reduce((s, v) => s + v, 0);
        if (b[p]! >> 4 === 0) huffman[b[p]! & 3] = buildHuffmanTable(counts, b.slice(p + 17, p + 17 + total));
        p += 17 + total;
      }
    } else if (marker === 0xdd) restartInterval = u16(b, seg);
    else if (marker === 0xc3) {
      const count = b[seg + 5]!;
      const ids: number[] = [];
      for (let i = 0; i < count; i++) {
        ids.push(b[seg + 6 + 3 * i]!);
        if (b[seg + 7 + 3 * i] !== 0x11)
          throw new PixelDecodeError('Subsampled JPEG lossless images are not supported.');
      }
      frame = { precision: b[seg]!, height: u16(b, seg + 1), width: u16(b, seg + 3), ids };
      if (!frame.width || !frame.height)
        throw new PixelDecodeError('The JPEG frame header has no image size.');
      planes = ids.map(() => new Uint16Array(frame!.width * frame!.height));
    } else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc8 && marker !== 0xcc)
      throw new PixelDecodeError(
        `Expected a lossless JPEG frame (SOF3), found FF${marker.toString(16).toUpperCase()}.`,
      );
    else if (marker === 0xda) {
      if (!frame) throw new PixelDecodeError('The JPEG scan comes before its frame header.');
      const f = frame;
      const count = b[seg]!;
      const scan = Array.from({ length: count }, (_, i) => {
        const plane = f.ids.indexOf(b[seg + 1 + 2 * i]!);
        const table = huffman[b[seg + 2 + 2 * i]! >> 4];
        if (plane < 0 || !table)
          throw new PixelDecodeError('The JPEG scan refers to an unknown component or table.');
        return { plane, table };
      });
      const sv = b[seg + 1 + 2 * count]!;
      const pt = b[seg + 3 + 2 * count]! & 15;
      at = decodeScan(b, end, f, planes, scan, sv, pt, restartInterval);
      for (const c of scan) if (pt) planes[c.plane] = planes[c.plane]!.map((v) => (v << pt) & 0xffff);
      continue;
    }
    at = end;
  }
  if (!frame) throw new PixelDecodeError('The JPEG stream has no frame header.');
  const n = planes.length;
  const size = frame.width * frame.height;
  // One component of more than 8 bits: its plane already is the image.
  if (n === 1 && frame.precision > 8)
    return {
      width: frame.width,
      height: frame.height,
      precision: frame.precision,
      components: 1,
      pixels: planes[0]!,
    };
  const pixels = frame.precision <= 8 ? new Uint8Array(size * n) : new Uint16Array(size * n);
  planes.forEach((plane, c) => {
    for (let i = 0; i < size; i++) pixels[i * n + c] = plane[i]!;
  });
  return { width: frame.width, height: frame.height, precision: frame.precision, components: n, pixels };
}
