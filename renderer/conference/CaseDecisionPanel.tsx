import { useId, useState } from 'react';
import type { PaperSize } from '../../shared/contract/conference-schemas.ts';
import { PAPER_SIZES } from '../../shared/contract/conference-schemas.ts';
import { api } from '../api.ts';
import { useLoad } from '../app/use-load.ts';
import { DecisionView } from './decision/DecisionView.tsx';
import { downloadPdf } from './download-pdf.ts';

/** On the case page: the conference's decision (votes, dissent, actions) and the case report PDF. */
export function CaseDecisionPanel({ caseId, version }: { caseId: number; version: string }) {
  const [decision] = useLoad(() => api['decision.current']({ caseId }), [caseId, version]);
  const [paper, setPaper] = useState<PaperSize>('A4');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const id = useId();
  const report = async (): Promise<void> => {
    const r = await api['report.casePdf']({ caseId, paper });
    if (!r.ok) return setMessage({ error: true, text: r.error.message });
    downloadPdf(r.value);
    setMessage({ error: false, text: `${r.value.name} (${r.value.pages} pages) downloaded.` });
  };
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Conference decision</h2>
      {decision.state === 'error' && <p className="error-text">{decision.message}</p>}
      {decision.state === 'ready' &&
        (decision.value ? (
          <DecisionView decision={decision.value} />
        ) : (
          <p className="muted">No decision recorded yet. Decisions are recorded in a conference.</p>
        ))}
      <div className="button-row">
        <label htmlFor={id}>Paper</label>
        <select id={id} value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
          {PAPER_SIZES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void report()}>
          Case report PDF
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error-text' : 'muted'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
