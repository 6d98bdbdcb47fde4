import type { DiscussionFlag, FlagLevel } from '../../shared/evaluation/index.ts';
import { findField } from '../../shared/evaluation/index.ts';

interface Props {
  flags: readonly DiscussionFlag[];
  onJump: (fieldId: string) => void;
}

export const LEVEL_LABELS: Record<FlagLevel, string> = {
  urgent: 'Urgent',
  warning: 'Discuss',
  caution: 'Consider',
  info: 'Note',
};

/** One flag: what was found, the threshold checked and its primary source. */
export function FlagItem({ flag, onJump }: { flag: DiscussionFlag; onJump?: (fieldId: string) => void }) {
  const target = flag.fieldIds[0];
  return (
    <li className={`ev-flag ${flag.level}`} data-flag-id={flag.id}>
      <div className="ev-flag-head">
        <span className="ev-flag-severity">{LEVEL_LABELS[flag.level]}</span>
        <strong>{flag.label}</strong>
        {target && onJump && (
          <button type="button" className="button-quiet ev-link" onClick={() => onJump(target)}>
            {`Go to ${findField(target)?.label ?? 'field'}`}
          </button>
        )}
      </div>
      <dl className="ev-flag-meta">
        <div className="ev-flag-found">
          <dt>Found</dt>
          <dd>{flag.detail}</dd>
        </div>
        <div>
          <dt>Threshold</dt>
          <dd>{flag.threshold}</dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>{flag.source}</dd>
        </div>
      </dl>
    </li>
  );
}

/**
 * Prompts from published thresholds, each with its primary source — never verdicts. The list is
 * never cut into a scroll box: every flag is on the page.
 */
export function FlagsPanel({ flags, onJump }: Props) {
  return (
    <section className="ev-flags" aria-labelledby="ev-flags-heading">
      <h3 id="ev-flags-heading">Points for discussion{flags.length ? ` (${flags.length})` : ''}</h3>
      <p className="ev-help">
        Prompts from published thresholds for the team to talk through — not recommendations or decisions.
        Urgent: neurological red flags to act on now, not at the conference.
      </p>
      {flags.length === 0 ? (
        <p className="muted">None from the answers so far.</p>
      ) : (
        <ul className="ev-flag-list">
          {flags.map((f) => (
            <FlagItem key={f.id} flag={f} onJump={onJump} />
          ))}
        </ul>
      )}
    </section>
  );
}
