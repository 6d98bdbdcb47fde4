import { parentPort, workerData } from 'node:worker_threads';
import type { StoreLayout } from '../store/layout.ts';
import type { ReadResult, ReadTask } from './protocol.ts';
import { readOne } from './read-one.ts';

/** Import worker: reads files off the main thread, one task at a time. */
const store = (workerData as { store: StoreLayout }).store;

parentPort?.on('message', (task: ReadTask) => {
  void readOne(task, store).then((outcome) => {
    const result: ReadResult = { ...outcome, id: task.id, path: task.path };
    parentPort?.postMessage(result);
  });
});
