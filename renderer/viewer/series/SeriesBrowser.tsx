import { useState } from 'react';
import type { DragEvent } from 'react';
import type { Display } from '../../../shared/viewer/hanging-protocol.ts';
import type { ViewerSeries } from '../../../shared/viewer/viewer-types.ts';
import type { DraggedDisplay } from '../viewport/ViewportPane.tsx';
import { DISPLAY_DRAG_TYPE } from '../viewport/ViewportPane.tsx';
import { formatStudyDate } from './format.ts';

interface Props {
  series: ViewerSeries[];
  /** Series (and display) shown in each visible viewport, to mark them in the list. */
  shown: { seriesId: number; display: Display; viewport: number }[];
  activeViewport: number;
  /** False until the layout's viewports show their first images: thumbnails are not fetched before. */
  thumbnails?: boolean;
  onChoose: (seriesId: number, display: Display) => void;
}

const PLANE_LABEL: Record<string, string> = {
  axial: 'axial',
  sagittal: 'sagittal',
  coronal: 'coronal',
  oblique: 'oblique',
  projection: 'radiograph',
};

function Thumbnail({ s, load }: { s: ViewerSeries; load: boolean }) {
  const [failed, setFailed] = useState(false);
  if (failed || !load || s.imageCount <= s.notDisplayable)
    return <span className="sb-thumb sb-thumb-empty" aria-hidden="true" />;
  return (
    <img
      className="sb-thumb"
      src={`thumbnails/${s.seriesId}.png`}
      alt=""
      width={72}
      height={72}
      loading="lazy"
      draggable={false}
      onError={() => setFailed(true)}
    />
  );
}

/** The reformats a volumetric series offers: the two planes it was not acquired in. */
export function reformatPlanesOf(s: ViewerSeries): ('axial' | 'sagittal' | 'coronal')[] {
  if (!s.volumetric) return [];
  const all = ['sagittal', 'coronal', 'axial'] as const;
  return all.filter((p) => p !== s.plane);
}

const sameDisplay = (a: Display, b: Display): boolean =>
  a.kind === b.kind && (a.kind === 'stack' || (b.kind === 'reformat' && a.plane === b.plane));

/**
 * The case's series grouped by study, with thumbnails. Drag a series (or one of its reformats)
 * onto a viewport; or focus it and press Enter to show it in the active viewport.
 */
export function SeriesBrowser({ series, shown, activeViewport, thumbnails = true, onChoose }: Props) {
  const studies = [...new Map(series.map((s) => [s.studyId, s])).values()];
  const start = (e: DragEvent, d: DraggedDisplay): void => {
    e.dataTransfer.setData(DISPLAY_DRAG_TYPE, JSON.stringify(d));
    e.dataTransfer.effectAllowed = 'copy';
  };
  const where = (seriesId: number, display: Display): string =>
    shown
      .filter((v) => v.seriesId === seriesId && sameDisplay(v.display, display))
      .map((v) => v.viewport)
      .join(', ');

  if (series.length === 0)
    return (
      <nav className="series-browser" aria-label="Series">
        <p className="muted sb-empty">
          No imaging is linked to this case yet. Import or link studies on the case page.
        </p>
      </nav>
    );
  return (
    <nav className="series-browser" aria-label="Series">
      <p className="sb-hint muted">Drag onto a viewport, or Enter for viewport {activeViewport + 1}.</p>
      {studies.map((study) => (
        <section
          key={study.studyId}
          className="sb-study"
          aria-label={`Study ${study.studyDate ?? ''} ${study.studyDescription ?? ''}`}
        >
          <h3 className="sb-study-title">
            {formatStudyDate(study.studyDate) ?? 'No date'}{' '}
            <span className="muted">{study.studyDescription ?? ''}</span>
          </h3>
          <ul className="sb-list">
            {series
              .filter((s) => s.studyId === study.studyId)
              .map((s) => {
                const stack: Display = { kind: 'stack' };
                const inViewports = where(s.seriesId, stack);
                return (
                  <li key={s.seriesId} className="sb-item">
                    <button
                      type="button"
                      className={`sb-series${inViewports ? ' is-shown' : ''}`}
                      draggable
                      onDragStart={(e) => start(e, { seriesId: s.seriesId, display: stack })}
                      onClick={() => onChoose(s.seriesId, stack)}
                      aria-label={`${s.modality ?? ''} series ${s.seriesNumber ?? ''} ${s.description ?? 'no description'}, ${s.imageCount} images${inViewports ? `, in viewport ${inViewports}` : ''}`}
                    >
                      <Thumbnail s={s} load={thumbnails} />
                      <span className="sb-text">
                        <span className="sb-title">
                          <span className="modality-chip">{s.modality ?? '?'}</span>{' '}
                          {s.description ?? 'no description'}
                        </span>
                        <span className="muted">
                          #{s.seriesNumber ?? '–'} · {s.frameCount} {s.frameCount === 1 ? 'image' : 'images'}
                          {s.plane ? ` · ${PLANE_LABEL[s.plane] ?? s.plane}` : ''}
                          {s.viewPosition ? ` · ${s.viewPosition}` : ''}
                        </span>
                        {s.notDisplayable > 0 && (
                          <span className="warn-text">{s.notDisplayable} cannot be displayed</span>
                        )}
                        {inViewports && <span className="sb-badge">in {inViewports}</span>}
                      </span>
                    </button>
                    {reformatPlanesOf(s).length > 0 && (
                      <div
                        className="sb-reformats"
                        role="group"
                        aria-label={`Reformats of series ${s.seriesNumber ?? ''}`}
                      >
                        {reformatPlanesOf(s).map((plane) => {
                          const d: Display = { kind: 'reformat', plane };
                          const inV = where(s.seriesId, d);
                          return (
                            <button
                              key={plane}
                              type="button"
                              className={`sb-reformat${inV ? ' is-shown' : ''}`}
                              draggable
                              onDragStart={(e) => start(e, { seriesId: s.seriesId, display: d })}
                              onClick={() => onChoose(s.seriesId, d)}
                              aria-label={`${plane} reformat of ${s.description ?? 'series'}`}
                            >
                              {plane[0]!.toUpperCase() + plane.slice(1)} MPR{inV ? ` (in ${inV})` : ''}
                            </button>
                          );
                        })}
                      </div>
                    )}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
