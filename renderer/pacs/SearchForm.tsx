import { useState } from 'react';
import type { FormEvent } from 'react';
import type { StudyQuery } from '../../shared/contract/pacs-schemas.ts';
import { studyQuerySchema } from '../../shared/contract/pacs-schemas.ts';

const MODALITIES = ['', 'CT', 'MR', 'CR', 'DX', 'XA', 'RF', 'NM', 'PT', 'US', 'OT', 'SR', 'DOC'];

interface Props {
  initialPatientId: string;
  running: boolean;
  onSearch: (q: StudyQuery) => void;
  onCancel: () => void;
}

/** Search fields of PS3.4 study-level queries; names accept * and ? wildcards. */
export function SearchForm({ initialPatientId, running, onSearch, onCancel }: Props) {
  const [q, setQ] = useState<Record<keyof StudyQuery, string>>({
    patientId: initialPatientId,
    patientName: '',
    birthDate: '',
    from: '',
    to: '',
    modality: '',
    accession: '',
  });
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof StudyQuery, label: string, type = 'text', placeholder = '') => (
    <label className="field">
      <span>{label}</span>
      <input
        type={type}
        value={q[key]}
        placeholder={placeholder}
        onChange={(e) => setQ({ ...q, [key]: e.target.value })}
      />
    </label>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const filled = Object.fromEntries(Object.entries(q).filter(([, v]) => v.trim() !== ''));
    const parsed = studyQuerySchema.safeParse(filled);
    if (!parsed.success) return setError(parsed.error.issues.map((i) => i.message).join(' '));
    setError(null);
    onSearch(parsed.data);
  };
  return (
    <form className="panel pacs-search" onSubmit={submit} aria-label="Search the archive">
      <div className="pacs-grid">
        {field('patientId', 'Patient ID')}
        {field('patientName', 'Name', 'text', 'DOE* or *SMITH*')}
        {field('birthDate', 'Birth date', 'date')}
        {field('from', 'Studies from', 'date')}
        {field('to', 'to', 'date')}
        <label className="field">
          <span>Modality</span>
          <select
            aria-label="Modality"
            value={q.modality}
            onChange={(e) => setQ({ ...q, modality: e.target.value })}
          >
            {MODALITIES.map((m) => (
              <option key={m} value={m}>
                {m || 'Any'}
              </option>
            ))}
          </select>
        </label>
        {field('accession', 'Accession')}
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={running}>
          {running ? 'Searching…' : 'Search'}
        </button>
        {running && (
          <button type="button" onClick={onCancel}>
            Cancel search
          </button>
        )}
      </div>
    </form>
  );
}
