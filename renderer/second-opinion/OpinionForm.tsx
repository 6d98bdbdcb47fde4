import { useId, useState } from 'react';
import type { OpinionDraft } from '../../shared/second-opinion/opinion.ts';
import { AGREEMENTS, EMPTY_OPINION, RECOMMENDATIONS } from '../../shared/second-opinion/opinion.ts';

interface Props {
  initial: OpinionDraft | null;
  disabled: boolean;
  onSave: (opinion: OpinionDraft) => Promise<string | null>;
}

/** The reviewer's opinion: agreement, a recommendation from the team decision's categories, rationale, signature. */
export function OpinionForm({ initial, disabled, onSave }: Props) {
  const [draft, setDraft] = useState<OpinionDraft>(initial ?? EMPTY_OPINION);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const ids = { rec: useId(), rationale: useId(), name: useId(), creds: useId() };
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial ?? EMPTY_OPINION);
  const save = async (): Promise<void> => {
    const error = await onSave(draft);
    setMessage(error ? { error: true, text: error } : { error: false, text: 'Opinion saved.' });
  };
  return (
    <form
      className="opinion-form"
      aria-label="Your second opinion"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset disabled={disabled}>
        <legend>Agreement with the sender’s working plan</legend>
        <div className="choice-row">
          {AGREEMENTS.map((a) => (
            <label key={a.code} className="check">
              <input
                type="radio"
                name="agreement"
                value={a.code}
                checked={draft.agreement === a.code}
                onChange={() => setDraft({ ...draft, agreement: a.code })}
              />
              {a.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={ids.rec}>Recommendation</label>
        <select
          id={ids.rec}
          disabled={disabled}
          value={draft.recommendation ?? ''}
          onChange={(e) => setDraft({ ...draft, recommendation: e.target.value || null })}
        >
          <option value="">— choose —</option>
          {RECOMMENDATIONS.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.rationale}>Rationale</label>
        <textarea
          id={ids.rationale}
          rows={6}
          disabled={disabled}
          maxLength={8000}
          value={draft.rationale}
          onChange={(e) => setDraft({ ...draft, rationale: e.target.value })}
        />
      </div>
      <div className="field-pair">
        <div className="field">
          <label htmlFor={ids.name}>Your name</label>
          <input
            id={ids.name}
            disabled={disabled}
            value={draft.reviewer.name}
            onChange={(e) => setDraft({ ...draft, reviewer: { ...draft.reviewer, name: e.target.value } })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.creds}>Credentials and institution</label>
          <input
            id={ids.creds}
            disabled={disabled}
            value={draft.reviewer.credentials}
            onChange={(e) =>
              setDraft({ ...draft, reviewer: { ...draft.reviewer, credentials: e.target.value } })
            }
          />
        </div>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error-text' : ''}>
          {message.text}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={disabled || !dirty}>
          Save opinion
        </button>
      </div>
    </form>
  );
}
