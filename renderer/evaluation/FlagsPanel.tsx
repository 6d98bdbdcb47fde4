import type { DiscussionFlag } from '../../shared/evaluation/index.ts';
import { findField } from '../../shared/evaluation/index.ts';

interface Props {
  flags: readonly DiscussionFlag[];
  onJump: (fieldId: string) => void;
}

const SEVERITY_LABELS = { warning: 'Discuss', caution: 'Consider', info: 'Note' } as const;

/** Discussion prompts from the literature thresholds (primary sources listed with each) — never verdicts. */
export function FlagsPanel({ flags, onJump }: Props) {
  return (
    <section className="ev-flags" aria-labelledby="ev-flags-heading">
      <h3 id="ev-flags-heading">Points for discussion</h3>
      <p className="ev-help">
        Prompts from published thresholds for the team to talk through — not recommendations or decisions.
      </p>
      {flags.length === 0 ? (
        <p className="muted">None from the answers so far.</p>
      ) : (
        <ul className="ev-flag-list">
          {flags.map((f) => (
            <li key={f.id} className={`ev-flag ${f.severity}`}>
              <div className="ev-flag-head">
                <span className="ev-flag-severity">{SEVERITY_LABELS[f.severity]}</span>
                <strong>{f.label}</strong>
                {f.fieldIds[0] && (
                  <button
                    type="button"
                    className="button-quiet ev-link"
                    onClick={() => onJump(f.fieldIds[0] ?? '')}
                  >
                    {`Go to ${findField(f.fieldIds[0])?.label ?? 'field'}`}
                  </button>
                )}
              </div>
              <dl className="ev-flag-meta">
                <div className="ev-flag-found">
                  <dt>Found</dt>
                  <dd>{f.detail}</dd>
                </div>
                <div>
                  <dt>Threshold</dt>
                  <dd>{f.threshold}</dd>
                </div>
                <div>
                  <dt>Source</dt>
                  <dd>{f.source}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
