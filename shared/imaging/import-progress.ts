export interface FileProblem {
  path: string;
  reason: string;
}

export type ImportState = 'running' | 'done' | 'cancelled' | 'failed';

/** What the UI and the CLI show while an import runs, and its final summary. */
export interface ImportProgress {
  importId: number;
  state: ImportState;
  /** Still discovering files (folders being walked, archives being opened). */
  discovering: boolean;
  filesFound: number;
  filesDone: number;
  bytesDone: number;
  imported: number;
  duplicates: number;
  skipped: number;
  failed: FileProblem[];
  /** Same SOP Instance UID as an stored instance but different bytes: the original is kept. */
  conflicts: FileProblem[];
  /** Imported, but with something to know (no file meta, not displayable, …). */
  warnings: FileProblem[];
  studyIds: number[];
  elapsedMs: number;
  megabytesPerSecond: number;
  etaSeconds: number | null;
  error: string | null;
}

/** The CLI's `import --json` summary (the shape scripts rely on) plus the extra counts. */
export function importSummary(p: ImportProgress) {
  return {
    imported: p.imported,
    duplicates: p.duplicates,
    skipped: p.skipped,
    failed: p.failed,
    conflicts: p.conflicts,
    warnings: p.warnings,
    studies: p.studyIds.length,
    state: p.state,
    seconds: Math.round(p.elapsedMs / 100) / 10,
  };
}
