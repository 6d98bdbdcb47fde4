import { useEffect, useState } from 'react';
import type { SecondOpinionState } from '../../shared/contract/second-opinion-schemas.ts';
import { api } from '../api.ts';
import { useLoad } from '../app/use-load.ts';
import { ReviewerView } from './ReviewerView.tsx';
import { SenderView } from './SenderView.tsx';

interface Props {
  caseId: number;
  readOnly: boolean;
  onChanged: () => void;
}

/** The case page's second-opinion section: sender or reviewer, whichever this case is here. */
export function SecondOpinionPanel({ caseId, readOnly, onChanged }: Props) {
  const [loaded, reload] = useLoad(() => api['secondOpinion.state']({ caseId }), [caseId]);
  const [state, setState] = useState<SecondOpinionState | null>(null);
  useEffect(() => {
    if (loaded.state === 'ready') setState(loaded.value);
  }, [loaded]);
  const changed = (): void => {
    reload();
    onChanged();
  };
  return (
    <section className="panel second-opinion" aria-labelledby="second-opinion-heading">
      <h2 id="second-opinion-heading">Second opinion</h2>
      {loaded.state === 'error' && (
        <p role="alert" className="error-text">
          {loaded.message}
        </p>
      )}
      {state &&
        (state.role === 'reviewer' ? (
          <ReviewerView
            state={state}
            onChanged={(next) => {
              setState(next);
              onChanged();
            }}
          />
        ) : (
          <SenderView state={state} readOnly={readOnly} onChanged={changed} />
        ))}
    </section>
  );
}
