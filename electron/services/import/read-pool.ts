import { Worker } from 'node:worker_threads';
import type { StoreLayout } from '../store/layout.ts';
import type { ReadResult, ReadTask } from './protocol.ts';

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
  task: { task: ReadTask; done: (r: ReadResult) => void; timer: NodeJS.Timeout } | null;
}

/** A pool of import workers, one file each at a time; a stuck or crashed worker is replaced. */
export class ReadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { task: ReadTask; done: (r: ReadResult) => void }[] = [];
  private closed = false;

  constructor(
    private readonly store: StoreLayout,
    private readonly options: ReadPoolOptions,
  ) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  read(task: ReadTask): Promise<ReadResult> {
    return new Promise((done) => {
      this.queue.push({ task, done });
      this.pump();
    });
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
    worker.on('message', (result: ReadResult) => this.finish(slot, result));
    worker.on('error', (e) => this.replace(slot, `the reader crashed (${e.message.split('\n')[0]})`));
    worker.on('exit', (code) => {
      if (!this.closed && slot.task) this.replace(slot, `the reader stopped (exit code ${code})`);
    });
    worker.unref();
    return slot;
  }

  private finish(slot: Slot, result: ReadResult): void {
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
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0 || this.closed) continue;
      const next = this.queue.shift()!;
      const timer = setTimeout(
        () =>
          this.replace(slot, `reading took longer than ${Math.round(this.options.taskTimeoutMs / 1000)} s`),
        this.options.taskTimeoutMs,
      );
      slot.task = { ...next, timer };
      const transfer = next.task.bytes ? [next.task.bytes.buffer as ArrayBuffer] : [];
      slot.worker.postMessage(next.task, transfer);
    }
  }
}
