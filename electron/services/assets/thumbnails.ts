import type { Database } from 'better-sqlite3';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { seriesThumbnailSource } from '../../../db/case-studies.ts';
import { decodeFrame } from '../../../shared/dicom/decode-frame.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { renderPreview } from '../../../shared/imaging/display.ts';
import { nodeCodecs } from '../codecs/node-codecs.ts';
import type { StoreLayout } from '../store/layout.ts';
import { encodePng } from './png.ts';

const THUMBNAIL_SIZE = 128;

/**
 * A series' thumbnail: its middle image, windowed by the file's own preset, as a small PNG. Made on
 * first request and cached by the stored file's hash (a thumbnail never goes stale).
 */
export async function seriesThumbnail(
  db: Database,
  store: StoreLayout,
  seriesId: number,
): Promise<Buffer | null> {
  const source = seriesThumbnailSource(db, seriesId);
  if (!source) return null;
  const cacheDir = join(store.root, '..', 'thumbnails');
  const cached = join(cacheDir, `${source.sha256}-${source.frame}.png`);
  const hit = await readFile(cached).catch(() => null);
  if (hit) return hit;
  const bytes = await readFile(join(store.root, source.filePath));
  const parsed = parseDicom(bytes, (d) => inflateRawSync(d));
  const frame = await decodeFrame(parsed, source.frame, nodeCodecs);
  const preview = renderPreview(
    {
      ...frame,
      windows: frame.windows.map((w) => ({ center: w.center, width: w.width })),
    },
    THUMBNAIL_SIZE,
  );
  const png = encodePng(preview.width, preview.height, preview.channels, preview.data);
  await mkdir(cacheDir, { recursive: true });
  const temp = `${cached}.${process.pid}.tmp`;
  await writeFile(temp, png);
  await rename(temp, cached);
  return png;
}
