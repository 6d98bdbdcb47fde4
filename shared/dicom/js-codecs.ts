import type { CodecImage, Codecs } from './codecs.ts';
import { decodeJpegDct } from './jpeg/dct-decoder.ts';
import { libjpegAssumesYcbcr, readJpegFrameInfo } from './jpeg/frame-info.ts';
import { decodeJpegLosslessStream } from './jpeg/lossless-decoder.ts';

/** Runs a synchronous decoder as a codec: its errors become rejections, like the wasm codecs'. */
const settle = <T>(decode: () => T): Promise<T> => new Promise((resolve) => resolve(decode()));

/**
 * 12-bit (and 8-bit) sequential DCT JPEG with our own decoder; runs anywhere, no wasm. Colour is
 * converted following libjpeg's rules, as the libjpeg-turbo codec does.
 */
export function decodeJpeg12(bytes: Uint8Array): Promise<CodecImage> {
  return settle(() => {
    const image = decodeJpegDct(bytes, libjpegAssumesYcbcr(readJpegFrameInfo(bytes)));
    return {
      width: image.width,
      height: image.height,
      components: image.components,
      bitsPerSample: image.precision,
      signed: false,
      pixels: image.pixels,
    };
  });
}

/** JPEG lossless (process 14, any predictor), our own decoder. */
export function decodeJpegLossless(bytes: Uint8Array): Promise<CodecImage> {
  return settle(() => {
    const image = decodeJpegLosslessStream(bytes);
    return {
      width: image.width,
      height: image.height,
      components: image.components,
      bitsPerSample: image.precision,
      signed: false,
      pixels: image.pixels,
    };
  });
}

/** The codecs needing no wasm; hosts spread these into their `Codecs`. */
export const jsCodecs: Pick<Codecs, 'jpeg12' | 'jpegLossless'> = {
  jpeg12: decodeJpeg12,
  jpegLossless: decodeJpegLossless,
};
