import { useState } from 'react';
import type { ArchiveSeries, ArchiveStudy, SearchResult } from '../../shared/contract/pacs-schemas.ts';
import { api } from '../api.ts';

interface Props {
  archiveId: number;
  result: SearchResult;
  busy: boolean;
  onRetrieve: (study: ArchiveStudy, seriesUids: string[] | null) => void;
}

function ImportedBadge({ stored, total }: { stored: number; total: number | null }) {
  if (!stored) return null;
  const complete = total !== null && stored >= total;
  return (
    <span className={complete ? 'badge badge-ok' : 'badge badge-warn'}>
      {complete ? 'Imported' : `Partly imported (${stored}${total !== null ? ` of ${total}` : ''})`}
    </span>
  );
}

function StudyRow({
  archiveId,
  study,
  busy,
  onRetrieve,
}: { archiveId: number; study: ArchiveStudy } & Omit<Props, 'result' | 'archiveId'>) {
  const [series, setSeries] = useState<ArchiveSeries[] | null>(null);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    setOpen(!open);
    if (series || open) return;
    const r = await api['pacs.series']({ archiveId, studyUid: study.studyUid });
    if (r.ok) setSeries(r.value);
    else setError(r.error.message);
  };
  const choose = (uid: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(uid);
    else next.delete(uid);
    setChosen(next);
  };
  return (
    <li className="pacs-study">
      <div className="pacs-study-row">
        <button type="button" className="button-quiet" aria-expanded={open} onClick={() => void toggle()}>
          {open ? '▾' : '▸'} {study.studyDate ?? 'No date'} · {study.modalities.join('/') || '—'} ·{' '}
          {study.description || 'No description'}
        </button>
        <span className="muted">
          {study.seriesCount ?? '?'} series, {study.instanceCount ?? '?'} images
          {study.accession ? ` · Acc. ${study.accession}` : ''}
        </span>
        <ImportedBadge stored={study.storedInstances} total={study.instanceCount} />
        <button
          type="button"
          className="button-primary"
          disabled={busy}
          onClick={() => onRetrieve(study, null)}
        >
          Retrieve study
        </button>
      </div>
      {open && (
        <div className="pacs-series">
          {error && <p className="error-text">{error}</p>}
          {!series && !error && <p className="muted">Loading series…</p>}
          {series && (
            <>
              <ul>
                {series.map((s) => (
                  <li key={s.seriesUid}>
                    <label>
                      <input
                        type="checkbox"
                        checked={chosen.has(s.seriesUid)}
                        onChange={(e) => choose(s.seriesUid, e.target.checked)}
                      />
                      #{s.number ?? '–'} {s.modality} {s.description || 'No description'} ·{' '}
                      {s.instanceCount ?? '?'} images
                    </label>
                    <ImportedBadge stored={s.storedInstances} total={s.instanceCount} />
                  </li>
                ))}
              </ul>
              <button
                type="button"
                disabled={busy || chosen.size === 0}
                onClick={() => onRetrieve(study, [...chosen])}
              >
                Retrieve {chosen.size || ''} chosen series
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

/** Search results as the archive holds them: patient → study → series, with what is already here. */
export function StudyResults({ archiveId, result, busy, onRetrieve }: Props) {
  if (!result.patients.length)
    return <p className="empty-note">{result.note ?? 'No studies match this search.'}</p>;
  return (
    <div className="panel pacs-results" aria-label="Search results">
      {result.note && <p className="notice">{result.note}</p>}
      <ul>
        {result.patients.map((p) => (
          <li key={`${p.patientId}|${p.patientName}`} className="pacs-patient">
            <h3>
              {p.patientName || 'No name'}{' '}
              <span className="muted">
                · ID {p.patientId || '—'}
                {p.birthDate ? ` · born ${p.birthDate}` : ''}
              </span>
            </h3>
            <ul>
              {p.studies.map((s) => (
                <StudyRow
                  key={s.studyUid}
                  archiveId={archiveId}
                  study={s}
                  busy={busy}
                  onRetrieve={onRetrieve}
                />
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
