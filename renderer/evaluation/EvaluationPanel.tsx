import { useState } from 'react';
import type { CaseRecord } from '../../shared/domain/case.ts';
import type { DiscussionFlag } from '../../shared/evaluation/index.ts';
import { api } from '../api.ts';
import { useLoad } from '../app/use-load.ts';
import { EvaluationEditor } from './EvaluationEditor.tsx';

interface Props {
  caseId: number;
  /** Called when the case itself changed here (reopened). */
  onCaseChanged: (c: CaseRecord) => void;
  /** Called after each autosave lands. */
  onSaved?: () => void;
  /** The live flags of the evaluation (urgent ones go to the top of the case). */
  onFlags?: (flags: readonly DiscussionFlag[]) => void;
}

/** The case's structured evaluation, loaded once per case; "load the newer version" reloads it. */
export function EvaluationPanel({ caseId, onCaseChanged, onSaved, onFlags }: Props) {
  const [loads, setLoads] = useState(0);
  const [loaded] = useLoad(() => api['evaluation.get']({ caseId }), [caseId, loads]);
  return (
    <section className="panel evaluation" aria-labelledby="evaluation-heading">
      {loaded.state === 'loading' && (
        <>
          <h2 id="evaluation-heading">Evaluation</h2>
          <p className="muted">Loading the evaluation…</p>
        </>
      )}
      {loaded.state === 'error' && (
        <>
          <h2 id="evaluation-heading">Evaluation</h2>
          <p role="alert" className="error-text">
            {loaded.message}
          </p>
        </>
      )}
      {loaded.state === 'ready' && (
        <EvaluationEditor
          key={`${loaded.value.version}/${loads}`}
          initial={loaded.value}
          onReload={() => setLoads((n) => n + 1)}
          onCaseChanged={onCaseChanged}
          onSaved={onSaved}
          onFlags={onFlags}
        />
      )}
    </section>
  );
}
