import type { CodecImage, Codecs } from '../codecs.ts';
import { PixelDecodeError, describeThrown } from '../errors.ts';
import {
  jpegStoresYcbcr,
  libjpegAssumesYcbcr,
  readJpegFrameInfo,
  withoutColourTransform,
} from '../jpeg/frame-info.ts';
import type { PixelModule } from '../pixel-module.ts';
import { checkJ2kSize } from './j2k-codestream.ts';
import type { PixelEncoding } from '../transfer-syntaxes.ts';

export interface CompressedResult {
  image: CodecImage;
  /** The codec already delivered RGB (libjpeg's colour conversion, or JPEG 2000's MCT). */
  colourIsRgb: boolean;
}

const SOF_LOSSLESS = 0xc3;
const SOF_JPEG_LS = 0xf7;

async function run(name: string, decode: () => Promise<CodecImage>): Promise<CodecImage> {
  try {
    return await decode();
  } catch (e) {
    if (e instanceof PixelDecodeError) throw e;
    throw new PixelDecodeError(`The ${name} data cannot be decoded (${describeThrown(e)}).`);
  }
}

/**
 * Picks the codec from the codestream itself rather than trusting the transfer syntax alone: real
 * files label 12-bit or lossless JPEG as baseline, or JPEG-LS as JPEG (all seen on hospital CDs).
 */
async function decodeJpegFamily(
  bytes: Uint8Array,
  photometric: string,
  codecs: Codecs,
): Promise<CompressedResult> {
  const info = readJpegFrameInfo(bytes);
  // The DCT codecs convert colour by libjpeg's rules; where the DICOM header tells better, say so
  // in the stream itself.
  const dct = info.sof !== SOF_JPEG_LS && info.sof !== SOF_LOSSLESS;
  if (dct && libjpegAssumesYcbcr(info) && !jpegStoresYcbcr(info, photometric))
    bytes = withoutColourTransform(bytes);
  if (info.sof === SOF_JPEG_LS)
    return { image: await run('JPEG-LS', () => codecs.jpegLs(bytes)), colourIsRgb: false };
  if (info.sof === SOF_LOSSLESS)
    return { image: await run('JPEG lossless', () => codecs.jpegLossless(bytes)), colourIsRgb: false };
  if (info.precision > 8)
    return { image: await run('12-bit JPEG', () => codecs.jpeg12(bytes)), colourIsRgb: true };
  return { image: await run('JPEG', () => codecs.jpegBaseline(bytes)), colourIsRgb: true };
}

export async function decodeCompressed(
  encoding: PixelEncoding,
  bytes: Uint8Array,
  module: PixelModule,
  codecs: Codecs,
): Promise<CompressedResult> {
  let result: CompressedResult;
  switch (encoding) {
    case 'jpeg-baseline':
    case 'jpeg-extended':
    case 'jpeg-lossless':
    case 'jpeg-ls':
      result = await decodeJpegFamily(bytes, module.photometric, codecs);
      break;
    case 'jpeg-2000':
      checkJ2kSize(bytes, module);
      result = {
        image: await run('JPEG 2000', () => codecs.j2k(bytes)),
        colourIsRgb: module.photometric === 'YBR_RCT' || module.photometric === 'YBR_ICT',
      };
      break;
    default:
      throw new PixelDecodeError(`No codec handles ${encoding} data.`);
  }
  const { image } = result;
  if (image.width !== module.columns || image.height !== module.rows)
    throw new PixelDecodeError(
      `The compressed frame is ${image.width}×${image.height} but the header says ${module.columns}×${module.rows}.`,
    );
  if (image.components !== module.samplesPerPixel)
    throw new PixelDecodeError(
      `The compressed frame has ${image.components} component(s) but the header says ${module.samplesPerPixel}.`,
    );
  if (image.pixels.length < image.width * image.height * image.components)
    throw new PixelDecodeError('The codec returned fewer samples than the image needs.');
  return result;
}
