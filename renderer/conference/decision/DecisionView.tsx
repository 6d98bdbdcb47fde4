import {
  INVESTIGATION_OPTIONS,
  NON_OPERATIVE_OPTIONS,
  optionLabel,
  recommendationLabel,
} from '../../../shared/conference/recommendations.ts';
import type { DecisionRecord } from '../../../shared/conference/types.ts';
import { VOTE_LABELS } from '../../../shared/conference/types.ts';
import { DISCIPLINE_LABELS } from '../../../shared/domain/user.ts';

/** A recorded decision as the minutes state it. */
export function DecisionView({ decision: d }: { decision: DecisionRecord }) {
  const rows: [string, string][] = [
    ['Recommendation', recommendationLabel(d.recommendation)],
    ['Planned procedure', d.plannedProcedure],
    ['Modification', d.modification],
    ['Non-operative care', d.nonOperativePlan.map((c) => optionLabel(NON_OPERATIVE_OPTIONS, c)).join('; ')],
    ['Investigations', d.investigations.map((c) => optionLabel(INVESTIGATION_OPTIONS, c)).join('; ')],
    ['Refer to', d.referTo],
    ['Details', d.details],
    ['Rationale', d.rationale],
  ];
  return (
    <div className="decision-view">
      <dl>
        {rows
          .filter(([, text]) => text)
          .map(([label, text]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{text}</dd>
            </div>
          ))}
      </dl>
      {d.votes.length > 0 && (
        <ul className="vote-list">
          {d.votes.map((v) => (
            <li key={v.name}>
              {v.name} ({DISCIPLINE_LABELS[v.discipline]}): {VOTE_LABELS[v.vote]}
              {v.note ? ` — ${v.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      {d.actions.length > 0 && (
        <ul className="action-list">
          {d.actions.map((a, i) => (
            <li key={i}>
              {a.action} — {a.owner || 'no owner'}, due {a.due ?? 'no date'}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        Recorded by {d.decidedBy}, {d.decidedAt.slice(0, 16).replace('T', ' ')} UTC
      </p>
    </div>
  );
}
