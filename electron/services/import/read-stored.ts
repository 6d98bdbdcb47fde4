import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import type { StoreLayout } from '../store/layout.ts';

/** Header bytes read first when re-indexing: enough for any ordinary header (pixel data follows). */
const HEAD_BYTES = 64 * 1024;
const OBJECT_NAME = /^([0-9a-f]{64})\.dcm$/;

/** One head buffer, reused: a head is parsed before the next is read (see readStoredHead). */
let headBuffer: Uint8Array | null = null;

export interface StoredHead {
  /** The file's first bytes (the whole file when small); valid until the next call. */
  head: Uint8Array;
  size: number;
  sha256: string;
  relativePath: string;
}

/**
 * A file already in the store (reindex): its content address names its SHA-256, so only the
 * header is read — the re-index is header-bound, like dcmdump, not disk-bound. Null for any other path.
 * Synchronous, into one reused buffer: four small system calls cost less than four trips through
 * libuv's pool, and a fresh 64 KB buffer per file is garbage to collect. The head it returns is
 * overwritten by the next call: parse it first.
 */
export function readStoredHead(path: string, store: StoreLayout): StoredHead | null {
  const match = OBJECT_NAME.exec(basename(path));
  if (!match) return null;
  const relativePath = relative(store.root, path).split(sep).join('/');
  if (!relativePath.startsWith('objects/')) return null;
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    headBuffer ??= new Uint8Array(HEAD_BYTES);
    const want = Math.min(size, HEAD_BYTES);
    let length = 0;
    while (length < want) {
      const n = readSync(fd, headBuffer, length, want - length, length);
      if (n === 0) break;
      length += n;
    }
    return { head: headBuffer.subarray(0, length), size, sha256: match[1]!, relativePath };
  } finally {
    closeSync(fd);
  }
}
