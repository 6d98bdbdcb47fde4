import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { recordDecisionInputSchema } from '../../../shared/contract/conference-schemas.ts';
import {
  INVESTIGATION_OPTIONS,
  NON_OPERATIVE_OPTIONS,
  RECOMMENDATION_OPTIONS,
} from '../../../shared/conference/recommendations.ts';
import type { Attendee, DecisionRecord } from '../../../shared/conference/types.ts';
import type { ChoiceOption } from '../../../shared/evaluation/types.ts';
import { api } from '../../api.ts';
import { ActionsEditor } from './ActionsEditor.tsx';
import type { DecisionDraft } from './decision-draft.ts';
import { draftToInput, initialDraft } from './decision-draft.ts';
import { VotesEditor } from './VotesEditor.tsx';

interface Props {
  conferenceId: number;
  caseId: number;
  attendees: Attendee[];
  previous: DecisionRecord | null;
  onCancel: () => void;
  onSaved: () => void;
}

function Checkboxes({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: readonly ChoiceOption[];
  value: string[];
  onChange: (codes: string[]) => void;
}) {
  return (
    <fieldset className="choice-grid">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.code}>
          <input
            type="checkbox"
            checked={value.includes(o.code)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, o.code] : value.filter((c) => c !== o.code))
            }
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Recommendation, plan, rationale, each attendee's agreement or dissent, and follow-up actions. */
export function DecisionForm({ conferenceId, caseId, attendees, previous, onCancel, onSaved }: Props) {
  const [d, setD] = useState<DecisionDraft>(() => initialDraft(attendees, previous));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const set = (patch: Partial<DecisionDraft>): void => setD((cur) => ({ ...cur, ...patch }));
  const r = d.recommendation;
  const text = (key: 'plannedProcedure' | 'modification' | 'details' | 'rationale', label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <textarea
        id={`${id}-${key}`}
        rows={2}
        value={d[key]}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </div>
  );

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const parsed = recordDecisionInputSchema.safeParse(draftToInput(d, caseId, conferenceId));
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => i.message).join(' '));
      return;
    }
    setSaving(true);
    const result = await api['decision.record'](parsed.data);
    setSaving(false);
    if (result.ok) onSaved();
    else setProblem(result.error.message);
  };

  return (
    <form
      className="decision-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="Record the decision"
    >
      <fieldset className="choice-grid">
        <legend>Recommendation</legend>
        {RECOMMENDATION_OPTIONS.map((o) => (
          <label key={o.code}>
            <input
              type="radio"
              name={`${id}-recommendation`}
              value={o.code}
              checked={r === o.code}
              onChange={() => set({ recommendation: o.code })}
            />{' '}
            {o.label}
          </label>
        ))}
      </fieldset>
      {(r === 'proceed' || r === 'modified') && text('plannedProcedure', 'Planned procedure')}
      {r === 'modified' && text('modification', 'How the plan is modified')}
      {r === 'nonOperative' && (
        <Checkboxes
          legend="Non-operative care"
          options={NON_OPERATIVE_OPTIONS}
          value={d.nonOperativePlan}
          onChange={(nonOperativePlan) => set({ nonOperativePlan })}
        />
      )}
      {r === 'investigate' && (
        <Checkboxes
          legend="Investigations"
          options={INVESTIGATION_OPTIONS}
          value={d.investigations}
          onChange={(investigations) => set({ investigations })}
        />
      )}
      {(r === 'refer' || r === 'secondOpinion' || r === 'trial') && (
        <div className="field">
          <label htmlFor={`${id}-referTo`}>Refer to</label>
          <input id={`${id}-referTo`} value={d.referTo} onChange={(e) => set({ referTo: e.target.value })} />
        </div>
      )}
      {(r === 'nonOperative' || r === 'investigate' || r === 'trial') &&
        text('details', 'Details of the plan')}
      {text('rationale', 'Rationale')}
      <VotesEditor votes={d.votes} onChange={(votes) => set({ votes })} />
      <ActionsEditor actions={d.actions} onChange={(actions) => set({ actions })} />
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={saving}>
          Save decision
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
