import type { Database } from 'better-sqlite3';
import { unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { IndexOutcome } from '../../../db/imaging.ts';
import { indexInstance, isReferenced } from '../../../db/imaging.ts';
import { addPendingObjects, clearPendingObjects } from '../../../db/import-runs.ts';
import type { ImportProgress } from '../../../shared/imaging/import-progress.ts';
import type { StoreLayout } from '../store/layout.ts';
import { placeObjects } from '../store/place-objects.ts';
import type { ReadResult, ReadTask } from './protocol.ts';
import type { ReadPool } from './read-pool.ts';
import { readStoredObject } from './read-one.ts';
import { isDicomdirName, resolveReferencedFile, walkSources } from './walk.ts';
import { zipEntries } from './zip-entries.ts';

type InstanceResult = Extract<ReadResult, { kind: 'instance' }>;

/**
 * A batch commits when this many files are read or this long has passed: each commit is one
 * durability barrier (the files' fsyncs together, then the journal's and the index's SQLite
 * commits, which block this thread), so fewer, larger batches go faster.
 */
const BATCH_SIZE = 500;
const BATCH_MS = 1000;

export interface ImportJobDeps {
  importId: number;
  db: Database;
  store: StoreLayout;
  pool: ReadPool;
  /** How many files may be in flight at once (bounds memory for archive entries). */
  maxInFlight: number;
  now: () => string;
}

/**
 * One import: walks the sources, reads files in the worker pool, and indexes them in batches.
 * A batch's rows commit only after its files and their directories are fsynced, so a crash at any
 * moment leaves committed rows pointing at durable files (and at worst orphan files, swept later).
 */
export class ImportJob {
  private readonly progressState: ImportProgress;
  private readonly started = Date.now();
  private readonly seen = new Set<string>();
  private cancelled = false;
  private nextId = 1;
  private inFlight = 0;
  private readonly slotWaiters: (() => void)[] = [];
  private batch: InstanceResult[] = [];
  private lastFlush = Date.now();
  private readonly studyIds = new Set<number>();
  private readonly reads: Promise<void>[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private readonly deferred: (() => Promise<void>)[] = [];
  private commitError: Error | null = null;

  constructor(private readonly deps: ImportJobDeps) {
    this.progressState = {
      importId: deps.importId,
      state: 'running',
      discovering: true,
      filesFound: 0,
      filesDone: 0,
      bytesDone: 0,
      imported: 0,
      duplicates: 0,
      skipped: 0,
      failed: [],
      conflicts: [],
      warnings: [],
      studyIds: [],
      elapsedMs: 0,
      megabytesPerSecond: 0,
      etaSeconds: null,
      error: null,
    };
  }

  cancel(): void {
    this.cancelled = true;
  }

  progress(): ImportProgress {
    const p = this.progressState;
    const elapsedMs = Date.now() - this.started;
    const perFile = p.filesDone ? elapsedMs / p.filesDone : 0;
    return {
      ...p,
      failed: [...p.failed],
      conflicts: [...p.conflicts],
      warnings: [...p.warnings],
      studyIds: [...this.studyIds],
      elapsedMs: p.state === 'running' ? elapsedMs : p.elapsedMs,
      megabytesPerSecond: elapsedMs ? p.bytesDone / 1e6 / (elapsedMs / 1000) : 0,
      etaSeconds:
        p.discovering || p.state !== 'running' || !p.filesDone
          ? null
          : Math.round(((p.filesFound - p.filesDone) * perFile) / 1000),
    };
  }

  /** `paths` may be produced first (the demo imaging is generated before it is read). */
  async run(paths: string[] | (() => Promise<string[]>)): Promise<ImportProgress> {
    try {
      const sources = typeof paths === 'function' ? await paths() : paths;
      for await (const item of walkSources(sources, this.seen)) {
        if (this.cancelled) break;
        if (item.kind === 'error') this.fail(item.path, item.reason);
        else await this.submit({ path: item.path });
      }
      // Archives and DICOMDIRs found by the workers add files of their own; drain them in turn.
      for (;;) {
        while (this.reads.length) await Promise.all(this.reads.splice(0));
        const next = this.deferred.shift();
        if (!next || this.cancelled) break;
        await next();
      }
      this.progressState.discovering = false;
      await this.flush();
      this.progressState.state = this.cancelled ? 'cancelled' : 'done';
    } catch (e) {
      this.progressState.state = 'failed';
      this.progressState.error = e instanceof Error ? e.message : String(e);
      await Promise.allSettled(this.reads);
      await this.flush().catch(() => {});
    }
    this.progressState.discovering = false;
    this.progressState.elapsedMs = Date.now() - this.started;
    return this.progress();
  }

  private async readZip(zipPath: string): Promise<void> {
    try {
      for await (const entry of zipEntries(zipPath)) {
        if (this.cancelled) return;
        const path = join(zipPath, entry.name);
        if ('error' in entry) this.fail(path, entry.error);
        else await this.submit({ path, bytes: entry.bytes });
      }
    } catch (e) {
      this.fail(zipPath, `cannot open the archive (${(e as Error).message})`);
    }
  }

  private fail(path: string, reason: string): void {
    this.progressState.filesFound++;
    this.progressState.filesDone++;
    this.progressState.failed.push({ path, reason });
  }

  private async submit(task: Omit<ReadTask, 'id'>): Promise<void> {
    while (this.inFlight >= this.deps.maxInFlight) await new Promise<void>((r) => this.slotWaiters.push(r));
    this.inFlight++;
    this.progressState.filesFound++;
    const read = this.read({ ...task, id: this.nextId++ })
      .then((result) => this.handle(result))
      .finally(() => {
        this.inFlight--;
        this.slotWaiters.shift()?.();
      });
    this.reads.push(read);
    if (this.reads.length > 4 * this.deps.maxInFlight)
      await Promise.all(this.reads.splice(0, this.deps.maxInFlight));
  }

  /**
   * Objects already in the store (reindex) have their header read here: their name is their hash,
   * and only the head is parsed (bounded work). Everything else, and a stored object whose head is
   * not enough, goes to the worker pool (untrusted input: time and heap limits, crash isolation).
   */
  private async read(task: ReadTask): Promise<ReadResult> {
    if (!task.bytes) {
      const stored = readStoredObject(task.path, this.deps.store);
      if (stored) return { ...stored, id: task.id, path: task.path };
    }
    return this.deps.pool.read(task);
  }

  private handle(result: ReadResult): void {
    const p = this.progressState;
    p.filesDone++;
    if (result.kind === 'instance') {
      p.bytesDone += result.size;
      this.batch.push(result);
      if (this.batch.length >= BATCH_SIZE || Date.now() - this.lastFlush > BATCH_MS) this.scheduleFlush();
    } else if (result.kind === 'dicomdir') {
      p.skipped++;
      this.deferred.push(() => this.followDicomdir(result.path, result.referencedFiles));
    } else if (result.kind === 'zip') {
      // Not a file of its own: its entries are (read after the walk, never while holding a slot).
      p.filesFound--;
      p.filesDone--;
      this.deferred.push(() => this.readZip(result.path));
    } else if (result.kind === 'skipped') p.skipped++;
    else p.failed.push({ path: result.path, reason: result.reason });
  }

  /** Imports what a DICOMDIR references that the folder walk did not reach (e.g. other name case). */
  private async followDicomdir(dicomdirPath: string, referenced: string[][]): Promise<void> {
    if (!isDicomdirName(dicomdirPath)) return;
    for (const components of referenced) {
      if (this.cancelled) return;
      const file = await resolveReferencedFile(dicomdirPath, components);
      if (!file) {
        this.fail(
          join(dirname(dicomdirPath), ...components),
          'listed in the DICOMDIR but missing on the medium',
        );
        continue;
      }
      for await (const item of walkSources([file], this.seen)) {
        if (item.kind === 'file') await this.submit({ path: item.path });
      }
    }
  }

  /**
   * Commits a batch: journal the new objects (so a crash can only orphan journaled files), move
   * them into the store durably, then index them and clear the journal in one transaction.
   */
  /**
   * Queues a commit of the current batch without holding up reading: commits run one after another
   * in the background while the workers go on with the next files.
   */
  private scheduleFlush(): void {
    const batch = this.batch;
    this.batch = [];
    this.lastFlush = Date.now();
    this.flushing = this.flushing
      .then(() => (this.commitError ? undefined : this.commit(batch)))
      .catch((e: unknown) => {
        // A failed commit stops the import (rows already committed stay whole); run() reports it.
        this.commitError ??= e instanceof Error ? e : new Error(String(e));
        this.cancelled = true;
      });
  }

  /** Commits what is batched and waits for every queued commit (end of run, cancel). */
  private async flush(): Promise<void> {
    this.scheduleFlush();
    await this.flushing;
    if (this.commitError) throw this.commitError;
  }

  private async commit(batch: InstanceResult[]): Promise<void> {
    if (!batch.length) return;
    const { db, store, now, importId } = this.deps;
    const placed = batch.filter((r) => r.tmpPath !== null).map((r) => r.relativePath);
    addPendingObjects(db, importId, placed);
    await placeObjects(store, batch);
    const at = now();
    const outcomes = db
      .transaction(() => {
        const results = batch.map((r): [InstanceResult, IndexOutcome] => [
          r,
          indexInstance(
            db,
            r.header,
            {
              filePath: r.relativePath,
              fileSize: r.size,
              sha256: r.sha256,
              decodable: r.decodable,
              warnings: r.warnings,
            },
            at,
          ),
        ]);
        clearPendingObjects(
          db,
          importId,
          results.filter(([, o]) => o.kind !== 'conflict').map(([r]) => r.relativePath),
        );
        return results;
      })
      .immediate();
    const p = this.progressState;
    const conflicted: string[] = [];
    for (const [r, outcome] of outcomes) {
      if (outcome.kind === 'imported') {
        p.imported++;
        this.studyIds.add(outcome.studyId);
        if (r.warnings.length) p.warnings.push({ path: r.path, reason: r.warnings.join('; ') });
      } else if (outcome.kind === 'duplicate') p.duplicates++;
      else {
        p.conflicts.push({
          path: r.path,
          reason: `SOP Instance UID ${r.header.instance.sopInstanceUid} is already stored with different content; the original was kept`,
        });
        if (r.tmpPath !== null && !isReferenced(db, r.relativePath)) {
          await unlink(join(store.root, r.relativePath)).catch(() => {});
          conflicted.push(r.relativePath);
        }
      }
    }
    if (conflicted.length) clearPendingObjects(db, importId, conflicted);
  }
}
