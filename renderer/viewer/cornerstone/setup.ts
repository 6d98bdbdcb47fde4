import * as cornerstone from 'cornerstone-core';
import type { DecodePool } from '../decode/decode-pool.ts';
import { decodePool } from '../decode/decode-pool.ts';
import { registerScrLoader } from '../loader/scr-loader.ts';
import { registerReformatLoader } from '../volume/reformat-loader.ts';

let pool: DecodePool | null = null;

/** Starts the decode workers and compiles their codecs ahead of need (pointer over "Open viewer"). */
export const warmViewer = (): void => void setupViewer().warm();

/**
 * Once per page: the decode workers (their wasm codecs compiled after the first image, or at
 * once when warmed ahead of the click), both image loaders, and a bounded image cache.
 */
export function setupViewer(): DecodePool {
  if (!pool) {
    pool = decodePool();
    pool.warmAfterFirstImage();
    registerScrLoader(pool);
    registerReformatLoader();
    const memoryGb = (navigator as Navigator & { deviceMemory?: number }).deviceMemory ?? 4;
    // A lumbar CT (512² × 400 × 2 bytes ≈ 200 MB) and an MR study fit; older images are evicted.
    cornerstone.imageCache.setMaximumSizeBytes((memoryGb >= 8 ? 1024 : 600) * 1024 * 1024);
  }
  return pool;
}
