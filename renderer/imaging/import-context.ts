import { createContext, useContext } from 'react';
import type { PickedFile } from './picked-files.ts';

export type ImportSource = { kind: 'paths'; paths: string[] } | { kind: 'files'; files: PickedFile[] };

export interface ImportController {
  /** Starts an import; the dialog shows its progress and summary. */
  start: (source: ImportSource, caseId?: number) => void;
  /** Shows the progress of an import the backend started (e.g. the demo case's imaging). */
  follow: (importId: number) => void;
  /** Increments when an import finishes, so screens showing imaging reload. */
  version: number;
  /** The case that drops and the top-bar button import into (the open case page), if any. */
  setTargetCase: (caseId: number | null) => void;
}

export const ImportContext = createContext<ImportController | null>(null);

export function useImports(): ImportController {
  const controller = useContext(ImportContext);
  if (!controller) throw new Error('useImports outside ImportProvider');
  return controller;
}
