import { useId, useRef } from 'react';
import { desktop } from './desktop.ts';
import { useImports } from './import-context.ts';
import { fromFileList } from './picked-files.ts';

/**
 * "Import imaging": native dialogs in Electron; in the browser host, a file picker and a folder
 * picker whose files are uploaded (the browser cannot give the server a path).
 */
export function ImportButton({ caseId, label = 'Import imaging' }: { caseId?: number; label?: string }) {
  const imports = useImports();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const id = useId();
  const bridge = desktop();

  const choose = (kind: 'files' | 'folder'): void => {
    if (bridge) {
      void bridge
        .chooseImportSources(kind)
        .then((paths) => paths.length && imports.start({ kind: 'paths', paths }, caseId));
      return;
    }
    (kind === 'files' ? filesInput : folderInput).current?.click();
  };
  const picked = (list: FileList | null, input: HTMLInputElement | null): void => {
    const files = fromFileList(list);
    if (input) input.value = '';
    if (files.length) imports.start({ kind: 'files', files }, caseId);
  };

  return (
    <span className="import-buttons" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="import-label">
        {label}:
      </span>
      <button type="button" onClick={() => choose('folder')}>
        Folder or CD…
      </button>
      <button type="button" onClick={() => choose('files')}>
        Files or zip…
      </button>
      <input
        ref={filesInput}
        type="file"
        multiple
        hidden
        data-testid={`${id}-files`}
        aria-label={`${label}: files or zip`}
        onChange={(e) => picked(e.target.files, e.target)}
      />
      <input
        ref={folderInput}
        type="file"
        hidden
        aria-label={`${label}: folder`}
        {...{ webkitdirectory: '', directory: '' }}
        onChange={(e) => picked(e.target.files, e.target)}
      />
    </span>
  );
}
