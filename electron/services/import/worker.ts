import { parentPort, workerData } from 'node:worker_threads';
import { renderThumbnail } from '../assets/render-thumbnail.ts';
import type { StoreLayout } from '../store/layout.ts';
import type { WorkerResult, WorkerTask } from './protocol.ts';
import { checkOne } from './check-one.ts';
import { readOne } from './read-one.ts';

/** Import and thumbnail worker: reads files off the main thread, one task at a time. */
const store = (workerData as { store: StoreLayout }).store;

parentPort?.on('message', (task: WorkerTask) => {
  const work =
    'thumbnail' in task
      ? renderThumbnail(task.path, task.thumbnail.frame, task.thumbnail.size)
      : 'check' in task
        ? checkOne(task.bytes)
        : Promise.resolve(readOne(task, store));
  void work.then((outcome) => {
    const result: WorkerResult = { ...outcome, id: task.id, path: task.path };
    const transfer = outcome.kind === 'thumbnail' ? [outcome.png.buffer as ArrayBuffer] : [];
    parentPort?.postMessage(result, transfer);
  });
});
