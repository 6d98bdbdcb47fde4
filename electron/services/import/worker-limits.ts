/**
 * Bounds for work on untrusted files in a worker (import reads, thumbnails): a file that needs longer
 * or more heap fails with a reason instead of hanging or exhausting the machine. PS3.5 allows nesting
 * and lengths no real image needs.
 */
export const WORKER_TASK_TIMEOUT_MS = 60_000;
export const WORKER_HEAP_MB = 512;
