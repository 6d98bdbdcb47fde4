import * as cornerstone from 'cornerstone-core';
import type { DecodePool, Priority } from '../decode/decode-pool.ts';
import { PRIORITY } from '../decode/decode-pool.ts';
import { depositSlice } from '../volume/volume-slots.ts';
import { SCR_SCHEME, imageUrl, parseStackImageId } from './image-ids.ts';
import { stackImage } from './stack-image.ts';

/** Why images failed, so a broken file is not fetched again on every scroll past it. */
const failures = new Map<string, string>();
const MAX_FAILURES = 500;
const cancels = new Map<string, () => void>();

let pool: DecodePool | null = null;

/** Registers the `scr:` image loader: fetch, parse and decode in the worker pool. */
export function registerScrLoader(decodePool: DecodePool): void {
  pool = decodePool;
  cornerstone.registerImageLoader(SCR_SCHEME, (imageId, options) => {
    const ref = parseStackImageId(imageId);
    if (!ref) return { promise: Promise.reject(new Error(`Not an image of this app: ${imageId}`)) };
    const known = failures.get(imageId);
    if (known) return { promise: Promise.reject(new Error(known)) };
    const priority = (options as { priority?: Priority } | undefined)?.priority ?? PRIORITY.display;
    const job = decodePool.decode(imageUrl(ref.instanceId), ref.frame, priority);
    cancels.set(imageId, job.cancel);
    const promise = job.promise.then(
      (decoded) => {
        cancels.delete(imageId);
        // A slice of a volume being built lives in its voxels; the stack shows a view of it.
        const view = decoded.color ? null : depositSlice(imageId, decoded);
        return stackImage(imageId, ref.instanceId, ref.frame, view ? { ...decoded, pixels: view } : decoded);
      },
      (e: unknown) => {
        cancels.delete(imageId);
        const message = e instanceof Error ? e.message : String(e);
        if (message !== 'cancelled') {
          if (failures.size >= MAX_FAILURES) failures.clear();
          failures.set(imageId, message);
        }
        throw e instanceof Error ? e : new Error(message);
      },
    );
    return { promise, cancelFn: job.cancel };
  });
}

/** Moves a queued stack image up (it is now wanted on screen). */
export function promoteImage(imageId: string, priority: Priority = PRIORITY.display): void {
  const ref = parseStackImageId(imageId);
  if (ref && pool) pool.promote(imageUrl(ref.instanceId), ref.frame, priority);
}

/** Drops a stack image request that has not started (the viewport moved on). */
export function cancelImage(imageId: string): void {
  cancels.get(imageId)?.();
}
