import { Fragment, useEffect, useState } from 'react';
import type { EvaluationVersionSummary } from '../../shared/contract/evaluation-schemas.ts';
import type { Result } from '../../shared/contract/result.ts';
import { ok } from '../../shared/contract/result.ts';
import type { EvaluationValues } from '../../shared/evaluation/index.ts';
import { findField } from '../../shared/evaluation/index.ts';
import { diffEvaluations } from '../../shared/evaluation-export/index.ts';
import type { FieldChange } from '../../shared/evaluation-export/index.ts';
import { DISCIPLINE_LABELS } from '../../shared/domain/user.ts';
import { api } from '../api.ts';
import { useLoad } from '../app/use-load.ts';
import { formatDateTime } from '../cases/format.ts';

interface Props {
  caseId: number;
  /** The current version: the list reloads when it changes. */
  version: number;
}

async function valuesOf(caseId: number, version: number): Promise<Result<EvaluationValues>> {
  if (version === 0) return ok({});
  const r = await api['evaluation.version']({ caseId, version });
  return r.ok ? ok(r.value.document.values) : r;
}

const changedLabels = (ids: readonly string[]): string => {
  const labels = ids.map((id) => findField(id)?.label ?? id);
  return labels.length > 4
    ? `${labels.slice(0, 4).join(', ')} and ${labels.length - 4} more`
    : labels.join(', ');
};

/** Every saved version with author and time, and a field-level diff between any two of them. */
export function HistoryView({ caseId, version }: Props) {
  const [history] = useLoad(() => api['evaluation.history']({ caseId }), [caseId, version]);
  const [from, setFrom] = useState(Math.max(0, version - 1));
  const [to, setTo] = useState(version);
  const [diff, setDiff] = useState<{ changes: FieldChange[] } | { error: string } | null>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([valuesOf(caseId, from), valuesOf(caseId, to)]).then(([a, b]) => {
      if (!current) return;
      if (!a.ok || !b.ok) setDiff({ error: (!a.ok ? a : !b.ok ? b : null)?.error.message ?? '' });
      else setDiff({ changes: diffEvaluations(a.value, b.value) });
    });
    return () => {
      current = false;
    };
  }, [caseId, from, to]);

  if (history.state === 'loading') return <p className="muted">Loading the history…</p>;
  if (history.state === 'error') return <p className="error-text">{history.message}</p>;
  const versions: EvaluationVersionSummary[] = history.value;
  if (!versions.length) return <p className="muted">Nothing saved yet.</p>;
  const option = (v: EvaluationVersionSummary) => (
    <option key={v.version} value={v.version}>
      {`Version ${v.version} · ${formatDateTime(v.savedAt)} · ${v.author.name}`}
    </option>
  );
  return (
    <div className="ev-history">
      <div className="ev-compare">
        <label>
          Compare
          <select value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            <option value={0}>Empty form (before version 1)</option>
            {versions.map(option)}
          </select>
        </label>
        <label>
          with
          <select value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {versions.map(option)}
          </select>
        </label>
      </div>
      {diff && 'error' in diff && <p className="error-text">{diff.error}</p>}
      {diff && 'changes' in diff && (
        <table className="ev-diff" aria-label={`Changes from version ${from} to version ${to}`}>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">{from === 0 ? 'Before' : `Version ${from}`}</th>
              <th scope="col">{`Version ${to}`}</th>
            </tr>
          </thead>
          <tbody>
            {diff.changes.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  No differences.
                </td>
              </tr>
            )}
            {diff.changes.map((c, i) => (
              <Fragment key={i}>
                {c.sectionTitle !== diff.changes[i - 1]?.sectionTitle && (
                  <tr className="ev-diff-section">
                    <th colSpan={3} scope="colgroup">
                      {c.sectionTitle}
                    </th>
                  </tr>
                )}
                <tr>
                  <th scope="row">{c.label}</th>
                  <td className={c.before ? '' : 'muted'}>{c.before || '—'}</td>
                  <td className={c.after ? '' : 'muted'}>{c.after || '—'}</td>
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      <h4>Saved versions</h4>
      <ol className="ev-versions" reversed>
        {versions.map((v) => (
          <li key={v.version}>
            <strong>{`Version ${v.version}`}</strong>
            {` · ${formatDateTime(v.savedAt)} · ${v.author.name} (${DISCIPLINE_LABELS[v.author.discipline]})`}
            <span className="muted">
              {v.changedFieldIds.length ? ` — ${changedLabels(v.changedFieldIds)}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
