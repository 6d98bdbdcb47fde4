import type { Codecs } from '../../../shared/dicom/codecs.ts';
import { decodeFrame } from '../../../shared/dicom/decode-frame.ts';
import { PixelDecodeError, describeThrown } from '../../../shared/dicom/errors.ts';
import type { ParsedDicom } from '../../../shared/dicom/parse.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { readPixelModule } from '../../../shared/dicom/pixel-module.ts';
import { greyImage, rgbaFromRgb } from '../../../shared/viewer/display-pixels.ts';
import { readFrameMeta } from '../../../shared/viewer/frame-meta.ts';
import { autoWindow } from '../../../shared/viewer/window-level.ts';
import type { DecodedImage } from './messages.ts';

export const parseForView = (bytes: Uint8Array): ParsedDicom => parseDicom(bytes);

/**
 * Decodes one frame of a parsed file into what cornerstone renders: grey values a lookup table
 * can index (with the modality LUT to apply) or RGBA, plus the header facts the viewer shows.
 */
export async function decodeForView(
  parsed: ParsedDicom,
  frame: number,
  codecs: Codecs,
): Promise<Omit<DecodedImage, 'timing'>> {
  if (!parsed.pixelData) throw new PixelDecodeError('The file has no Pixel Data: it is not an image.');
  const frames = readPixelModule(parsed.dataSet, 0).frames;
  if (frame >= frames)
    throw new PixelDecodeError(`The image has ${frames} frame(s); frame ${frame + 1} does not exist.`);
  let d;
  try {
    d = await decodeFrame(parsed, frame, codecs);
  } catch (e) {
    if (e instanceof PixelDecodeError) throw e;
    throw new PixelDecodeError(`The image data cannot be decoded (${describeThrown(e)}).`);
  }
  const common = {
    rows: d.rows,
    columns: d.columns,
    photometric: d.photometric,
    sourcePhotometric: d.sourcePhotometric,
    windows: d.windows,
    lossy: d.lossy,
    warnings: d.warnings,
    transferSyntax: { uid: parsed.transferSyntax.uid, name: parsed.transferSyntax.name },
    frames,
    meta: readFrameMeta(parsed.dataSet, frame),
  };
  if (d.samplesPerPixel === 3)
    return {
      ...common,
      color: true,
      pixels: rgbaFromRgb(d.pixels, d.rows * d.columns, d.bitsStored),
      slope: 1,
      intercept: 0,
      min: 0,
      max: 255,
      autoWindow: null,
    };
  const g = greyImage(d.pixels, d.slope, d.intercept, d.minStored, d.maxStored);
  return {
    ...common,
    color: false,
    pixels: g.pixels,
    slope: g.slope,
    intercept: g.intercept,
    min: g.min,
    max: g.max,
    autoWindow: d.windows.length ? null : autoWindow(g.pixels, g.slope, g.intercept),
  };
}

/** A pixel array that owns its whole buffer, so transferring it detaches nothing else. */
export function ownBuffer<T extends DecodedImage['pixels']>(pixels: T): T {
  return pixels.byteOffset === 0 && pixels.byteLength === pixels.buffer.byteLength
    ? pixels
    : (pixels.slice() as T);
}
