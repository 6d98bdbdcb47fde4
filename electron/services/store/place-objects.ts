import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { syncPaths } from './durable.ts';
import type { StoreLayout } from './layout.ts';
import type { StagedObject } from './stage-object.ts';

/**
 * Moves a batch's staged temp files to their content address and makes the batch durable with
 * one barrier: every file's data is fsynced (all in flight together, so the file system commits
 * its journal once for many of them), then every directory whose entries changed. Callers
 * journal the paths first and commit rows only after this resolves, so a crash at any moment
 * leaves committed rows pointing at durable files, and at worst journaled orphans the sweep removes.
 */
export async function placeObjects(store: StoreLayout, staged: StagedObject[]): Promise<void> {
  const dirs = new Set<string>();
  const files: string[] = [];
  for (const object of staged) {
    if (!object.tmpPath) continue;
    const target = join(store.root, object.relativePath);
    const dir = dirname(target);
    if (!dirs.has(dir)) await mkdir(dir, { recursive: true });
    dirs.add(dir);
    // Same content already in place (an earlier file of this batch, or another import): the row
    // will point at that file, so it must be as durable as one written here.
    if (await stat(target).catch(() => null)) await unlink(object.tmpPath);
    else await rename(object.tmpPath, target);
    files.push(target);
  }
  if (!files.length) return;
  await syncPaths(files);
  await syncPaths([store.objects, ...dirs]);
}
