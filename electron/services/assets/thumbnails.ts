import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seriesThumbnailSource } from '../../../db/case-studies.ts';
import { ReadPool } from '../import/read-pool.ts';
import { WORKER_HEAP_MB, WORKER_TASK_TIMEOUT_MS } from '../import/worker-limits.ts';
import type { StoreLayout } from '../store/layout.ts';

const THUMBNAIL_SIZE = 128;

/** A thumbnail that cannot be made; its message is safe to show (no path). */
export class ThumbnailError extends Error {}

/**
 * Series thumbnails: the middle image (and middle frame) of a series as a small PNG, made on first
 * request in a worker under the same time and heap limits as an import read (a hostile file cannot
 * stall the host or fill its memory), then cached by the stored file's hash (never stale).
 * Concurrent requests for one thumbnail share one job.
 */
export class Thumbnailer {
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private pool: ReadPool | null = null;
  private nextId = 1;

  constructor(
    private readonly db: Database,
    private readonly store: StoreLayout,
    private readonly workerScript: string | null,
  ) {}

  get cacheDir(): string {
    return join(this.store.root, '..', 'thumbnails');
  }

  /** The PNG, or null when the series has no displayable image; throws ThumbnailError. */
  async forSeries(seriesId: number): Promise<Buffer | null> {
    const source = seriesThumbnailSource(this.db, seriesId);
    if (!source) return null;
    const key = `${source.sha256}-${source.frame}`;
    const cached = join(this.cacheDir, `${key}.png`);
    const hit = await readFile(cached).catch(() => null);
    if (hit) return hit;
    let job = this.inFlight.get(key);
    if (!job) {
      job = this.make(join(this.store.root, source.filePath), source.frame, cached).finally(() =>
        this.inFlight.delete(key),
      );
      this.inFlight.set(key, job);
    }
    return job;
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }

  private async make(file: string, frame: number, cached: string): Promise<Buffer> {
    if (!this.workerScript) throw new ThumbnailError('Thumbnails are not available in this build.');
    this.pool ??= new ReadPool(this.store, {
      workerScript: this.workerScript,
      size: 1,
      taskTimeoutMs: WORKER_TASK_TIMEOUT_MS,
      memoryMb: WORKER_HEAP_MB,
    });
    const result = await this.pool.thumbnail({
      id: this.nextId++,
      path: file,
      thumbnail: { frame, size: THUMBNAIL_SIZE },
    });
    if (result.kind === 'failed')
      throw new ThumbnailError(`This series' image cannot be shown: ${result.reason}.`);
    const png = Buffer.from(result.png.buffer, result.png.byteOffset, result.png.byteLength);
    await mkdir(this.cacheDir, { recursive: true, mode: 0o700 });
    // A name of its own per job: two processes (or a retry) never write one temp file.
    const temp = `${cached}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, png, { mode: 0o600 });
      await rename(temp, cached);
    } catch {
      await rm(temp, { force: true });
    }
    return png;
  }
}
