import { open } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import type { StoreLayout } from '../store/layout.ts';

/** Header bytes read first when re-indexing: enough for any ordinary header (pixel data follows). */
const HEAD_BYTES = 64 * 1024;
const OBJECT_NAME = /^([0-9a-f]{64})\.dcm$/;

export interface StoredHead {
  /** The file's first bytes (the whole file when small). */
  head: Uint8Array;
  size: number;
  sha256: string;
  relativePath: string;
}

/**
 * A file already in the store (reindex): its content address names its SHA-256, so only the
 * header is read — the re-index is header-bound, like dcmdump, not disk-bound. Null for any other path.
 */
export async function readStoredHead(path: string, store: StoreLayout): Promise<StoredHead | null> {
  const match = OBJECT_NAME.exec(basename(path));
  const relativePath = relative(store.root, path).split(sep).join('/');
  if (!match || !relativePath.startsWith('objects/')) return null;
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = new Uint8Array(Math.min(size, HEAD_BYTES));
    await handle.read(head, 0, head.length, 0);
    return { head, size, sha256: match[1]!, relativePath };
  } finally {
    await handle.close();
  }
}
