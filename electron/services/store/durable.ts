import { open } from 'node:fs/promises';

/**
 * How many fsyncs run at once: enough to keep the disk's queue and the file system's journal
 * batching busy (concurrent fsyncs share one journal commit), few enough not to starve libuv's
 * four-thread pool that reads go through.
 */
const PARALLEL_SYNCS = 8;

/** fsyncs every path (files or directories), a bounded number at a time; rejects on the first failure. */
export async function syncPaths(paths: Iterable<string>): Promise<void> {
  const queue = [...new Set(paths)];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < queue.length) {
      const path = queue[next++]!;
      const handle = await open(path, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_SYNCS, queue.length) }, lane));
}
