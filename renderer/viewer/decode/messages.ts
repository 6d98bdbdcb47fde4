import type { WindowPreset } from '../../../shared/dicom/pixel-module.ts';
import type { GreyPixels } from '../../../shared/viewer/display-pixels.ts';
import type { FrameMeta } from '../../../shared/viewer/frame-meta.ts';
import type { Voi } from '../../../shared/viewer/window-level.ts';

/** Main thread → decode worker. URLs are absolute: a worker resolves relative ones against itself. */
export type DecodeRequest = { type: 'decode'; id: number; url: string; frame: number } | { type: 'warm' };

/** One frame ready for cornerstone: grey values with their modality LUT, or RGBA bytes. */
export interface DecodedImage {
  rows: number;
  columns: number;
  color: boolean;
  pixels: GreyPixels | Uint8ClampedArray;
  slope: number;
  intercept: number;
  /** Smallest and largest value in `pixels`. */
  min: number;
  max: number;
  /** As delivered by the decoder: MONOCHROME1 is to be shown inverted. */
  photometric: 'MONOCHROME1' | 'MONOCHROME2' | 'RGB';
  sourcePhotometric: string;
  windows: WindowPreset[];
  /** Percentile window in modality units when the file has none. */
  autoWindow: Voi | null;
  lossy: boolean;
  warnings: string[];
  transferSyntax: { uid: string; name: string };
  frames: number;
  meta: FrameMeta;
  timing: { fetchMs: number; decodeMs: number };
}

export type DecodeResponse =
  | { type: 'decoded'; id: number; image: DecodedImage }
  | { type: 'failed'; id: number; message: string }
  | { type: 'warmed'; ms: number };
