import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RetrieveProgress } from '../../../shared/contract/pacs-schemas.ts';
import type { Archive } from './archive.ts';
import type { RetrieveDeps, RetrieveRequest } from './retrieve-job.ts';
import { RetrieveJob } from './retrieve-job.ts';
import type { SecretStore } from './secret-store.ts';

const readdirSafe = (root: string, o: { withFileTypes: true }) => {
  try {
    return readdirSync(root, o);
  } catch {
    return [];
  }
};

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface RunningRetrieve {
  job: RetrieveJob;
  done: Promise<RetrieveProgress>;
}

/**
 * What lives between archive requests: running retrieves (progress, cancel), searches the user may
 * cancel, and the secret store. Staging files of a retrieve the app did not finish are deleted at
 * start: they were never imported, and the next retrieve fetches them again.
 */
export class PacsService {
  private readonly retrieves = new Map<number, RunningRetrieve>();
  private readonly finished = new Map<number, RetrieveProgress>();
  private readonly searches = new Map<string, AbortController>();
  private nextId = 1;
  readonly stagingRoot: string;

  constructor(
    dataDir: string,
    readonly secrets: SecretStore,
  ) {
    const root = join(dataDir, 'pacs-staging');
    this.stagingRoot = join(root, String(process.pid));
    // Each process stages under its own pid: a CLI retrieve never deletes the app's, and vice versa.
    for (const entry of readdirSafe(root, { withFileTypes: true }).filter((e) => e.isDirectory()))
      if (!isProcessAlive(Number(entry.name)) || Number(entry.name) === process.pid)
        rmSync(join(root, entry.name), { recursive: true, force: true });
  }

  /** Runs `fn` with an abort signal that pacs.cancelSearch(searchId) fires. */
  async cancellable<T>(searchId: string | undefined, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    if (searchId) this.searches.set(searchId, controller);
    try {
      return await fn(controller.signal);
    } finally {
      if (searchId) this.searches.delete(searchId);
    }
  }

  cancelSearch(searchId: string): boolean {
    const c = this.searches.get(searchId);
    c?.abort();
    return !!c;
  }

  startRetrieve(
    archive: Archive,
    deps: Omit<RetrieveDeps, 'archive' | 'stagingRoot'>,
    request: RetrieveRequest,
    onEnd: (final: RetrieveProgress) => void,
  ): number {
    const retrieveId = this.nextId++;
    const job = new RetrieveJob(retrieveId, {
      ...deps,
      archive,
      stagingRoot: join(this.stagingRoot, String(retrieveId)),
    });
    const done = job
      .run(request)
      .then((final) => {
        this.finished.set(retrieveId, final);
        onEnd(final);
        return final;
      })
      .finally(async () => {
        this.retrieves.delete(retrieveId);
        await archive.close().catch(() => undefined);
      });
    this.retrieves.set(retrieveId, { job, done });
    return retrieveId;
  }

  status(retrieveId: number): RetrieveProgress | null {
    return this.retrieves.get(retrieveId)?.job.progress() ?? this.finished.get(retrieveId) ?? null;
  }

  cancel(retrieveId: number): boolean {
    const running = this.retrieves.get(retrieveId);
    running?.job.cancel();
    return !!running;
  }

  async wait(retrieveId: number): Promise<RetrieveProgress> {
    const running = this.retrieves.get(retrieveId);
    if (running) return running.done;
    const final = this.finished.get(retrieveId);
    if (!final) throw new Error(`No retrieve ${retrieveId}`);
    return final;
  }

  async close(): Promise<void> {
    for (const c of this.searches.values()) c.abort();
    for (const r of this.retrieves.values()) r.job.cancel();
    await Promise.allSettled([...this.retrieves.values()].map((r) => r.done));
  }
}
