import { PixelDecodeError } from '../errors.ts';

/** What a JPEG (ISO 10918-1 or JPEG-LS 14495-1) stream's frame header says, read before decoding. */
export interface JpegFrameInfo {
  /** The SOF marker's second byte: 0xC0 baseline, 0xC1 extended, 0xC2 progressive, 0xC3 lossless, 0xF7 JPEG-LS. */
  sof: number;
  precision: number;
  width: number;
  height: number;
  componentIds: number[];
  /** Sampling factors per component, h and v. */
  sampling: Array<{ h: number; v: number }>;
  jfif: boolean;
  /** Adobe APP14 transform flag (0 none/RGB, 1 YCbCr, 2 YCCK); null when absent. */
  adobeTransform: number | null;
}

const isSof = (m: number): boolean =>
  (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) || m === 0xf7;

/** Reads the markers up to the frame header. Throws PixelDecodeError when it is not a JPEG stream. */
export function readJpegFrameInfo(b: Uint8Array): JpegFrameInfo {
  if (b[0] !== 0xff || b[1] !== 0xd8)
    throw new PixelDecodeError('The compressed frame is not a JPEG stream (no SOI marker).');
  let at = 2;
  let jfif = false;
  let adobeTransform: number | null = null;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) {
      at++;
      continue;
    }
    const marker = b[at + 1]!;
    if (marker === 0xff || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    const seg = at + 4;
    if (
      marker === 0xe0 &&
      b[seg] === 0x4a &&
      b[seg + 1] === 0x46 &&
      b[seg + 2] === 0x49 &&
      b[seg + 3] === 0x46
    )
      jfif = true;
    // libjpeg ignores an Adobe segment shorter than its 12 data bytes (seen in pydicom's SC_rgb_jpeg.dcm).
    const adobe = b[seg] === 0x41 && b[seg + 1] === 0x64 && b[seg + 2] === 0x6f && b[seg + 3] === 0x62;
    if (marker === 0xee && adobe && length >= 14) adobeTransform = b[seg + 11] ?? null;
    if (isSof(marker)) {
      if (seg + 6 > b.length) break;
      const count = b[seg + 5]!;
      const componentIds: number[] = [];
      const sampling: Array<{ h: number; v: number }> = [];
      for (let i = 0; i < count; i++) {
        const c = seg + 6 + 3 * i;
        componentIds.push(b[c] ?? 0);
        sampling.push({ h: (b[c + 1] ?? 0x11) >> 4, v: (b[c + 1] ?? 0x11) & 15 });
      }
      return {
        sof: marker,
        precision: b[seg]!,
        height: (b[seg + 1]! << 8) | b[seg + 2]!,
        width: (b[seg + 3]! << 8) | b[seg + 4]!,
        componentIds,
        sampling,
        jfif,
        adobeTransform,
      };
    }
    if (marker === 0xda || marker === 0xd9) break;
    at += 2 + length;
  }
  throw new PixelDecodeError('The JPEG stream has no frame header (SOF marker).');
}

/**
 * Whether a 3-component JPEG stores YCbCr (to be converted) or RGB, as libjpeg decides on its own:
 * a JFIF marker means YCbCr; an Adobe marker's transform flag; else component ids 'R','G','B' mean RGB.
 */
export function libjpegAssumesYcbcr(info: JpegFrameInfo): boolean {
  if (info.componentIds.length !== 3) return false;
  if (info.jfif) return true;
  if (info.adobeTransform !== null) return info.adobeTransform !== 0;
  const [a, b, c] = info.componentIds;
  return !(a === 0x52 && b === 0x47 && c === 0x42);
}

/**
 * Whether the stream really stores YCbCr. Like libjpeg, except that a stream with no JFIF or Adobe
 * marker, no chroma subsampling and a DICOM header saying RGB holds RGB: the header is the only
 * statement of the colour space there (PS3.5 8.2.1), and GDCM and dcmtk read such files as RGB
 * (pydicom's SC_jpeg_no_color_transform.dcm, SC_rgb_jpeg.dcm). A subsampled stream is YCbCr whatever
 * the header says (SC_rgb_jpeg_lossy_gdcm.dcm is 4:2:0 YCbCr labelled RGB).
 */
export function jpegStoresYcbcr(info: JpegFrameInfo, photometric: string): boolean {
  if (info.componentIds.length !== 3) return false;
  if (info.jfif || info.adobeTransform !== null) return libjpegAssumesYcbcr(info);
  const subsampled = info.sampling.some((s) => s.h !== info.sampling[0]!.h || s.v !== info.sampling[0]!.v);
  if (photometric === 'RGB' && !subsampled) return false;
  return libjpegAssumesYcbcr(info);
}

/** An Adobe APP14 segment with transform 0: makes libjpeg keep the components as stored (RGB). */
const ADOBE_NO_TRANSFORM = Uint8Array.from([
  0xff, 0xee, 0x00, 0x0e, 0x41, 0x64, 0x6f, 0x62, 0x65, 0x00, 0x64, 0x00, 0x00, 0x00, 0x00, 0x00,
]);

/** The stream with an Adobe "no transform" marker after SOI, for a codec that follows libjpeg's rules. */
export function withoutColourTransform(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length + ADOBE_NO_TRANSFORM.length);
  out.set(b.subarray(0, 2));
  out.set(ADOBE_NO_TRANSFORM, 2);
  out.set(b.subarray(2), 2 + ADOBE_NO_TRANSFORM.length);
  return out;
}
