import { useState } from 'react';
import type { FormEvent } from 'react';
import { createConferenceInputSchema } from '../../shared/contract/conference-schemas.ts';
import { todayIso } from '../../shared/domain/dates.ts';
import { api } from '../api.ts';
import { fieldErrors } from '../app/field-errors.ts';
import { navigate } from '../app/route.ts';
import { useLoad } from '../app/use-load.ts';
import type { ConferenceFieldValues } from './ConferenceFields.tsx';
import { ConferenceFields } from './ConferenceFields.tsx';

export function ConferenceListPage() {
  const [list] = useLoad(() => api['conference.list']({}), []);
  const [creating, setCreating] = useState(false);
  return (
    <section className="page" aria-labelledby="conferences-heading">
      <div className="page-header">
        <h1 id="conferences-heading">Conferences</h1>
        <span className="spacer" />
        {!creating && (
          <button type="button" className="button-primary" onClick={() => setCreating(true)}>
            New conference
          </button>
        )}
      </div>
      {creating && <NewConferenceForm onCancel={() => setCreating(false)} />}
      {list.state === 'loading' && <p className="muted">Loading conferences…</p>}
      {list.state === 'error' && (
        <p role="alert" className="error-text">
          {list.message}
        </p>
      )}
      {list.state === 'ready' &&
        (list.value.length === 0 ? (
          <p className="muted">No conferences yet. Create one, add its attendees and cases.</p>
        ) : (
          <table className="case-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Conference</th>
                <th scope="col">Location</th>
                <th scope="col">Cases</th>
                <th scope="col">Attendees</th>
              </tr>
            </thead>
            <tbody>
              {list.value.map((c) => (
                <tr key={c.id}>
                  <td>{c.date}</td>
                  <td>
                    <a href={`#/conferences/${c.id}`}>{c.title}</a>
                  </td>
                  <td>{c.location || '—'}</td>
                  <td>{c.caseCount}</td>
                  <td>{c.attendeeCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}

function NewConferenceForm({ onCancel }: { onCancel: () => void }) {
  const [value, setValue] = useState<ConferenceFieldValues>({
    title: 'Spine conference',
    date: todayIso(),
    location: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const parsed = createConferenceInputSchema.safeParse(value);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    const r = await api['conference.create'](parsed.data);
    if (r.ok) navigate({ page: 'conference', id: r.value.id });
    else setMessage(r.error.message);
  };
  return (
    <form className="panel" aria-label="New conference" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field-row">
        <ConferenceFields value={value} errors={errors} onChange={setValue} />
      </div>
      {message && (
        <p role="alert" className="error-text">
          {message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button-primary">
          Create conference
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
