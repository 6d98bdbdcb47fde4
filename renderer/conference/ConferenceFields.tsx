import { useId } from 'react';
import { FieldError } from '../app/FieldError.tsx';

export interface ConferenceFieldValues {
  title: string;
  date: string;
  location: string;
}

/** Title, date and location of a conference, with their errors (new conference and its details). */
export function ConferenceFields({
  value,
  errors,
  onChange,
}: {
  value: ConferenceFieldValues;
  errors: Record<string, string>;
  onChange: (v: ConferenceFieldValues) => void;
}) {
  const ids = { title: useId(), date: useId(), location: useId() };
  const field = (key: keyof ConferenceFieldValues, label: string, type: 'text' | 'date') => (
    <div className="field">
      <label htmlFor={ids[key]}>{label}</label>
      <input
        id={ids[key]}
        type={type}
        value={value[key]}
        aria-invalid={errors[key] ? true : undefined}
        onChange={(e) => onChange({ ...value, [key]: e.target.value })}
      />
      <FieldError id={`${ids[key]}-error`} message={errors[key]} />
    </div>
  );
  return (
    <>
      {field('title', 'Title', 'text')}
      {field('date', 'Date', 'date')}
      {field('location', 'Location', 'text')}
    </>
  );
}
