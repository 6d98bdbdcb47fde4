import { ModalDialog } from '../app/ModalDialog.tsx';
import type { FileProblem } from '../../shared/imaging/import-progress.ts';
import type { ImportPhase } from './run-import.ts';

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

function ProblemList({ title, items }: { title: string; items: FileProblem[] }) {
  if (!items.length) return null;
  return (
    <details open={items.length <= 10} className="problem-list">
      <summary>
        {title} ({items.length})
      </summary>
      <ul>
        {items.map((f, i) => (
          <li key={i}>
            <span className="mono">{f.path}</span> — {f.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

interface Props {
  state: ImportPhase;
  onCancel: () => void;
  onClose: () => void;
}

/** Modal progress and summary of one import. */
export function ImportDialog({ state, onCancel, onClose }: Props) {
  const done = state.phase === 'finished' || state.phase === 'error';
  return (
    <ModalDialog title="Import imaging" className="import-dialog" onEscape={() => done && onClose()}>
      {state.phase === 'uploading' && (
        <div role="status">
          <p>
            Copying files: {state.upload.filesDone} of {state.upload.filesTotal} ({mb(state.upload.bytesDone)}{' '}
            of {mb(state.upload.bytesTotal)})
          </p>
          <progress max={state.upload.bytesTotal || 1} value={state.upload.bytesDone} />
        </div>
      )}
      {state.phase === 'importing' && (
        <div role="status">
          {state.progress ? (
            <>
              <p>
                Reading files: {state.progress.filesDone} of {state.progress.filesFound}
                {state.progress.discovering ? '+' : ''} · {state.progress.megabytesPerSecond.toFixed(0)} MB/s
                {state.progress.etaSeconds !== null ? ` · about ${state.progress.etaSeconds} s left` : ''}
              </p>
              <progress max={state.progress.filesFound || 1} value={state.progress.filesDone} />
            </>
          ) : (
            <p>Starting…</p>
          )}
        </div>
      )}
      {state.phase === 'finished' && (
        <div role="status" className="import-summary">
          <p className="summary-line">
            {state.progress.state === 'cancelled'
              ? 'Import cancelled. '
              : state.progress.state === 'failed'
                ? 'Import stopped. '
                : ''}
            <strong>{state.progress.imported}</strong> imported · <strong>{state.progress.duplicates}</strong>{' '}
            already stored · <strong>{state.progress.skipped}</strong> skipped (not images) ·{' '}
            <strong className={state.progress.failed.length ? 'error-text' : ''}>
              {state.progress.failed.length}
            </strong>{' '}
            could not be read
          </p>
          {state.progress.error && <p className="error-text">{state.progress.error}</p>}
          <ProblemList title="Could not be read" items={state.progress.failed} />
          <ProblemList title="Conflicts (original kept)" items={state.progress.conflicts} />
          <ProblemList title="Imported with warnings" items={state.progress.warnings} />
        </div>
      )}
      {state.phase === 'error' && (
        <p role="alert" className="error-text">
          {state.message}
        </p>
      )}
      <div className="button-row">
        {done ? (
          <button type="button" className="button-primary" autoFocus onClick={onClose}>
            Close
          </button>
        ) : (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
