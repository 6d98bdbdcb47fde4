import type { DecisionVote, Vote } from '../../../shared/conference/types.ts';
import { VOTES, VOTE_LABELS } from '../../../shared/conference/types.ts';
import { DISCIPLINE_LABELS } from '../../../shared/domain/user.ts';

/** Each attendee agrees, dissents (with a note saying why) or abstains. */
export function VotesEditor({
  votes,
  onChange,
}: {
  votes: DecisionVote[];
  onChange: (v: DecisionVote[]) => void;
}) {
  const update = (i: number, patch: Partial<DecisionVote>): void =>
    onChange(votes.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  if (votes.length === 0)
    return <p className="muted">No attendees are listed for this conference, so no votes are recorded.</p>;
  return (
    <fieldset className="votes">
      <legend>Attendees</legend>
      {votes.map((v, i) => (
        <div key={v.name} className="vote-row">
          <span className="vote-name">
            {v.name} <span className="muted">{DISCIPLINE_LABELS[v.discipline]}</span>
          </span>
          <select
            aria-label={`${v.name}: position`}
            value={v.vote}
            onChange={(e) => update(i, { vote: e.target.value as Vote })}
          >
            {VOTES.map((x) => (
              <option key={x} value={x}>
                {VOTE_LABELS[x]}
              </option>
            ))}
          </select>
          <input
            aria-label={`${v.name}: note`}
            placeholder={v.vote === 'dissent' ? 'Why (required)' : 'Note'}
            value={v.note}
            onChange={(e) => update(i, { note: e.target.value })}
          />
        </div>
      ))}
    </fieldset>
  );
}
