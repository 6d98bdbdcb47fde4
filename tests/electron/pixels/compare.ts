// Decodes a file with our pipeline and compares it with a pydicom reference record.
import { readFile } from 'node:fs/promises';
import { decodeFrame } from '../../../shared/dicom/decode-frame.ts';
import type { DecodedFrame } from '../../../shared/dicom/decode-frame.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { readPixelModule } from '../../../shared/dicom/pixel-module.ts';
import { nodeCodecs } from '../../../electron/services/codecs/node-codecs.ts';
import type { FileReference } from './reference.ts';
import { maxAbsDiff, readRaw } from './reference.ts';

/**
 * Largest difference allowed from pydicom, by transfer syntax, and why. Lossless syntaxes allow none.
 * JPEG baseline colour: pydicom leaves YCbCr unconverted, the reference is converted with pydicom's
 * float32 equations while libjpeg uses 16-bit fixed-point tables: ±1 from rounding.
 * Everything else decodes with the same algorithm as GDCM (IJG integer IDCT, OpenJPEG, CharLS) and
 * must match exactly.
 */
export const TOLERANCE: Record<string, number> = {
  'jpeg YCbCr -> RGB (convert_color_space)': 1,
};

export interface Outcome {
  frames: number;
  maxDiff: number;
}

export async function decodeAll(path: string): Promise<DecodedFrame[]> {
  const parsed = parseDicom(await readFile(path));
  const { frames } = readPixelModule(parsed.dataSet);
  const out: DecodedFrame[] = [];
  for (let i = 0; i < frames; i++) out.push(await decodeFrame(parsed, i, nodeCodecs));
  return out;
}

/** Decodes every frame and returns the largest difference from the reference; throws on shape mismatch. */
export async function compareWithReference(path: string, ref: FileReference): Promise<Outcome> {
  const decoded = await decodeAll(path);
  const frames = ref.frames ?? [];
  if (decoded.length !== frames.length)
    throw new Error(`${decoded.length} frames decoded, pydicom has ${frames.length}`);
  let maxDiff = 0;
  decoded.forEach((frame, i) => {
    if (frame.rows !== ref.rows || frame.columns !== ref.columns || frame.samplesPerPixel !== ref.samples)
      throw new Error(
        `frame ${i}: ${frame.rows}×${frame.columns}×${frame.samplesPerPixel}, pydicom ${ref.rows}×${ref.columns}×${ref.samples}`,
      );
    maxDiff = Math.max(maxDiff, maxAbsDiff(frame.pixels, readRaw(frames[i]!.raw, ref.dtype!)));
  });
  return { frames: decoded.length, maxDiff };
}
