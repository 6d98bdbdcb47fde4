import { useEffect, useId, useRef, useState } from 'react';
import type { CaseStatus } from '../../shared/domain/case.ts';
import { CASE_STATUSES, CASE_STATUS_LABELS } from '../../shared/domain/case.ts';
import { api } from '../api.ts';
import { navigate } from '../app/route.ts';
import { useLoad } from '../app/use-load.ts';
import { CaseTable } from './CaseTable.tsx';
import { LoadDemoButton } from './LoadDemoButton.tsx';
import { ImportBundleButton } from '../second-opinion/ImportBundleButton.tsx';
import { NewCaseForm } from './NewCaseForm.tsx';

const SEARCH_DELAY_MS = 200;

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(t);
  }, [value, delay]);
  return debounced;
}

export function CaseList() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [creating, setCreating] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const fromId = useId();
  const toId = useId();
  const query = useDebounced(search, SEARCH_DELAY_MS);
  const searchId = useId();
  const statusId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [cases] = useLoad(
    () =>
      api['cases.list']({
        query,
        ...(status ? { status } : {}),
        ...(from ? { updatedFrom: from } : {}),
        ...(to ? { updatedTo: to } : {}),
      }),
    [query, status, from, to],
  );

  useEffect(() => {
    // "/" jumps to the search box, as in most list-heavy tools.
    const onKey = (e: KeyboardEvent): void => {
      const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select');
      if (e.key === '/' && !typing) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section aria-labelledby="cases-heading" className="page">
      <div className="page-header">
        <h1 id="cases-heading">Cases</h1>
        <span className="spacer" />
        <LoadDemoButton />
        <ImportBundleButton />
        <button
          type="button"
          className="button-primary"
          onClick={() => setCreating(true)}
          disabled={creating}
        >
          New case
        </button>
      </div>
      {creating && (
        <NewCaseForm
          onCancel={() => setCreating(false)}
          onCreated={(c) => navigate({ page: 'case', id: c.id })}
        />
      )}
      <div className="filters" role="search">
        <label htmlFor={searchId}>Search</label>
        <input
          id={searchId}
          ref={searchRef}
          type="search"
          placeholder="Title, MRN, patient, question, imaging ( / )"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label htmlFor={statusId}>Status</label>
        <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value as CaseStatus | '')}>
          <option value="">All active</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {CASE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <label htmlFor={fromId}>Changed from</label>
        <input id={fromId} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor={toId}>to</label>
        <input id={toId} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      {cases.state === 'loading' && <p className="muted">Loading cases…</p>}
      {cases.state === 'error' && (
        <p role="alert" className="error-text">
          {cases.message}
        </p>
      )}
      {cases.state === 'ready' &&
        (cases.value.length === 0 ? (
          query || status || from || to ? (
            <p className="empty-note">No case matches this search.</p>
          ) : (
            <div className="empty-note">
              <p>
                No cases yet. Create the first one with “New case”, or explore the app with a synthetic case.
              </p>
              <LoadDemoButton primary />
            </div>
          )
        ) : (
          <CaseTable cases={cases.value} />
        ))}
    </section>
  );
}
