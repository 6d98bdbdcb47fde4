import { useState } from 'react';
import type { ArchiveStudy } from '../../shared/contract/pacs-schemas.ts';
import { api } from '../api.ts';
import { useLoad } from '../app/use-load.ts';
import { RetrieveProgressPanel } from './RetrieveProgressPanel.tsx';
import { SearchForm } from './SearchForm.tsx';
import { SendPanel } from './SendPanel.tsx';
import { StudyResults } from './StudyResults.tsx';
import { useArchiveSearch } from './use-archive-search.ts';
import { useRetrieve } from './use-retrieve.ts';

/**
 * Find a patient's studies in a hospital archive and retrieve them (into a case when opened from
 * one); from a case, also send its key images, SR and report back.
 */
export function ArchivePage({ caseId }: { caseId: number | null }) {
  const [archives] = useLoad(() => api['pacs.archives']({}), []);
  const [caseRecord] = useLoad(
    () =>
      caseId === null
        ? Promise.resolve({ ok: true as const, value: null })
        : api['cases.get']({ id: caseId }),
    [caseId],
  );
  const [chosen, setChosen] = useState<number | null>(null);
  const { search, run, cancel } = useArchiveSearch();
  const [lastQuery, setLastQuery] = useState<Parameters<typeof run>[1] | null>(null);
  const list = archives.state === 'ready' ? archives.value : [];
  const archiveId = chosen ?? list[0]?.id ?? null;
  const retrieve = useRetrieve(() => {
    if (archiveId !== null && lastQuery) void run(archiveId, lastQuery);
  });

  if (archives.state === 'loading' || caseRecord.state === 'loading')
    return <p className="muted">Loading…</p>;
  if (archives.state === 'error') return <p className="error-text">{archives.message}</p>;
  const c = caseRecord.state === 'ready' ? caseRecord.value : null;

  const onRetrieve = (study: ArchiveStudy, seriesUids: string[] | null) =>
    void retrieve.start({
      archiveId: archiveId!,
      studyUid: study.studyUid,
      ...(seriesUids ? { seriesUids } : {}),
      ...(caseId !== null ? { caseId } : {}),
    });

  return (
    <section className="page" aria-labelledby="archive-heading">
      <div className="page-header">
        <h1 id="archive-heading">{c ? `Hospital archive · ${c.title}` : 'Hospital archive'}</h1>
        <div className="button-row">
          {c && (
            <a className="button-link" href={`#/cases/${c.id}`}>
              Back to the case
            </a>
          )}
          <a className="button-link" href="#/archive/settings">
            Archive settings
          </a>
        </div>
      </div>
      {list.length === 0 ? (
        <p className="empty-note">
          No archive is set up yet. <a href="#/archive/settings">Add the hospital’s PACS</a> (DICOMweb or
          DIMSE).
        </p>
      ) : (
        <>
          <label className="field pacs-archive-choice">
            <span>Archive</span>
            <select
              aria-label="Archive"
              value={archiveId ?? ''}
              onChange={(e) => setChosen(Number(e.target.value))}
            >
              {list.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          {c && <p className="muted">Retrieved studies are added to this case.</p>}
          <SearchForm
            initialPatientId={c?.patient?.mrn ?? ''}
            running={search.state === 'running'}
            onSearch={(q) => {
              setLastQuery(q);
              void run(archiveId!, q);
            }}
            onCancel={cancel}
          />
          {retrieve.error && (
            <p role="alert" className="error-text">
              {retrieve.error}
            </p>
          )}
          {retrieve.progress && (
            <RetrieveProgressPanel progress={retrieve.progress} onCancel={retrieve.cancel} />
          )}
          {search.state === 'error' && (
            <p role="alert" className="error-text">
              {search.message}
            </p>
          )}
          {search.state === 'ready' && (
            <StudyResults
              archiveId={archiveId!}
              result={search.result}
              busy={retrieve.running}
              onRetrieve={onRetrieve}
            />
          )}
          {c && archiveId !== null && <SendPanel archiveId={archiveId} caseId={c.id} />}
        </>
      )}
    </section>
  );
}
