import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { HangingProtocol } from '../../../shared/viewer/hanging-protocol.ts';
import { BUILTIN_PROTOCOLS } from '../../../shared/viewer/protocols.ts';
import type { SavedLayout } from '../../../shared/viewer/viewer-types.ts';

interface Props {
  layouts: SavedLayout[];
  currentName: string;
  onApply: (p: HangingProtocol) => void;
  onSave: (name: string, makeDefault: boolean) => Promise<string | null>;
  onSetDefault: (id: number | null) => void;
  onDelete: (id: number) => void;
}

/** Choose a hanging (built-in or one of your own), save what is on screen as yours, pick your default. */
export function LayoutMenu({ layouts, currentName, onApply, onSave, onSetDefault, onDelete }: Props) {
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [makeDefault, setMakeDefault] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();
  const nameId = useId();
  const defaultId = useId();
  const mine = layouts.find((l) => l.name === currentName) ?? null;

  const choose = (value: string): void => {
    const builtin = BUILTIN_PROTOCOLS.find((p) => p.id === value);
    const saved = layouts.find((l) => `user:${l.id}` === value);
    if (builtin) onApply(builtin);
    else if (saved) onApply({ ...saved.protocol, id: `user:${saved.id}`, name: saved.name });
  };
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const problem = await onSave(name.trim(), makeDefault);
    setError(problem);
    if (!problem) setSaving(false);
  };
  const selected = mine
    ? `user:${mine.id}`
    : (BUILTIN_PROTOCOLS.find((p) => p.name === currentName)?.id ?? '');

  return (
    <div className="tb-group layout-menu" role="group" aria-label="Hanging layouts">
      <label htmlFor={selectId} className="visually-hidden">
        Hanging layout
      </label>
      <select id={selectId} value={selected} onChange={(e) => choose(e.target.value)}>
        {selected === '' && <option value="">Custom</option>}
        {BUILTIN_PROTOCOLS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        {layouts.map((l) => (
          <option key={l.id} value={`user:${l.id}`}>
            {l.name}
            {l.isDefault ? ' (my default)' : ''}
          </option>
        ))}
      </select>
      {mine && !mine.isDefault && (
        <button type="button" onClick={() => onSetDefault(mine.id)}>
          Make default
        </button>
      )}
      {mine && (
        <button type="button" className="button-quiet" onClick={() => onDelete(mine.id)}>
          Delete layout
        </button>
      )}
      {!mine && layouts.some((l) => l.isDefault) && (
        <button
          type="button"
          className="button-quiet"
          onClick={() => onSetDefault(null)}
          title="Open cases with the standard hanging again"
        >
          Use standard by default
        </button>
      )}
      {saving ? (
        <form className="layout-save" onSubmit={(e) => void submit(e)}>
          <label htmlFor={nameId}>Name</label>
          <input
            id={nameId}
            autoFocus
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setSaving(false);
              e.stopPropagation();
            }}
          />
          <label htmlFor={defaultId} className="checkbox">
            <input
              id={defaultId}
              type="checkbox"
              checked={makeDefault}
              onChange={(e) => setMakeDefault(e.target.checked)}
            />{' '}
            open cases with it
          </label>
          <button type="submit" className="button-primary">
            Save
          </button>
          <button type="button" onClick={() => setSaving(false)}>
            Cancel
          </button>
          {error && (
            <span role="alert" className="error-text">
              {error}
            </span>
          )}
        </form>
      ) : (
        <button
          type="button"
          onClick={() => setSaving(true)}
          title="Save the current layout and series choice as your own"
        >
          Save layout…
        </button>
      )}
    </div>
  );
}
