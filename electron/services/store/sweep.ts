import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreLayout } from './layout.ts';

/** Removes every temp file (callers make sure no import in any process is writing them). */
export async function sweepTemp(store: StoreLayout): Promise<number> {
  const names = await readdir(store.tmp).catch(() => [] as string[]);
  await Promise.all(names.map((name) => rm(join(store.tmp, name), { force: true })));
  return names.length;
}

/** Deletes journaled objects of interrupted imports that no row refers to. */
export async function removeAbandoned(
  store: StoreLayout,
  paths: string[],
  isReferenced: (relativePath: string) => boolean,
): Promise<number> {
  let removed = 0;
  for (const path of paths) {
    if (isReferenced(path)) continue;
    await rm(join(store.root, path), { force: true });
    removed++;
  }
  return removed;
}
