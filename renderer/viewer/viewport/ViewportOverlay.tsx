import type { ImagePlane } from '../../../shared/viewer/geometry.ts';
import { referenceLine } from '../../../shared/viewer/geometry.ts';
import { transformMarkers } from '../../../shared/viewer/orientation.ts';
import { scaleBar } from '../../../shared/viewer/spacing.ts';
import { formatVoi } from '../../../shared/viewer/window-level.ts';
import type { ViewerSeries } from '../../../shared/viewer/viewer-types.ts';
import { formatPersonName } from '../../cases/format.ts';
import { formatStudyDate } from '../series/format.ts';
import type { ViewportController, ViewportState } from './viewport-controller.ts';

export interface ReferencePlane {
  plane: ImagePlane;
  label: string;
  /** Which viewport it comes from (1-based), drawn beside the line. */
  viewport: number;
}

interface Props {
  state: ViewportState;
  controller: ViewportController | null;
  series: ViewerSeries | null;
  showPatient: boolean;
  references: ReferencePlane[];
  width: number;
  height: number;
}

const DISPLAY_NAME = {
  axial: 'Axial reformat',
  sagittal: 'Sagittal reformat',
  coronal: 'Coronal reformat',
} as const;

const mm = (v: number | null | undefined, digits = 1): string | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : `${v.toFixed(digits)} mm`;

/** Text in the four corners, orientation letters, scale bar and reference lines over an image. */
export function ViewportOverlay({
  state,
  controller,
  series,
  showPatient,
  references,
  width,
  height,
}: Props) {
  const { image, viewport, source } = state;
  if (!source || !series) return null;
  const info = image?.scr ?? null;
  const markers = info?.markers && viewport ? transformMarkers(info.markers, viewport) : null;
  const minSpacing =
    image?.rowPixelSpacing && image.columnPixelSpacing
      ? Math.min(image.rowPixelSpacing, image.columnPixelSpacing)
      : null;
  const bar =
    viewport && minSpacing && info?.spacing.row
      ? scaleBar(minSpacing / viewport.scale, height / 2 - 70)
      : null;
  const frameRef = source.frameRef(state.index);
  const isReformat = source.display.kind === 'reformat';
  const location = source.location(state.index);
  const lines =
    info?.plane && controller
      ? references.flatMap((r) => {
          const seg = referenceLine(info.plane!, r.plane);
          if (!seg) return [];
          const a = controller.pixelToScreen(seg.from.column, seg.from.row);
          const b = controller.pixelToScreen(seg.to.column, seg.to.row);
          return a && b ? [{ a, b, r }] : [];
        })
      : [];
  const patient = series.patient;

  return (
    <div className="vp-overlay" aria-hidden="false">
      <svg className="vp-lines" width={width} height={height} aria-hidden="true">
        {lines.map(({ a, b, r }) => (
          <g key={r.viewport}>
            <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} className="vp-ref-line" />
            <text x={(a.x + b.x) / 2 + 4} y={(a.y + b.y) / 2 - 4} className="vp-ref-label">
              {r.viewport}
            </text>
          </g>
        ))}
        {bar && (
          // A vertical ruler on the right edge, below the orientation letter.
          <g className="vp-scale-bar" transform={`translate(${width - 12}, ${Math.round(height / 2 + 26)})`}>
            <path d={`M-7,0 h7 v${bar.pixels.toFixed(1)} h-7`} />
            <text x={-10} y={bar.pixels / 2 + 4} textAnchor="end">
              {bar.label}
            </text>
          </g>
        )}
      </svg>

      <div className="vp-corner vp-top-left">
        {showPatient && (
          <>
            <div className="vp-strong">{formatPersonName(patient.name) || 'Unnamed patient'}</div>
            <div>
              {patient.mrn}
              {patient.birthDate ? ` · ${formatStudyDate(patient.birthDate)}` : ''}
              {patient.sex ? ` · ${patient.sex}` : ''}
            </div>
          </>
        )}
        <div>
          {formatStudyDate(series.studyDate) ?? 'no date'} {series.studyDescription ?? ''}
        </div>
      </div>

      <div className="vp-corner vp-top-right">
        <div className="vp-strong">
          {series.modality ?? '?'} #{series.seriesNumber ?? '–'} {series.description ?? ''}
        </div>
        {isReformat && source.display.kind === 'reformat' && <div>{DISPLAY_NAME[source.display.plane]}</div>}
        <div data-testid="image-position">
          {isReformat ? 'Slice' : 'Im'} {state.index + 1}/{source.count}
          {frameRef && frameRef.frame > 0 ? ` · frame ${frameRef.frame + 1}` : ''}
        </div>
      </div>

      <div className="vp-corner vp-bottom-left">
        {location !== null && <div>Loc {location.toFixed(1)} mm</div>}
        {mm(info?.sliceThickness) && <div>Thk {mm(info?.sliceThickness)}</div>}
        {info?.spacing.label && (
          <div className="vp-warn" data-testid="spacing-note">
            {info.spacing.label}
          </div>
        )}
        {info?.lossy && <div className="vp-warn">Lossy compressed</div>}
        {source.notes.map((n) => (
          <div key={n} className="vp-warn">
            {n}
          </div>
        ))}
      </div>

      <div className="vp-corner vp-bottom-right">
        {state.probe && (
          <div data-testid="probe" className="vp-probe">
            ({state.probe.column}, {state.probe.row}) {state.probe.text}
          </div>
        )}
        {viewport && image && !image.color && (
          <div data-testid="window">
            {formatVoi({ center: viewport.voi.windowCenter, width: viewport.voi.windowWidth })}
            {info?.windowSource === 'auto' ? ' (auto)' : ''}
          </div>
        )}
        {viewport && (
          <div data-testid="zoom">
            Zoom {viewport.scale.toFixed(2)}×{viewport.rotation ? ` · ${viewport.rotation}°` : ''}
            {viewport.hflip ? ' · flip H' : ''}
            {viewport.vflip ? ' · flip V' : ''}
            {viewport.invert !== (image?.invert ?? false) ? ' · inverted' : ''}
          </div>
        )}
        {state.cineFps !== null && <div>Cine {state.cineFps} fps</div>}
      </div>

      {markers && (
        <>
          <div className="vp-marker vp-marker-top" data-testid="marker-top">
            {markers.top}
          </div>
          <div className="vp-marker vp-marker-bottom" data-testid="marker-bottom">
            {markers.bottom}
          </div>
          <div className="vp-marker vp-marker-left" data-testid="marker-left">
            {markers.left}
          </div>
          <div className="vp-marker vp-marker-right" data-testid="marker-right">
            {markers.right}
          </div>
        </>
      )}
    </div>
  );
}
