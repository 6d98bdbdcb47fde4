import { statSync } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { syncPaths } from './durable.ts';
import type { StoreLayout } from './layout.ts';
import type { StagedObject } from './stage-object.ts';

/** How many moves run at once (each a rename, and the first into a folder a mkdir, through libuv's pool). */
const PARALLEL_MOVES = 8;

/**
 * Moves a batch's staged temp files to their content address and makes the batch durable with
 * one barrier: every file's data is fsynced (all in flight together, so the file system commits
 * its journal once for many of them), then every directory whose entries changed — each once per
 * batch, however many files it received, and the parents of any directory this batch created.
 * Callers journal the paths first and commit rows only after this resolves, so a crash at any
 * moment leaves committed rows pointing at durable files, and at worst journaled orphans the sweep removes.
 */
export async function placeObjects(store: StoreLayout, staged: StagedObject[]): Promise<void> {
  // One move per content address: a later file of the batch with the same content finds it placed.
  const byTarget = new Map<string, string[]>();
  for (const object of staged) {
    if (!object.tmpPath) continue;
    const target = join(store.root, object.relativePath);
    const temps = byTarget.get(target);
    if (temps) temps.push(object.tmpPath);
    else byTarget.set(target, [object.tmpPath]);
  }
  if (!byTarget.size) return;
  // objects/ always: a fan-out folder another batch (a concurrent import) has just made may not be durable yet.
  const changedDirs = new Set<string>([store.objects]);
  const targets = [...byTarget.keys()];
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    // After a failure no lane starts another move (the batch fails; its journaled files are swept).
    while (next < targets.length && !failed) {
      const target = targets[next++]!;
      const [first, ...duplicates] = byTarget.get(target)!;
      try {
        for (const dir of await moveUnlessPresent(first!, target)) changedDirs.add(dir);
        await Promise.all(duplicates.map((tmp) => unlink(tmp)));
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_MOVES, targets.length) }, lane));
  // Same content already in place (another import): the row will point at that file, so it is
  // synced as if written here.
  await syncPaths(targets);
  await syncPaths(changedDirs);
}

/** Fan-out folders this process has made or found (one mkdir each per process, not per file). */
const knownDirs = new Set<string>();

/**
 * Renames `tmp` to `target` unless the content is already there (then the temp copy is dropped);
 * returns the directories whose entries this changed: the target's, and for every directory it had
 * to create, that directory's parent. The common case raises no error (a rejected file system call
 * costs an Error and its stack): the existence check is a synchronous stat that returns undefined.
 */
async function moveUnlessPresent(tmp: string, target: string): Promise<string[]> {
  if (statSync(target, { throwIfNoEntry: false })) {
    await unlink(tmp);
    return [];
  }
  const dir = dirname(target);
  const changed = [dir];
  const made = async (): Promise<void> => {
    const firstCreated = await mkdir(dir, { recursive: true });
    knownDirs.add(dir);
    // Made now (with any missing parents): each parent's new entry is synced too.
    if (firstCreated !== undefined)
      for (let d = dir; d.length >= firstCreated.length; d = dirname(d)) changed.push(dirname(d));
  };
  if (!knownDirs.has(dir)) await made();
  try {
    await rename(tmp, target);
  } catch (e) {
    // The folder went away since this process saw it (a data folder reset): make it again, once.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    await made();
    await rename(tmp, target);
  }
  return changed;
}
