import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

export interface PhantomJob {
  outDir: string;
  seed: number;
  ctSlices: number;
  ctMatrix: number;
}

export type PhantomWorkerMessage =
  { type: 'progress'; done: number; total: number } | { type: 'done' } | { type: 'failed'; message: string };

/**
 * Generates the phantom in a worker thread when the build ships one (`workerScript`), else in this
 * thread (tests from sources). Progress counts CT slices.
 */
export function generatePhantomJob(
  job: PhantomJob,
  workerScript: string | null,
  onProgress: (done: number, total: number) => void,
): Promise<void> {
  if (!workerScript || !existsSync(workerScript))
    return import('../phantom/generate-phantom.ts').then(async ({ generatePhantom }) => {
      await generatePhantom({ ...job, onProgress });
    });
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript, { workerData: job });
    let settled = false;
    worker.on('message', (m: PhantomWorkerMessage) => {
      if (m.type === 'progress') return onProgress(m.done, m.total);
      settled = true;
      void worker.terminate();
      if (m.type === 'done') resolve();
      else reject(new Error(`The demo imaging could not be generated (${m.message}).`));
    });
    worker.on('error', (e) => {
      settled = true;
      reject(new Error(`The demo imaging could not be generated (${e.message.split('\n')[0]}).`));
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`The demo generator stopped (exit code ${code}).`));
    });
  });
}
