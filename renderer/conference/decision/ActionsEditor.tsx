import { useRef } from 'react';
import type { DecisionDraft } from './decision-draft.ts';

type Action = DecisionDraft['actions'][number];

/** Follow-up actions, each with an owner and a due date. */
export function ActionsEditor({ actions, onChange }: { actions: Action[]; onChange: (a: Action[]) => void }) {
  const next = useRef(actions.length);
  const update = (key: string, patch: Partial<Action>): void =>
    onChange(actions.map((a) => (a.key === key ? { ...a, ...patch } : a)));
  return (
    <fieldset className="actions-editor">
      <legend>Follow-up actions</legend>
      {actions.map((a, i) => (
        <div key={a.key} className="action-row">
          <input
            aria-label={`Action ${i + 1}`}
            placeholder="Action"
            value={a.action}
            onChange={(e) => update(a.key, { action: e.target.value })}
          />
          <input
            aria-label={`Action ${i + 1}: owner`}
            placeholder="Owner"
            value={a.owner}
            onChange={(e) => update(a.key, { owner: e.target.value })}
          />
          <input
            aria-label={`Action ${i + 1}: due`}
            type="date"
            value={a.due}
            onChange={(e) => update(a.key, { due: e.target.value })}
          />
          <button
            type="button"
            className="button-quiet"
            onClick={() => onChange(actions.filter((x) => x.key !== a.key))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange([...actions, { key: `new${(next.current += 1)}`, action: '', owner: '', due: '' }])
        }
      >
        Add action
      </button>
    </fieldset>
  );
}
