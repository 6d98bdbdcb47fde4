import * as cornerstone from 'cornerstone-core';
import type { Priority } from '../decode/decode-pool.ts';
import { PRIORITY } from '../decode/decode-pool.ts';
import { nearestFirst } from '../loader/load-order.ts';
import { promoteImage } from '../loader/scr-loader.ts';
import type { ImageSource } from './image-source.ts';

/** Images kept loading ahead of a slow scroll, and behind it (the user may turn back). */
const AHEAD_MIN = 6;
const BEHIND = 2;
/** A fast scroll (a held arrow key steps once per display frame) reads this far ahead, in ms of steps. */
const AHEAD_MS = 600;
const AHEAD_MAX = 40;

const loadCached = (imageId: string, priority: Priority): void => {
  (cornerstone.loadAndCacheImage as (id: string, o: unknown) => Promise<unknown>)(imageId, {
    priority,
  }).catch(() => undefined);
};

/**
 * Streams a cached stack into the image cache around the image being looked at: the neighbours in
 * the scroll's direction first (further ahead the faster the scroll), a few behind, and on request
 * the whole stack nearest-first in both directions.
 */
export class StackStreaming {
  private lastStep = 0;
  private interval = Infinity;

  /** A step to `at` was asked for (before it is drawn): queue what the scroll needs next. */
  stepped(source: ImageSource, at: number, direction: number): void {
    const now = performance.now();
    const dt = now - this.lastStep;
    this.lastStep = now;
    // Smoothed step interval: one slow step does not undo a held key's read-ahead.
    this.interval =
      dt > 500 ? Infinity : Number.isFinite(this.interval) ? this.interval * 0.7 + dt * 0.3 : dt;
    this.around(source, at, direction);
  }

  /** Queues the neighbours of `at` at prefetch priority, nearest first. */
  around(source: ImageSource, at: number, direction: number): void {
    if (!source.cached) return;
    const ahead = Math.max(AHEAD_MIN, Math.min(AHEAD_MAX, Math.ceil(AHEAD_MS / Math.max(8, this.interval))));
    const last = source.count - 1;
    const ids: string[] = [];
    for (let k = 1; k <= ahead; k++) {
      const i = at + direction * k;
      if (i >= 0 && i <= last) ids.push(source.imageId(i));
      if (k <= BEHIND && at - direction * k >= 0 && at - direction * k <= last)
        ids.push(source.imageId(at - direction * k));
    }
    for (const id of ids) {
      promoteImage(id, PRIORITY.prefetch);
      loadCached(id, PRIORITY.prefetch);
    }
  }

  /** Loads the whole stack in the background, nearest `at` first both ways (cached scrolling, cine). */
  all(source: ImageSource, at: number): void {
    if (!source.cached) return;
    for (const i of nearestFirst(source.count, at)) loadCached(source.imageId(i), PRIORITY.background);
  }
}
