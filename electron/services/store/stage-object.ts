import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
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
 * Nothing enters `objects/` here. Synchronous: it runs on an import worker's own thread (see
 * read-one), where a blocking write costs nothing else and saves trips through libuv's shared pool.
 */
export function stageObject(store: StoreLayout, bytes: Uint8Array, sha256: string): StagedObject {
  const relativePath = objectRelativePath(sha256);
  const existing = statIfAny(join(store.root, relativePath));
  if (existing?.size === bytes.length) return { relativePath, tmpPath: null };
  const tmpPath = join(store.tmp, `${sha256.slice(0, 16)}-${randomBytes(6).toString('hex')}.part`);
  const fd = openTemp(store.tmp, tmpPath);
  try {
    for (let written = 0; written < bytes.length;)
      written += writeSync(fd, bytes, written, bytes.length - written);
  } finally {
    closeSync(fd);
  }
  return { relativePath, tmpPath };
}

function statIfAny(path: string): { size: number } | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function openTemp(tmpDir: string, tmpPath: string): number {
  if (!tmpReady.has(tmpDir)) {
    mkdirSync(tmpDir, { recursive: true });
    tmpReady.add(tmpDir);
  }
  try {
    return openSync(tmpPath, 'wx', 0o600);
  } catch (e) {
    // The folder was removed under us (a data folder reset): make it again, once.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(tmpDir, { recursive: true });
    return openSync(tmpPath, 'wx', 0o600);
  }
}
