import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { StoreLayout } from './layout.ts';
import type { StagedObject } from './stage-object.ts';

/** Makes renames in these directories durable (one fsync per directory, batched per commit). */
async function syncDirectories(dirs: Iterable<string>): Promise<void> {
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

/** Moves staged temp files to their content address and makes the moves durable. */
export async function placeObjects(store: StoreLayout, staged: StagedObject[]): Promise<void> {
  const dirs = new Set<string>();
  for (const object of staged) {
    if (!object.tmpPath) continue;
    const target = join(store.root, object.relativePath);
    const dir = dirname(target);
    if (!dirs.has(dir)) await mkdir(dir, { recursive: true });
    dirs.add(dir);
    if (await stat(target).catch(() => null)) await unlink(object.tmpPath);
    else await rename(object.tmpPath, target);
  }
  if (dirs.size) await syncDirectories([store.objects, ...dirs]);
}
