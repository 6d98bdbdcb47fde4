import type { RetrieveProgress } from '../../../shared/contract/pacs-schemas.ts';
import type { ImportProgress } from '../../../shared/imaging/import-progress.ts';
import { AppError } from '../../../shared/contract/result.ts';
import type { Archive, RetrieveTarget } from './archive.ts';
import type { Batch, BatchLimits } from './staging-batches.ts';
import { StagingBatches } from './staging-batches.ts';

/** The one way into the store: the import pipeline, started on a folder of staged files. */
export interface BatchImporter {
  start(dir: string, cleanup: () => Promise<void>): number;
  wait(importId: number): Promise<ImportProgress>;
  cancel(importId: number): void;
}

export interface RetrieveRequest {
  studyUid: string;
  seriesUids: readonly string[] | null;
}

export interface RetrieveDeps {
  archive: Archive;
  importer: BatchImporter;
  stagingRoot: string;
  /** SOP Instance UIDs already in the store (never downloaded again). */
  storedUids: (uids: readonly string[]) => Set<string>;
  limits?: BatchLimits;
}

/** Batches of 500 instances or 128 MB: each import run starts a worker pool, so fewer runs go faster; staging holds about two batches. */
const DEFAULT_LIMITS: BatchLimits = { files: 500, bytes: 128 * 1024 * 1024 };

/**
 * Retrieves a study (or some series) into the store through the importer: lists what the archive
 * holds, skips what is stored (so a retrieve interrupted by a cancel, a dropped network or a crash
 * continues where it stopped), streams the rest into staging batches and imports each batch.
 */
export class RetrieveJob {
  private readonly controller = new AbortController();
  private readonly started = performance.now();
  private downloadStarted = 0;
  private runningImport: number | null = null;
  private batches: StagingBatches | null = null;
  private readonly p: RetrieveProgress;

  constructor(
    retrieveId: number,
    private readonly deps: RetrieveDeps,
  ) {
    this.p = {
      retrieveId,
      phase: 'listing',
      instancesTotal: 0,
      alreadyStored: 0,
      downloaded: 0,
      bytesDownloaded: 0,
      imported: 0,
      duplicates: 0,
      skipped: 0,
      failed: [],
      conflicts: [],
      megabytesPerSecond: 0,
      etaSeconds: null,
      elapsedMs: 0,
      error: null,
      state: 'running',
    };
  }

  progress(): RetrieveProgress {
    const p = { ...this.p, elapsedMs: Math.round(performance.now() - this.started) };
    if (this.batches) {
      p.downloaded = this.batches.filesWritten;
      p.bytesDownloaded = this.batches.bytesWritten;
    }
    if (this.downloadStarted && p.state === 'running') {
      const seconds = (performance.now() - this.downloadStarted) / 1000;
      p.megabytesPerSecond = seconds > 0 ? p.bytesDownloaded / 1e6 / seconds : 0;
      const remaining = p.instancesTotal - p.alreadyStored - p.downloaded;
      p.etaSeconds = p.downloaded > 0 ? Math.round((remaining * seconds) / p.downloaded) : null;
    }
    return p;
  }

  cancel(): void {
    this.controller.abort();
    if (this.runningImport !== null) this.deps.importer.cancel(this.runningImport);
  }

  private async importBatch(batch: Batch): Promise<void> {
    const { importer } = this.deps;
    const importId = importer.start(batch.dir, async () => {});
    this.runningImport = importId;
    const result = await importer.wait(importId);
    this.runningImport = null;
    this.p.imported += result.imported;
    this.p.duplicates += result.duplicates;
    this.p.skipped += result.skipped;
    this.p.failed.push(...result.failed);
    this.p.conflicts.push(...result.conflicts);
    if (result.state === 'failed')
      throw new AppError('ARCHIVE', result.error ?? 'The import of retrieved images failed.');
  }

  /** Lists the request's instances and decides, per series, what still has to come. */
  private async plan(request: RetrieveRequest): Promise<RetrieveTarget[]> {
    const { archive } = this.deps;
    const signal = this.controller.signal;
    const series = (await archive.seriesOf(request.studyUid, signal)).filter(
      (s) => !request.seriesUids || request.seriesUids.includes(s.seriesUid),
    );
    if (!series.length)
      throw new AppError('ARCHIVE', 'The archive holds no images for this study (or these series) any more.');
    const targets: RetrieveTarget[] = [];
    for (const s of series) {
      const instances = await archive.instancesOf(request.studyUid, s.seriesUid, signal);
      const stored = this.deps.storedUids(instances.map((i) => i.sopInstanceUid));
      this.p.instancesTotal += instances.length;
      this.p.alreadyStored += stored.size;
      const missing = instances.filter((i) => !stored.has(i.sopInstanceUid)).map((i) => i.sopInstanceUid);
      if (!missing.length) continue;
      targets.push(
        stored.size === 0
          ? { studyUid: request.studyUid, seriesUid: s.seriesUid }
          : { studyUid: request.studyUid, seriesUid: s.seriesUid, sopInstanceUids: missing },
      );
    }
    return targets;
  }

  async run(request: RetrieveRequest): Promise<RetrieveProgress> {
    const batches = new StagingBatches(this.deps.stagingRoot, this.deps.limits ?? DEFAULT_LIMITS, (b) =>
      this.importBatch(b),
    );
    try {
      const targets = await this.plan(request);
      this.p.phase = 'downloading';
      this.batches = batches;
      this.downloadStarted = performance.now();
      let failure: Error | null = null;
      for (const target of targets) {
        try {
          await this.deps.archive.retrieve(target, batches, this.controller.signal);
        } catch (e) {
          failure = e instanceof Error ? e : new Error('The download failed.');
          break;
        }
      }
      if (this.controller.signal.aborted) throw new AppError('CANCELLED', 'Cancelled.');
      // Whole instances that arrived before a failure are imported: the next retrieve skips them.
      this.p.phase = 'importing';
      await batches.finish();
      if (failure) throw failure;
      const missing = this.p.instancesTotal - this.p.alreadyStored - batches.filesWritten;
      if (missing > 0)
        throw new AppError(
          'ARCHIVE',
          `Partial retrieve: ${missing} of ${this.p.instancesTotal} images did not arrive. Retrieve again to fetch the rest.`,
        );
      this.end('done', null);
    } catch (e) {
      const cancelledRun = this.controller.signal.aborted;
      this.end(cancelledRun ? 'cancelled' : 'failed', cancelledRun ? null : e);
    } finally {
      this.p.downloaded = batches.filesWritten;
      this.p.bytesDownloaded = batches.bytesWritten;
      this.batches = null;
      await batches.abandon();
    }
    return this.progress();
  }

  private end(state: 'done' | 'cancelled' | 'failed', error: unknown): void {
    this.p.phase = state;
    this.p.state = state;
    this.p.etaSeconds = null;
    const seconds = this.downloadStarted ? (performance.now() - this.downloadStarted) / 1000 : 0;
    this.p.megabytesPerSecond =
      seconds > 0 && this.batches ? this.batches.bytesWritten / 1e6 / seconds : this.p.megabytesPerSecond;
    if (error) {
      const incomplete = this.p.imported > 0;
      const message = error instanceof Error ? error.message : 'The retrieve failed.';
      this.p.error =
        incomplete && !message.startsWith('Partial')
          ? `${message} ${this.p.imported} images were imported; retrieve again to fetch the rest.`
          : message;
    }
  }
}
