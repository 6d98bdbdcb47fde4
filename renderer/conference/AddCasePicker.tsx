import { useId, useState } from 'react';
import { api } from '../api.ts';
import { useLoad } from '../app/use-load.ts';

/** Choose a case (not archived, not yet on the agenda) and add it at the end. */
export function AddCasePicker({
  exclude,
  onAdd,
}: {
  exclude: number[];
  onAdd: (caseId: number) => Promise<void>;
}) {
  const [cases] = useLoad(() => api['cases.list']({}), []);
  const [chosen, setChosen] = useState('');
  const selectId = useId();
  const offered = cases.state === 'ready' ? cases.value.filter((c) => !exclude.includes(c.id)) : [];
  return (
    <div className="button-row">
      <label htmlFor={selectId}>Add a case</label>
      <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{offered.length ? 'Choose a case…' : 'No other cases'}</option>
        {offered.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
            {c.mrn ? ` — MRN ${c.mrn}` : ''}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!chosen}
        onClick={() => {
          // Cleared now, not after the answer: a case chosen meanwhile must not be lost.
          setChosen('');
          void onAdd(Number(chosen));
        }}
      >
        Add to agenda
      </button>
    </div>
  );
}
