import { useId } from 'react';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** 'new': a password being chosen (browsers may offer to generate one); 'existing': one being typed in. */
  purpose: 'new' | 'existing';
}

/** A bundle password: one labelled field, never remembered by the browser for an existing one. */
export function PasswordField({ label, value, onChange, purpose }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete={purpose === 'new' ? 'new-password' : 'off'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
