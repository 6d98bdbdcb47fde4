import { Worker } from 'node:worker_threads';
import type { StoreLayout } from '../store/layout.ts';
import type {
  CheckResult,
  CheckTask,
  ReadResult,
  ReadTask,
  ThumbnailResult,
  ThumbnailTask,
  WorkerResult,
  WorkerTask,
} from './protocol.ts';
import { zipBytesInFlight } from './zip-budget.ts';

export interface ReadPoolOptions {
  workerScript: string;
  size: number;
  /** A file that takes longer than this (pathological nesting, huge lengths) fails instead of hanging the import. */
  taskTimeoutMs: number;
  /** Heap limit per worker: a file that needs more fails instead of exhausting the machine. */
  memoryMb: number;
}

interface Slot {
  worker: Worker;
  task: { task: WorkerTask; done: (r: WorkerResult) => void; timer: NodeJS.Timeout } | null;
}

/**
 * A pool of import workers, one file each at a time; a stuck or crashed worker is replaced. Workers
 * start with the first tasks (as many as are queued, up to `size`) and then stay warm.
 */
export class ReadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { task: WorkerTask; done: (r: WorkerResult) => void }[] = [];
  private closed = false;

  constructor(
    private readonly store: StoreLayout,
    private readonly options: ReadPoolOptions,
  ) {}

  read(task: ReadTask): Promise<ReadResult> {
    // Archive entries are held in memory until read: they count against the bytes in flight.
    const held = task.bytes?.byteLength ?? 0;
    zipBytesInFlight.add(held);
    return (this.run(task) as Promise<ReadResult>).finally(() => zipBytesInFlight.remove(held));
  }

  check(task: CheckTask): Promise<CheckResult> {
    return this.run(task) as Promise<CheckResult>;
  }

  thumbnail(task: ThumbnailTask): Promise<ThumbnailResult> {
    return this.run(task) as Promise<ThumbnailResult>;
  }

  private run(task: WorkerTask): Promise<WorkerResult> {
    return new Promise((done) => {
      this.queue.push({ task, done });
      this.pump();
    });
  }

  /**
   * Starts every worker now, before any task: a caller that knows files are coming (the CLI's
   * import) overlaps the workers' start-up (module load, first compile) with its own.
   */
  warm(): void {
    while (this.slots.length < this.options.size && !this.closed) this.slots.push(this.spawn());
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.workerScript, {
      workerData: { store: this.store },
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
    });
    const slot: Slot = { worker, task: null };
    worker.on('message', (result: WorkerResult) => this.finish(slot, result));
    worker.on('error', (e) => this.replace(slot, `the reader crashed (${e.message.split('\n')[0]})`));
    worker.on('exit', (code) => {
      if (!this.closed && slot.task) this.replace(slot, `the reader stopped (exit code ${code})`);
    });
    worker.unref();
    return slot;
  }

  private finish(slot: Slot, result: WorkerResult): void {
    const current = slot.task;
    if (!current) return;
    clearTimeout(current.timer);
    slot.task = null;
    current.done(result);
    this.pump();
  }

  /** Fails the slot's file with `reason` and puts a fresh worker in its place. */
  private replace(slot: Slot, reason: string): void {
    const current = slot.task;
    slot.task = null;
    if (current) clearTimeout(current.timer);
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (index >= 0 && !this.closed) this.slots[index] = this.spawn();
    current?.done({ kind: 'failed', reason, id: current.task.id, path: current.task.path });
    this.pump();
  }

  private pump(): void {
    const idle = this.slots.filter((s) => !s.task).length;
    for (let i = idle; i < this.queue.length && this.slots.length < this.options.size && !this.closed; i++)
      this.slots.push(this.spawn());
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0 || this.closed) continue;
      const next = this.queue.shift()!;
      const timer = setTimeout(
        () =>
          this.replace(slot, `reading took longer than ${Math.round(this.options.taskTimeoutMs / 1000)} s`),
        this.options.taskTimeoutMs,
      );
      slot.task = { ...next, timer };
      const bytes = 'bytes' in next.task ? next.task.bytes : undefined;
      const transfer = bytes ? [bytes.buffer as ArrayBuffer] : [];
      slot.worker.postMessage(next.task, transfer);
    }
  }
}
