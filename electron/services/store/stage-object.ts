import { randomBytes } from 'node:crypto';
import { mkdir, open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreLayout } from './layout.ts';
import { objectRelativePath } from './layout.ts';

/** Temp folders known to exist (one mkdir per worker, not per file; the sweep empties, never removes it). */
const tmpReady = new Set<string>();

export interface StagedObject {
  relativePath: string;
  /** The temp copy to move into place; null when identical content is already stored. */
  tmpPath: string | null;
}

/**
 * Writes bytes to the store's temp folder, not yet durable: the importer makes a whole batch
 * durable at once (one barrier per batch, see placeObjects) before any of its rows commit.
 * Nothing enters `objects/` here.
 */
export async function stageObject(
  store: StoreLayout,
  bytes: Uint8Array,
  sha256: string,
): Promise<StagedObject> {
  const relativePath = objectRelativePath(sha256);
  const existing = await stat(join(store.root, relativePath)).catch(() => null);
  if (existing?.size === bytes.length) return { relativePath, tmpPath: null };
  const tmpPath = join(store.tmp, `${sha256.slice(0, 16)}-${randomBytes(6).toString('hex')}.part`);
  const handle = await openTemp(store.tmp, tmpPath);
  try {
    await handle.writeFile(bytes);
  } finally {
    await handle.close();
  }
  return { relativePath, tmpPath };
}

async function openTemp(tmpDir: string, tmpPath: string) {
  if (!tmpReady.has(tmpDir)) {
    await mkdir(tmpDir, { recursive: true });
    tmpReady.add(tmpDir);
  }
  return open(tmpPath, 'wx', 0o600).catch(async (e: NodeJS.ErrnoException) => {
    // The folder was removed under us (a data folder reset): make it again, once.
    if (e.code !== 'ENOENT') throw e;
    await mkdir(tmpDir, { recursive: true });
    return open(tmpPath, 'wx', 0o600);
  });
}
