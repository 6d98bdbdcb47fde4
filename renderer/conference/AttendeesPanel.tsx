import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { addAttendeeInputSchema } from '../../shared/contract/conference-schemas.ts';
import type { Attendee, AttendeeRole } from '../../shared/conference/types.ts';
import { ATTENDEE_ROLES, ATTENDEE_ROLE_LABELS } from '../../shared/conference/types.ts';
import type { Discipline } from '../../shared/domain/user.ts';
import { DISCIPLINES, DISCIPLINE_LABELS } from '../../shared/domain/user.ts';
import { api } from '../api.ts';
import { fieldErrors } from '../app/field-errors.ts';
import { FieldError } from '../app/FieldError.tsx';

interface Props {
  conferenceId: number;
  attendees: Attendee[];
  onChanged: (attendees: Attendee[]) => void;
}

export function AttendeesPanel({ conferenceId, attendees, onChanged }: Props) {
  const [name, setName] = useState('');
  const [discipline, setDiscipline] = useState<Discipline>('spine-surgery');
  const [role, setRole] = useState<AttendeeRole>('member');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const ids = { heading: useId(), name: useId(), discipline: useId(), role: useId() };

  const add = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const parsed = addAttendeeInputSchema.safeParse({ conferenceId, name, discipline, role });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    const r = await api['conference.addAttendee'](parsed.data);
    if (!r.ok) return setMessage(r.error.message);
    setMessage(null);
    setName('');
    onChanged(r.value);
  };
  const remove = async (a: Attendee): Promise<void> => {
    const r = await api['conference.removeAttendee']({ attendeeId: a.id });
    if (r.ok) onChanged(r.value);
    else setMessage(r.error.message);
  };

  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>Attendees ({attendees.length})</h2>
      {attendees.length === 0 ? (
        <p className="muted">No attendees yet.</p>
      ) : (
        <ul className="attendee-list">
          {attendees.map((a) => (
            <li key={a.id}>
              <span className="attendee-name">{a.name}</span>
              <span className="muted">
                {DISCIPLINE_LABELS[a.discipline]}
                {a.role !== 'member' ? ` · ${ATTENDEE_ROLE_LABELS[a.role]}` : ''}
              </span>
              <button
                type="button"
                className="button-quiet"
                aria-label={`Remove ${a.name}`}
                onClick={() => void remove(a)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="attendee-form" aria-label="Add an attendee" onSubmit={(e) => void add(e)} noValidate>
        <div className="field">
          <label htmlFor={ids.name}>Name</label>
          <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          <FieldError id={`${ids.name}-error`} message={errors.name} />
        </div>
        <div className="field">
          <label htmlFor={ids.discipline}>Discipline</label>
          <select
            id={ids.discipline}
            value={discipline}
            onChange={(e) => setDiscipline(e.target.value as Discipline)}
          >
            {DISCIPLINES.map((d) => (
              <option key={d} value={d}>
                {DISCIPLINE_LABELS[d]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.role}>Role</label>
          <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value as AttendeeRole)}>
            {ATTENDEE_ROLES.map((r) => (
              <option key={r} value={r}>
                {ATTENDEE_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Add attendee</button>
      </form>
      {message && (
        <p role="alert" className="error-text">
          {message}
        </p>
      )}
    </section>
  );
}
