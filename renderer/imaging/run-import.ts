import type { ImportProgress } from '../../shared/imaging/import-progress.ts';
import { api } from '../api.ts';
import type { ImportSource } from './import-context.ts';
import type { UploadProgress } from './upload.ts';
import { uploadFiles } from './upload.ts';

export type ImportPhase =
  | { phase: 'uploading'; upload: UploadProgress }
  | { phase: 'importing'; progress: ImportProgress | null }
  | { phase: 'finished'; progress: ImportProgress }
  | { phase: 'error'; message: string };

const POLL_MS = 300;

/**
 * Runs one import from the UI: uploads first when the files came from a browser picker, then
 * starts the backend import and polls its progress until it ends.
 */
export async function runImport(
  source: ImportSource,
  caseId: number | undefined,
  onPhase: (p: ImportPhase) => void,
  control: { signal: AbortSignal; onImportId: (id: number) => void },
): Promise<void> {
  try {
    const target = caseId === undefined ? {} : { caseId };
    let start;
    if (source.kind === 'files') {
      const uploadId = await uploadFiles(
        source.files,
        (upload) => onPhase({ phase: 'uploading', upload }),
        control.signal,
      );
      start = await api['imports.start']({ uploadId, ...target });
    } else start = await api['imports.start']({ paths: source.paths, ...target });
    if (!start.ok) return onPhase({ phase: 'error', message: start.error.message });
    control.onImportId(start.value.importId);
    await followImport(start.value.importId, onPhase);
  } catch (e) {
    onPhase({
      phase: 'error',
      message: control.signal.aborted
        ? 'The upload was cancelled; nothing was imported.'
        : (e as Error).message,
    });
  }
}

/** Polls a running import (started here, or by the backend, e.g. the demo case) until it ends. */
export async function followImport(importId: number, onPhase: (p: ImportPhase) => void): Promise<void> {
  onPhase({ phase: 'importing', progress: null });
  for (;;) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    const status = await api['imports.status']({ importId });
    if (!status.ok) return onPhase({ phase: 'error', message: status.error.message });
    if (status.value.state !== 'running') return onPhase({ phase: 'finished', progress: status.value });
    onPhase({ phase: 'importing', progress: status.value });
  }
}
