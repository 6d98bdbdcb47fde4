import { useRef } from 'react';
import type { PresentationItem } from '../../../shared/contract/conference-schemas.ts';
import { recommendationLabel } from '../../../shared/conference/recommendations.ts';
import { useFitText } from './use-fit-text.ts';

interface Props {
  item: PresentationItem;
  number: number;
  hideIdentifiers: boolean;
}

/** The case on one slide, generated from its evaluation form. */
export function SummarySlide({ item, number, hideIdentifiers }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const scale = useFitText(ref, [item, hideIdentifiers]);
  const s = item.summary;
  const identity = [
    ...(hideIdentifiers ? [] : [s.patientName, s.mrn ? `MRN ${s.mrn}` : null]),
    s.ageSex,
  ].filter(Boolean);
  const dissents = item.decision?.votes.filter((v) => v.vote === 'dissent').length ?? 0;
  return (
    <div ref={ref} className="slide summary-slide" style={{ ['--fit' as string]: scale }}>
      <h1 className="slide-title">
        <span className="slide-number">{number}</span> {item.title}
      </h1>
      <p className="slide-identity" data-testid="slide-identity">
        {identity.join(' · ')}
      </p>
      {s.urgent.length > 0 && (
        <p className="slide-urgent" role="note">
          <strong>Urgent:</strong> {s.urgent.join('; ')}
        </p>
      )}
      <div className="summary-columns">
        <dl className="summary-lines">
          {s.lines.map((l) => (
            <div key={l.label}>
              <dt>{l.label}</dt>
              <dd>{l.text}</dd>
            </div>
          ))}
          {s.lines.length === 0 && <p>The evaluation form has no entries yet.</p>}
        </dl>
        <div className="summary-side">
          <section aria-label="Discussion flags">
            <h2>Discussion flags</h2>
            {s.flagGroups.length === 0 && <p>None raised by the form.</p>}
            {s.flagGroups.map((g) => (
              <div key={g.severity} className={`flag-group flag-${g.severity}`}>
                <h3>{g.label}</h3>
                <ul>
                  {g.flags.map((f) => (
                    <li key={f.id}>
                      <strong>{f.label}</strong> — {f.detail}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
          <section className="slide-question" aria-label="Question for the team">
            <h2>Question for the team</h2>
            <p>{s.question || 'No question given.'}</p>
          </section>
        </div>
      </div>
      {item.decision && (
        <p className="slide-decision" role="status">
          Decided: {recommendationLabel(item.decision.recommendation)}
          {dissents ? ` — ${dissents} dissent${dissents > 1 ? 's' : ''}` : ''}
        </p>
      )}
    </div>
  );
}
