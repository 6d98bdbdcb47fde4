import type { ReactNode } from 'react';
import { useState } from 'react';
import type { PatientStudies, StudyNode } from '../../shared/imaging/study-tree.ts';
import { formatPersonName } from '../cases/format.ts';

/** The series' middle image, small; a blank tile where there is nothing displayable. */
function SeriesThumbnail({ seriesId, displayable }: { seriesId: number; displayable: boolean }) {
  const [failed, setFailed] = useState(false);
  if (!displayable || failed) return <span className="thumbnail thumbnail-empty" aria-hidden="true" />;
  return (
    <img
      className="thumbnail"
      src={`thumbnails/${seriesId}.png`}
      alt=""
      loading="lazy"
      width={64}
      height={64}
      onError={() => setFailed(true)}
    />
  );
}

const planeLabel: Record<string, string> = {
  axial: 'axial',
  sagittal: 'sagittal',
  coronal: 'coronal',
  oblique: 'oblique',
  projection: 'radiograph',
};

/** Patient → study → series with counts; `studyAction` renders per-study buttons (link, unlink). */
export function StudyTree({
  patients,
  studyAction,
}: {
  patients: PatientStudies[];
  studyAction?: (study: StudyNode) => ReactNode;
}) {
  return (
    <ul className="study-tree">
      {patients.map((p) => (
        <li key={p.patientId}>
          <div className="tree-patient">
            <strong>{formatPersonName(p.name) || 'Unnamed patient'}</strong>{' '}
            <span className="mono muted">{p.mrn}</span>
            {p.birthDate && <span className="muted"> · born {p.birthDate}</span>}
            {p.sex && <span className="muted"> · {p.sex}</span>}
          </div>
          <ul>
            {p.studies.map((s) => (
              <li key={s.studyId} className="tree-study">
                <div className="tree-study-line">
                  <span>
                    <strong>{s.date ?? 'no date'}</strong> {s.modalities.join('/')} —{' '}
                    {s.description ?? 'no description'}
                    {s.accession && <span className="muted"> · acc. {s.accession}</span>}
                  </span>
                  {studyAction?.(s)}
                </div>
                <ul className="tree-series">
                  {s.series.map((se) => (
                    <li key={se.seriesId}>
                      <SeriesThumbnail
                        seriesId={se.seriesId}
                        displayable={se.instanceCount > se.notDisplayable}
                      />
                      <span className="modality-chip">{se.modality ?? '?'}</span> #{se.number ?? '–'}{' '}
                      {se.description ?? <span className="muted">no description</span>}{' '}
                      <span className="muted">
                        · {se.instanceCount} {se.instanceCount === 1 ? 'image' : 'images'}
                        {se.frameCount > se.instanceCount ? ` (${se.frameCount} frames)` : ''}
                        {se.plane ? ` · ${planeLabel[se.plane] ?? se.plane}` : ''}
                      </span>
                      {se.notDisplayable > 0 && (
                        <span className="warn-text"> · {se.notDisplayable} cannot be displayed</span>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
