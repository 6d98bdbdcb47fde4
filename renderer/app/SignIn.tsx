import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { signInInputSchema } from '../../shared/contract/schemas.ts';
import type { Discipline, User } from '../../shared/domain/user.ts';
import { DISCIPLINES, DISCIPLINE_LABELS } from '../../shared/domain/user.ts';
import { api } from '../api.ts';
import { useLoad } from './use-load.ts';
import { FieldError } from './FieldError.tsx';
import { fieldErrors } from './field-errors.ts';

interface Props {
  current: User | null;
  onSignedIn: (user: User) => void;
  onCancel: (() => void) | undefined;
}

/** Who is using the app: every audit row and form save names them. Conference PCs are shared. */
export function SignIn({ current, onSignedIn, onCancel }: Props) {
  const [known] = useLoad(() => api['session.knownUsers']({}), []);
  const [name, setName] = useState('');
  const [discipline, setDiscipline] = useState<Discipline | ''>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const nameId = useId();
  const disciplineId = useId();

  const signIn = async (input: { name: string; discipline: string }): Promise<void> => {
    const parsed = signInInputSchema.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    const result = await api['session.signIn'](parsed.data);
    if (result.ok) onSignedIn(result.value);
    else setFailure(result.error.message);
  };
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    void signIn({ name, discipline });
  };

  const others = known.state === 'ready' ? known.value.filter((u) => u.id !== current?.id) : [];
  return (
    <main className="sign-in">
      <h1>Spine Case Review</h1>
      <p className="lead">
        {current ? 'Switch user' : 'Who is reviewing? Your name is recorded with every change.'}
      </p>
      {others.length > 0 && (
        <section aria-labelledby="known-users">
          <h2 id="known-users">Continue as</h2>
          <ul className="known-users">
            {others.map((u) => (
              <li key={u.id}>
                <button type="button" onClick={() => void signIn({ name: u.name, discipline: u.discipline })}>
                  {u.name} <span className="muted">· {DISCIPLINE_LABELS[u.discipline]}</span>
                </button>
              </li>
            ))}
          </ul>
          <h2>Or someone new</h2>
        </section>
      )}
      <form onSubmit={onSubmit} noValidate className="form-stack">
        <label htmlFor={nameId}>Your name</label>
        <input
          id={nameId}
          value={name}
          autoFocus
          autoComplete="name"
          onChange={(e) => setName(e.target.value)}
          aria-invalid={!!errors.name}
          aria-describedby={errors.name ? `${nameId}-error` : undefined}
        />
        <FieldError id={`${nameId}-error`} message={errors.name} />
        <label htmlFor={disciplineId}>Discipline</label>
        <select
          id={disciplineId}
          value={discipline}
          onChange={(e) => setDiscipline(e.target.value as Discipline)}
          aria-invalid={!!errors.discipline}
          aria-describedby={errors.discipline ? `${disciplineId}-error` : undefined}
        >
          <option value="">Choose…</option>
          {DISCIPLINES.map((d) => (
            <option key={d} value={d}>
              {DISCIPLINE_LABELS[d]}
            </option>
          ))}
        </select>
        <FieldError
          id={`${disciplineId}-error`}
          message={errors.discipline ? 'Choose your discipline.' : undefined}
        />
        {failure && (
          <p role="alert" className="error-text">
            {failure}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button-primary">
            Continue
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
