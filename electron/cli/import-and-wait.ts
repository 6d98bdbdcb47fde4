import type { ImportProgress } from '../../shared/imaging/import-progress.ts';
import type { Backend } from '../backend/create-backend.ts';
import { call } from './call.ts';

const PROGRESS_EVERY_MS = 500;

/**
 * Runs an import through the backend as the app does, showing progress on stderr (unless JSON
 * output was asked for); Ctrl+C cancels it cleanly.
 */
export async function importAndWait(
  backend: Backend | null,
  paths: string[],
  caseId: number | undefined,
  quiet: boolean,
): Promise<ImportProgress> {
  const { importId } = await call(backend, 'imports.start', {
    paths,
    ...(caseId !== undefined ? { caseId } : {}),
  });
  const interrupt = (): void => {
    void call(backend, 'imports.cancel', { importId });
  };
  process.once('SIGINT', interrupt);
  const timer = setInterval(() => {
    void call(backend, 'imports.status', { importId }).then((p) => {
      if (!quiet)
        process.stderr.write(
          `\r${p.filesDone}/${p.filesFound} files, ${p.megabytesPerSecond.toFixed(0)} MB/s   `,
        );
    });
  }, PROGRESS_EVERY_MS);
  try {
    await backend!.ctx.imports.wait(importId);
    if (!quiet) process.stderr.write('\r');
    return await call(backend, 'imports.status', { importId });
  } finally {
    clearInterval(timer);
    process.removeListener('SIGINT', interrupt);
  }
}
