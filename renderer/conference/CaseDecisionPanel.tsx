import { useId } from 'react';
import { api } from '../api.ts';
import { useLoad } from '../app/use-load.ts';
import { DecisionView } from './decision/DecisionView.tsx';
import { usePdfDownload } from './use-pdf-download.tsx';

/** On the case page: the conference's decision (votes, dissent, actions) and the case report PDF. */
export function CaseDecisionPanel({ caseId, version }: { caseId: number; version: string }) {
  const [decision] = useLoad(() => api['decision.current']({ caseId }), [caseId, version]);
  const { busy, make, paperSelect, status } = usePdfDownload();
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Conference decision</h2>
      {decision.state === 'error' && <p className="error-text">{decision.message}</p>}
      {decision.state === 'ready' &&
        (decision.value ? (
          <DecisionView decision={decision.value} />
        ) : (
          <p className="muted">No decision recorded yet. Decisions are recorded in a conference.</p>
        ))}
      <div className="button-row">
        {paperSelect}
        <button
          type="button"
          disabled={busy}
          onClick={() => void make((paper) => api['report.casePdf']({ caseId, paper }))}
        >
          Case report PDF
        </button>
      </div>
      {status}
    </section>
  );
}
