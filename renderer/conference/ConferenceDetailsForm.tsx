import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { updateConferenceInputSchema } from '../../shared/contract/conference-schemas.ts';
import type { Conference } from '../../shared/conference/types.ts';
import { api } from '../api.ts';
import { fieldErrors } from '../app/field-errors.ts';
import { FieldError } from '../app/FieldError.tsx';

export function ConferenceDetailsForm({
  conference,
  onSaved,
}: {
  conference: Conference;
  onSaved: (c: Conference) => void;
}) {
  const [title, setTitle] = useState(conference.title);
  const [date, setDate] = useState(conference.date);
  const [location, setLocation] = useState(conference.location);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const ids = { title: useId(), date: useId(), location: useId() };
  const dirty = title !== conference.title || date !== conference.date || location !== conference.location;
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const parsed = updateConferenceInputSchema.safeParse({
      conferenceId: conference.id,
      title,
      date,
      location,
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    const r = await api['conference.update'](parsed.data);
    if (r.ok) onSaved(r.value);
    else setMessage(r.error.message);
  };
  return (
    <form className="panel" aria-label="Conference details" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.title}>Title</label>
          <input id={ids.title} value={title} onChange={(e) => setTitle(e.target.value)} />
          <FieldError id={`${ids.title}-error`} message={errors.title} />
        </div>
        <div className="field">
          <label htmlFor={ids.date}>Date</label>
          <input id={ids.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          <FieldError id={`${ids.date}-error`} message={errors.date} />
        </div>
        <div className="field">
          <label htmlFor={ids.location}>Location</label>
          <input id={ids.location} value={location} onChange={(e) => setLocation(e.target.value)} />
          <FieldError id={`${ids.location}-error`} message={errors.location} />
        </div>
        <button type="submit" className="button-primary" disabled={!dirty}>
          Save details
        </button>
      </div>
      {message && (
        <p role="alert" className="error-text">
          {message}
        </p>
      )}
    </form>
  );
}
