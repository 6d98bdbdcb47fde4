import { parentPort, workerData } from 'node:worker_threads';
import { generatePhantom } from '../phantom/generate-phantom.ts';
import type { PhantomJob, PhantomWorkerMessage } from './phantom-job.ts';

/** Generates the demo imaging off the main thread (minutes of CPU that would stall every request). */
const job = workerData as PhantomJob;
const post = (m: PhantomWorkerMessage): void => parentPort?.postMessage(m);

generatePhantom({
  outDir: job.outDir,
  seed: job.seed,
  ctSlices: job.ctSlices,
  ctMatrix: job.ctMatrix,
  onProgress: (done, total) => post({ type: 'progress', done, total }),
}).then(
  () => post({ type: 'done' }),
  (e: unknown) => post({ type: 'failed', message: e instanceof Error ? e.message : String(e) }),
);
