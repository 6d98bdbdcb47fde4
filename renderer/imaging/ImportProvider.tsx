import type { ReactNode } from 'react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { api } from '../api.ts';
import { desktop } from './desktop.ts';
import type { ImportController, ImportSource } from './import-context.ts';
import { ImportContext } from './import-context.ts';
import { ImportDialog } from './ImportDialog.tsx';
import { fromDrop } from './picked-files.ts';
import type { ImportPhase } from './run-import.ts';
import { followImport, runImport } from './run-import.ts';

/** Owns the running import (one at a time), its dialog, and drag-and-drop onto the window. */
export function ImportProvider({ children }: { children: ReactNode }) {
  const [phase, setPhase] = useState<ImportPhase | null>(null);
  const [version, setVersion] = useState(0);
  const [dragging, setDragging] = useState(false);
  const targetCase = useRef<number | null>(null);
  const abort = useRef<AbortController | null>(null);
  const importId = useRef<number | null>(null);

  const start = useCallback((source: ImportSource, caseId?: number) => {
    const controller = new AbortController();
    abort.current = controller;
    importId.current = null;
    setPhase({ phase: 'importing', progress: null });
    void runImport(source, caseId ?? targetCase.current ?? undefined, setPhase, {
      signal: controller.signal,
      onImportId: (id) => (importId.current = id),
    }).then(() => setVersion((v) => v + 1));
  }, []);

  const follow = useCallback((id: number) => {
    abort.current = new AbortController();
    importId.current = id;
    void followImport(id, setPhase).then(() => setVersion((v) => v + 1));
  }, []);

  const cancel = (): void => {
    abort.current?.abort();
    if (importId.current !== null) void api['imports.cancel']({ importId: importId.current });
  };

  const onDrop = (e: React.DragEvent): void => {
    e.preventDefault();
    setDragging(false);
    if (phase && phase.phase !== 'finished' && phase.phase !== 'error') return;
    const bridge = desktop();
    if (bridge) {
      void Promise.all(Array.from(e.dataTransfer.files).map((f) => bridge.sourceForFile(f))).then(
        (handles) => {
          const paths = handles.filter((h): h is string => h !== null);
          if (paths.length) start({ kind: 'paths', paths });
        },
      );
      return;
    }
    void fromDrop(e.dataTransfer).then((files) => files.length && start({ kind: 'files', files }));
  };

  const value = useMemo<ImportController>(
    () => ({ start, follow, version, setTargetCase: (id) => (targetCase.current = id) }),
    [start, follow, version],
  );
  return (
    <ImportContext.Provider value={value}>
      <div
        className={`drop-target${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(e) => {
          if (e.currentTarget === e.target) setDragging(false);
        }}
        onDrop={onDrop}
      >
        {children}
        {dragging && (
          <div className="drop-hint" aria-hidden="true">
            Drop DICOM files, folders, a patient CD or a zip to import
          </div>
        )}
      </div>
      {phase && <ImportDialog state={phase} onCancel={cancel} onClose={() => setPhase(null)} />}
    </ImportContext.Provider>
  );
}
