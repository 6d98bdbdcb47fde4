import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { StoreLayout } from './layout.ts';
import { objectRelativePath } from './layout.ts';

export interface WrittenObject {
  relativePath: string;
  /** False when identical content was already in the store. */
  written: boolean;
}

/**
 * Writes bytes into the store durably: a temp file is written and fsynced, then renamed into its
 * content address. The caller fsyncs the touched directories before it commits rows that point here.
 */
export async function writeObject(
  store: StoreLayout,
  bytes: Uint8Array,
  sha256: string,
): Promise<WrittenObject> {
  const relativePath = objectRelativePath(sha256);
  const target = join(store.root, relativePath);
  try {
    const existing = await stat(target);
    if (existing.size === bytes.length) return { relativePath, written: false };
  } catch {
    // not stored yet
  }
  await mkdir(dirname(target), { recursive: true });
  await mkdir(store.tmp, { recursive: true });
  const temp = join(store.tmp, `${sha256.slice(0, 16)}-${randomBytes(6).toString('hex')}.part`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => {});
    throw e;
  }
  return { relativePath, written: true };
}

/** Makes renames in these directories durable (one fsync per directory, batched per commit). */
export async function syncDirectories(dirs: Iterable<string>): Promise<void> {
  await Promise.all(
    [...new Set(dirs)].map(async (dir) => {
      const handle = await open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }),
  );
}
