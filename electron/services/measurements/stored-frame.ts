import type { Database } from 'better-sqlite3';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { instanceFile } from '../../../db/instances.ts';
import { decodeFrame } from '../../../shared/dicom/decode-frame.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import type { FramePixels } from '../../../shared/measurements/roi.ts';
import type { FrameMeta } from '../../../shared/viewer/frame-meta.ts';
import { readFrameMeta } from '../../../shared/viewer/frame-meta.ts';
import { nodeCodecs } from '../codecs/node-codecs.ts';
import type { StoreLayout } from '../store/layout.ts';

export interface StoredFrame {
  seriesId: number;
  sopInstanceUid: string;
  sopClassUid: string;
  meta: FrameMeta;
  /** Decoded on demand (probe and ROI tools only); null for colour images (no single value per pixel). */
  pixels: () => Promise<FramePixels | null>;
}

/**
 * Reads the facts a measurement needs from the stored file itself (the spacing, magnification and
 * orientation the database does not index), so values never depend on what a client claims.
 */
export async function readStoredFrame(
  db: Database,
  store: StoreLayout,
  instanceId: number,
  frame: number,
): Promise<StoredFrame | null> {
  const row = instanceFile(db, instanceId);
  if (!row) return null;
  const bytes = new Uint8Array(await readFile(join(store.root, row.filePath)));
  const parsed = parseDicom(bytes);
  return {
    seriesId: row.seriesId,
    sopInstanceUid: row.sopInstanceUid,
    sopClassUid: row.sopClassUid,
    meta: readFrameMeta(parsed.dataSet, frame),
    pixels: async () => {
      const d = await decodeFrame(parsed, frame, nodeCodecs);
      if (d.samplesPerPixel !== 1) return null;
      return { columns: d.columns, rows: d.rows, data: d.pixels, slope: d.slope, intercept: d.intercept };
    },
  };
}
