import { useEffect, useState } from 'react';
import type { CaseStudies } from '../../shared/contract/methods.ts';
import { api } from '../api.ts';
import { useLoad } from '../app/use-load.ts';
import { ImportButton } from '../imaging/ImportButton.tsx';
import { useImports } from '../imaging/import-context.ts';
import { StudyTree } from '../imaging/StudyTree.tsx';
import { warmViewerLazily as warmViewer } from '../viewer/lazy/lazy-viewer.ts';

/** The case's imaging: linked studies, studies of the same patient to link, and import into the case. */
interface Props {
  caseId: number;
  readOnly: boolean;
  /** Called after a study was linked or unlinked here (the history shows it). */
  onChanged: () => void;
}

export function CaseImaging({ caseId, readOnly, onChanged }: Props) {
  const imports = useImports();
  const [loaded] = useLoad(() => api['cases.studies']({ id: caseId }), [caseId, imports.version]);
  const [studies, setStudies] = useState<CaseStudies | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (loaded.state === 'ready') setStudies(loaded.value);
  }, [loaded]);
  useEffect(() => {
    imports.setTargetCase(readOnly ? null : caseId);
    return () => imports.setTargetCase(null);
  }, [caseId, readOnly, imports]);

  const change = async (studyId: number, link: boolean): Promise<void> => {
    const r = await api[link ? 'cases.linkStudy' : 'cases.unlinkStudy']({ caseId, studyId });
    if (r.ok) {
      setStudies(r.value);
      setError(null);
      onChanged();
    } else setError(r.error.message);
  };

  return (
    <section className="panel" aria-labelledby="imaging-heading">
      <div className="section-header">
        <h2 id="imaging-heading">Imaging</h2>
        {studies && studies.linked.length > 0 && (
          <a
            className="button-link button-primary"
            href={`#/cases/${caseId}/viewer`}
            onPointerEnter={warmViewer}
            onFocus={warmViewer}
          >
            Open viewer
          </a>
        )}
        {!readOnly && <ImportButton caseId={caseId} label="Import into this case" />}
        <a className="button-link" href={`#/cases/${caseId}/archive`}>
          Hospital archive
        </a>
      </div>
      {loaded.state === 'error' && <p className="error-text">{loaded.message}</p>}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {studies && studies.linked.length === 0 && (
        <p className="muted">
          No imaging linked yet. Import a patient CD, a folder or a zip, or drop them on the window.
        </p>
      )}
      {studies && studies.linked.length > 0 && (
        <StudyTree
          patients={studies.linked}
          studyAction={(s) =>
            readOnly ? null : (
              <button type="button" className="button-quiet" onClick={() => void change(s.studyId, false)}>
                Unlink
              </button>
            )
          }
        />
      )}
      {studies && studies.suggested.length > 0 && !readOnly && (
        <>
          <h3>Other studies of this patient</h3>
          <StudyTree
            patients={studies.suggested}
            studyAction={(s) => (
              <button type="button" onClick={() => void change(s.studyId, true)}>
                Link to case
              </button>
            )}
          />
        </>
      )}
    </section>
  );
}
