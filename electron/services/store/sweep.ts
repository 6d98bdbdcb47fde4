import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreLayout } from './layout.ts';

export interface SweepResult {
  tempFilesRemoved: number;
  orphansRemoved: number;
}

/**
 * Removes what an interrupted import left behind: temp files, and stored objects no database row
 * refers to (their rows never committed). Files younger than `minAgeMs` are left alone, since an
 * import running in another process may be about to commit them.
 */
export async function sweepStore(
  store: StoreLayout,
  isReferenced: (relativePath: string) => boolean,
  minAgeMs = 0,
  now = Date.now(),
): Promise<SweepResult> {
  const old = async (path: string): Promise<boolean> =>
    minAgeMs <= 0 || now - (await stat(path)).mtimeMs >= minAgeMs;
  let tempFilesRemoved = 0;
  let orphansRemoved = 0;
  for (const name of await listDir(store.tmp)) {
    const path = join(store.tmp, name);
    if (await old(path)) {
      await rm(path, { force: true });
      tempFilesRemoved++;
    }
  }
  for (const prefix of await listDir(store.objects)) {
    for (const name of await listDir(join(store.objects, prefix))) {
      const relativePath = `objects/${prefix}/${name}`;
      const path = join(store.root, relativePath);
      if (!isReferenced(relativePath) && (await old(path))) {
        await rm(path, { force: true });
        orphansRemoved++;
      }
    }
  }
  return { tempFilesRemoved, orphansRemoved };
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
