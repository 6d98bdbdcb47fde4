import { readFile } from 'node:fs/promises';
import { decodeFrame } from '../../../shared/dicom/decode-frame.ts';
import { PixelDecodeError } from '../../../shared/dicom/errors.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { renderPreview } from '../../../shared/imaging/display.ts';
import { nodeCodecs } from '../codecs/node-codecs.ts';
import { encodePng } from './png.ts';

/**
 * One frame of a stored file, windowed by the file's own preset, as a small PNG. Runs in a worker
 * (bounded time and heap); never throws, and its reasons name no path.
 */
export async function renderThumbnail(
  path: string,
  frame: number,
  size: number,
): Promise<{ kind: 'thumbnail'; png: Uint8Array } | { kind: 'failed'; reason: string }> {
  try {
    const decoded = await decodeFrame(parseDicom(await readFile(path)), frame, nodeCodecs);
    const preview = renderPreview(
      { ...decoded, windows: decoded.windows.map((w) => ({ center: w.center, width: w.width })) },
      size,
    );
    return {
      kind: 'thumbnail',
      png: encodePng(preview.width, preview.height, preview.channels, preview.data),
    };
  } catch (e) {
    if (e instanceof PixelDecodeError) return { kind: 'failed', reason: e.message };
    const code = (e as NodeJS.ErrnoException).code;
    return {
      kind: 'failed',
      reason: code ? `the stored file cannot be read (${code})` : 'the image cannot be decoded',
    };
  }
}
