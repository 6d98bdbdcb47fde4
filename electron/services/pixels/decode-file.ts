import { readFile } from 'node:fs/promises';
import { decodeFrame } from '../../../shared/dicom/decode-frame.ts';
import { PixelDecodeError } from '../../../shared/dicom/errors.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { readPixelModule } from '../../../shared/dicom/pixel-module.ts';
import { pixelStats } from '../../../shared/dicom/stats.ts';
import { nodeCodecs } from '../codecs/node-codecs.ts';

export interface FileStats {
  rows: number;
  columns: number;
  frames: number;
  transferSyntax: string;
  /** As delivered by the decoder: MONOCHROME1, MONOCHROME2 or RGB. */
  photometric: string;
  /** After the modality LUT (rescale slope/intercept) for monochrome images. */
  min: number;
  max: number;
  mean: number;
}

/**
 * Decodes one frame (0-based, default the first) of a DICOM file and summarises it: the core of
 * `cli pixels FILE [--frame N] --json`. Throws PixelDecodeError with a user-facing message.
 */
export async function decodeFileStats(path: string, frame = 0): Promise<FileStats> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new PixelDecodeError(`Cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = parseDicom(bytes);
  const decoded = await decodeFrame(parsed, frame, nodeCodecs);
  const { min, max, mean } = pixelStats(decoded);
  return {
    rows: decoded.rows,
    columns: decoded.columns,
    frames: readPixelModule(parsed.dataSet).frames,
    transferSyntax: parsed.transferSyntax.uid,
    photometric: decoded.photometric,
    min,
    max,
    mean,
  };
}
