import type { Database } from 'better-sqlite3';
import { availableParallelism } from 'node:os';
import { writeAudit } from '../../../db/audit.ts';
import { casesOfStudies, linkStudy } from '../../../db/case-studies.ts';
import { refreshCaseSearch } from '../../../db/case-search.ts';
import { isReferenced } from '../../../db/imaging.ts';
import {
  abandonedPendingObjects,
  finishImportRun,
  forgetPendingObjects,
  markInterruptedRuns,
  startImportRun,
} from '../../../db/import-runs.ts';
import type { ImportProgress } from '../../../shared/imaging/import-progress.ts';
import { importSummary } from '../../../shared/imaging/import-progress.ts';
import type { StoreLayout } from '../store/layout.ts';
import { removeAbandoned, sweepTemp } from '../store/sweep.ts';
import { ImportJob } from './import-job.ts';
import { ReadPool } from './read-pool.ts';
import { WORKER_HEAP_MB, WORKER_TASK_TIMEOUT_MS } from './worker-limits.ts';

export interface StartImport {
  paths: string[];
  /** Produces more paths first, while the import already shows as running (generated imaging). */
  prepare?: () => Promise<string[]>;
  userId: number;
  caseId: number | null;
  /** Runs after the import ends, whatever its outcome (e.g. deletes uploaded staging files). */
  cleanup?: () => Promise<void>;
  /** How a source path is shown to the user (uploaded files: their path inside the upload). */
  pathLabel?: (path: string) => string;
}

interface Running {
  job: ImportJob;
  label: (progress: ImportProgress) => ImportProgress;
  done: Promise<ImportProgress>;
}

function relabel(pathLabel: ((path: string) => string) | undefined): (p: ImportProgress) => ImportProgress {
  if (!pathLabel) return (p) => p;
  const each = (list: ImportProgress['failed']) => list.map((f) => ({ ...f, path: pathLabel(f.path) }));
  return (p) => ({ ...p, failed: each(p.failed), conflicts: each(p.conflicts), warnings: each(p.warnings) });
}

export interface SweepResult {
  tempFilesRemoved: number;
  orphansRemoved: number;
}

/** Import workers: one per core, at least two (reading overlaps hashing), at most four. */
const POOL_SIZE = Math.max(2, Math.min(4, availableParallelism()));

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Starts imports in the background, tracks their progress, and cleans up after crashes. */
export class ImportService {
  private readonly jobs = new Map<number, Running>();
  private readonly finished = new Map<number, ImportProgress>();
  /** Kept warm across imports: workers start once (module load, first JIT) per process, not per import. */
  private pool: ReadPool | null = null;

  constructor(
    private readonly db: Database,
    private readonly store: StoreLayout,
    readonly workerScript: string | null,
    private readonly now: () => string,
  ) {}

  /**
   * At start-up: imports whose process died are marked interrupted; their journaled, unindexed
   * objects and the temp folder are cleaned. Files the database does not know but never journaled
   * are left alone (a restored or lost database must not empty the store; `reindex` recovers them).
   */
  async recover(): Promise<SweepResult> {
    const othersRunning = markInterruptedRuns(this.db, this.now(), isProcessAlive);
    const tempFilesRemoved = othersRunning.length || this.jobs.size ? 0 : await sweepTemp(this.store);
    const abandoned = abandonedPendingObjects(this.db);
    const orphansRemoved = await removeAbandoned(this.store, abandoned, (path) =>
      isReferenced(this.db, path),
    );
    forgetPendingObjects(this.db, abandoned);
    return { tempFilesRemoved, orphansRemoved };
  }

  /** Starts the import workers ahead of an import known to come (no-op without a worker script). */
  warm(): void {
    if (this.workerScript) this.readPool(this.workerScript).warm();
  }

  private readPool(workerScript: string): ReadPool {
    this.pool ??= new ReadPool(this.store, {
      workerScript,
      size: POOL_SIZE,
      taskTimeoutMs: WORKER_TASK_TIMEOUT_MS,
      memoryMb: WORKER_HEAP_MB,
    });
    return this.pool;
  }

  start(request: StartImport): number {
    if (!this.workerScript) throw new Error('Import is not available in this build (import worker missing).');
    const importId = startImportRun(this.db, this.now(), request.userId, request.caseId, process.pid);
    const pool = this.readPool(this.workerScript);
    const job = new ImportJob({
      importId,
      db: this.db,
      store: this.store,
      pool,
      maxInFlight: POOL_SIZE * 2,
      now: this.now,
    });
    const prepare = request.prepare;
    const done = job
      .run(prepare ? async () => [...request.paths, ...(await prepare())] : request.paths)
      .then((progress) => {
        this.complete(importId, request, relabel(request.pathLabel)(progress));
        return progress;
      })
      .finally(async () => {
        await request.cleanup?.().catch(() => {});
        this.jobs.delete(importId);
      });
    const label = relabel(request.pathLabel);
    this.jobs.set(importId, { job, done: done.then(label), label });
    return importId;
  }

  status(importId: number): ImportProgress | null {
    const running = this.jobs.get(importId);
    return running ? running.label(running.job.progress()) : (this.finished.get(importId) ?? null);
  }

  cancel(importId: number): boolean {
    const running = this.jobs.get(importId);
    running?.job.cancel();
    return !!running;
  }

  async wait(importId: number): Promise<ImportProgress> {
    const running = this.jobs.get(importId);
    if (running) return running.done;
    const finished = this.finished.get(importId);
    if (!finished) throw new Error(`No import ${importId}`);
    return finished;
  }

  async close(): Promise<void> {
    for (const { job } of this.jobs.values()) job.cancel();
    await Promise.allSettled([...this.jobs.values()].map((r) => r.done));
    await this.pool?.close();
    this.pool = null;
  }

  /** Links the imported studies to the case, records the run, and refreshes search text. */
  private complete(importId: number, request: StartImport, progress: ImportProgress): void {
    const at = this.now();
    this.db
      .transaction(() => {
        if (request.caseId !== null) {
          const linked = progress.studyIds.filter((studyId) =>
            linkStudy(this.db, request.caseId!, studyId, request.userId, at),
          );
          if (linked.length)
            writeAudit(this.db, {
              at,
              userId: request.userId,
              action: 'case.linkStudies',
              caseId: request.caseId,
              detail: { studyIds: linked, importId },
            });
        }
        finishImportRun(this.db, importId, at, progress.state, importSummary(progress));
        for (const caseId of casesOfStudies(this.db, progress.studyIds)) refreshCaseSearch(this.db, caseId);
      })
      .immediate();
    this.finished.set(importId, progress);
  }
}
