import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdir, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { InstanceSink, InstanceWriter } from './archive.ts';

/** A folder of complete retrieved instances, ready for the importer. */
export interface Batch {
  dir: string;
  files: number;
  bytes: number;
}

export interface BatchLimits {
  files: number;
  bytes: number;
}

/**
 * Streams each retrieved instance into a staging file and groups complete ones into batches that
 * are handed to the importer while the download continues. At most one batch waits for import, so
 * staging disk use stays at about two batches whatever the study size, and a cut-off download
 * leaves only whole instances behind (the partial one is deleted).
 */
export class StagingBatches implements InstanceSink {
  private batch: Batch | null = null;
  private serial = 0;
  private fileSerial = 0;
  private pendingImport: Promise<void> = Promise.resolve();
  bytesWritten = 0;
  filesWritten = 0;

  constructor(
    private readonly root: string,
    private readonly limits: BatchLimits,
    private readonly importBatch: (batch: Batch) => Promise<void>,
  ) {}

  private async currentBatch(): Promise<Batch> {
    if (!this.batch) {
      const dir = join(this.root, `batch-${++this.serial}`);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      this.batch = { dir, files: 0, bytes: 0 };
    }
    return this.batch;
  }

  async open(): Promise<InstanceWriter> {
    const batch = await this.currentBatch();
    const path = join(batch.dir, `${String(++this.fileSerial).padStart(6, '0')}.dcm`);
    // A few MB of buffered writes per instance: waiting for every 64 kB network chunk to reach the
    // disk would cap the download far below the network.
    const out: WriteStream = createWriteStream(path, { mode: 0o600, highWaterMark: 4 * 1024 * 1024 });
    let bytes = 0;
    const failed = new Promise<never>((_, reject) => out.once('error', reject));
    failed.catch(() => undefined);
    return {
      write: async (chunk) => {
        bytes += chunk.length;
        this.bytesWritten += chunk.length;
        if (!out.write(chunk))
          await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed]);
      },
      commit: async () => {
        await Promise.race([new Promise<void>((r) => out.end(() => r())), failed]);
        batch.files++;
        batch.bytes += bytes;
        this.filesWritten++;
        if (batch.files >= this.limits.files || batch.bytes >= this.limits.bytes) await this.flush();
      },
      discard: async () => {
        // Wait for the stream to close: an open still in flight would create the file after unlink.
        await new Promise<void>((r) => {
          out.once('close', () => r());
          out.destroy();
        });
        this.bytesWritten -= bytes;
        await unlink(path).catch(() => undefined);
      },
    };
  }

  /** Hands the current batch to the importer (after the previous one is imported). */
  async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = null;
    await this.pendingImport;
    if (batch && batch.files > 0) {
      this.pendingImport = this.importBatch(batch);
      // A failed import surfaces at the next flush or at finish; never as an unhandled rejection.
      this.pendingImport.catch(() => undefined);
    } else if (batch) await rm(batch.dir, { recursive: true, force: true });
  }

  /** Imports the last batch and waits for every import. */
  async finish(): Promise<void> {
    await this.flush();
    await this.pendingImport;
  }

  /** Drops what is not imported yet and removes the staging folder. */
  async abandon(): Promise<void> {
    this.batch = null;
    await this.pendingImport.catch(() => undefined);
    await rm(this.root, { recursive: true, force: true });
  }
}
