import type { DecodeRequest, DecodeResponse, DecodedImage } from './messages.ts';

/**
 * Lower runs first: what is on screen, then its neighbours, then the slices a reformat is waiting
 * for, then streaming the rest of a stack into the cache.
 */
export const PRIORITY = { display: 0, prefetch: 1, volume: 2, background: 3 } as const;
export type Priority = (typeof PRIORITY)[keyof typeof PRIORITY];

interface Job {
  id: number;
  url: string;
  frame: number;
  priority: Priority;
  resolve: (image: DecodedImage) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  running: Map<number, Job>;
}

/** Two requests per worker let the next file download while the current one decodes. */
const PER_WORKER = 2;

export class DecodeError extends Error {
  override name = 'DecodeError';
}

/**
 * A pool of decode workers fed from one priority queue. Requests not yet started can be
 * cancelled (a viewport scrolled past them); started ones finish and are dropped by the caller.
 */
export class DecodePool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private warmed: Promise<number[]> | null = null;
  private warmOnFirstImage = false;
  /**
   * Until the first image is decoded, one request runs at a time (the most urgent): on two cores,
   * decoding the first visible image beside the others' would halve its share of the CPU.
   */
  private firstDone = false;
  private readonly warmWaiters = new Map<Worker, (ms: number) => void>();

  constructor(size: number, createWorker: () => Worker) {
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: createWorker(), running: new Map() };
      slot.worker.onmessage = (e: MessageEvent<DecodeResponse>) => this.onMessage(slot, e.data);
      slot.worker.onerror = (e) => this.onCrash(slot, e.message || 'The image decoder stopped.');
      return slot;
    });
  }

  get size(): number {
    return this.slots.length;
  }

  /** Compiles the wasm codecs in every worker; resolves with each worker's time, ms. */
  warm(): Promise<number[]> {
    this.warmed ??= Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<number>((resolve) => {
            this.warmWaiters.set(slot.worker, resolve);
            slot.worker.postMessage({ type: 'warm' } satisfies DecodeRequest);
          }),
      ),
    );
    return this.warmed;
  }

  /**
   * Compiles the codecs once the first image is decoded: on two cores, compiling three wasm
   * codecs in every worker at once would delay the first image (usually not compressed) it serves.
   */
  warmAfterFirstImage(): void {
    if (!this.warmed) this.warmOnFirstImage = true;
  }

  decode(
    url: string,
    frame: number,
    priority: Priority,
  ): { promise: Promise<DecodedImage>; cancel: () => void } {
    const id = this.nextId++;
    const promise = new Promise<DecodedImage>((resolve, reject) => {
      const job: Job = { id, url, frame, priority, resolve, reject };
      // Stable by priority: after every queued job of the same or higher priority.
      const at = this.queue.findIndex((j) => j.priority > priority);
      this.queue.splice(at < 0 ? this.queue.length : at, 0, job);
    });
    this.pump();
    return {
      promise,
      cancel: () => {
        const at = this.queue.findIndex((j) => j.id === id);
        if (at >= 0) this.queue.splice(at, 1)[0]!.reject(new DecodeError('cancelled'));
      },
    };
  }

  /** Raises a queued request (the user scrolled back to an image being prefetched). */
  promote(url: string, frame: number, priority: Priority): void {
    const at = this.queue.findIndex((j) => j.url === url && j.frame === frame && j.priority > priority);
    if (at < 0) return;
    const [job] = this.queue.splice(at, 1);
    job!.priority = priority;
    const to = this.queue.findIndex((j) => j.priority > priority);
    this.queue.splice(to < 0 ? this.queue.length : to, 0, job!);
  }

  terminate(): void {
    for (const slot of this.slots) slot.worker.terminate();
    for (const job of this.queue.splice(0)) job.reject(new DecodeError('The viewer was closed.'));
  }

  private pump(): void {
    for (;;) {
      const job = this.queue[0];
      if (!job) return;
      if (!this.firstDone && this.slots.some((s) => s.running.size > 0)) return;
      // Frames of one file go to the worker that already holds it, when it has room.
      const sameFile = this.slots.find(
        (s) => s.running.size < PER_WORKER && [...s.running.values()].some((j) => j.url === job.url),
      );
      const slot =
        sameFile ??
        this.slots
          .filter((s) => s.running.size < PER_WORKER)
          .sort((a, b) => a.running.size - b.running.size)[0];
      if (!slot) return;
      this.queue.shift();
      slot.running.set(job.id, job);
      slot.worker.postMessage({
        type: 'decode',
        id: job.id,
        url: job.url,
        frame: job.frame,
      } satisfies DecodeRequest);
    }
  }

  private onMessage(slot: Slot, message: DecodeResponse): void {
    if (message.type === 'warmed') {
      this.warmWaiters.get(slot.worker)?.(message.ms);
      this.warmWaiters.delete(slot.worker);
      return;
    }
    const job = slot.running.get(message.id);
    slot.running.delete(message.id);
    this.firstDone = true;
    if (job) {
      if (message.type === 'decoded') job.resolve(message.image);
      else job.reject(new DecodeError(message.message));
    }
    this.pump();
    if (this.warmOnFirstImage) {
      this.warmOnFirstImage = false;
      void this.warm();
    }
  }

  private onCrash(slot: Slot, message: string): void {
    this.firstDone = true;
    for (const job of slot.running.values()) job.reject(new DecodeError(message));
    slot.running.clear();
    this.pump();
  }
}

let shared: DecodePool | null = null;

/** The app's decode pool (created on first use): one worker per spare core, 2 to 4. */
export function decodePool(): DecodePool {
  if (!shared) {
    const cores = navigator.hardwareConcurrency || 2;
    const size = Math.max(2, Math.min(4, cores - 1));
    shared = new DecodePool(
      size,
      () => new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module' }),
    );
  }
  return shared;
}
