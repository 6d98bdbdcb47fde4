import type { EvaluationAuthor } from '../../shared/contract/evaluation-schemas.ts';
import { saveStatusText } from './save-status.ts';
import type { useAutosave } from './use-autosave.ts';

interface Props {
  autosave: ReturnType<typeof useAutosave>;
  lastSaved: { at: string; by: EvaluationAuthor } | null;
  onKeepMine: () => void;
  onReload: () => void;
}

/**
 * "Saved · 10:42 by Dr X", "Saving…" or "Not saved: why" with what can be done about it.
 * After a CONFLICT the user chooses: keep their changes (merged into the newer version, which
 * stays in the history) or load the newer version instead.
 */
export function SaveStatus({ autosave, lastSaved, onKeepMine, onReload }: Props) {
  const { state } = autosave;
  return (
    <div className={`ev-save-status ${state.kind}`}>
      <span role="status" aria-live="polite">
        {saveStatusText(state, lastSaved)}
      </span>
      {state.kind === 'error' && state.code === 'CONFLICT' && (
        <>
          <button
            type="button"
            title="Your changes are added to the newer version; where you both changed a field, yours is kept"
            onClick={onKeepMine}
          >
            Keep my changes
          </button>
          <button type="button" onClick={onReload}>
            Load their version
          </button>
        </>
      )}
      {state.kind === 'error' && state.code !== 'CONFLICT' && state.code !== 'READ_ONLY' && (
        <button type="button" onClick={() => void autosave.retry()}>
          Retry
        </button>
      )}
    </div>
  );
}
