import { useState } from 'react';
import type { FormEvent } from 'react';
import { updateConferenceInputSchema } from '../../shared/contract/conference-schemas.ts';
import type { Conference } from '../../shared/conference/types.ts';
import { api } from '../api.ts';
import { fieldErrors } from '../app/field-errors.ts';
import type { ConferenceFieldValues } from './ConferenceFields.tsx';
import { ConferenceFields } from './ConferenceFields.tsx';

export function ConferenceDetailsForm({
  conference,
  onSaved,
}: {
  conference: Conference;
  onSaved: (c: Conference) => void;
}) {
  const [value, setValue] = useState<ConferenceFieldValues>({
    title: conference.title,
    date: conference.date,
    location: conference.location,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const dirty =
    value.title !== conference.title ||
    value.date !== conference.date ||
    value.location !== conference.location;
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const parsed = updateConferenceInputSchema.safeParse({ conferenceId: conference.id, ...value });
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
        <ConferenceFields value={value} errors={errors} onChange={setValue} />
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
