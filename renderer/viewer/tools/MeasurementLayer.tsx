import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { measurementLines } from '../../../shared/measurements/format.ts';
import type { Measurement } from '../../../shared/measurements/measurement.ts';
import { TOOL_SPECS } from '../../../shared/measurements/tools.ts';
import type { ImagePoint } from '../../../shared/measurements/types.ts';
import type { Tool } from '../viewport/pointer-input.ts';
import { isMeasurementTool } from '../viewport/pointer-input.ts';
import type { ViewportController } from '../viewport/viewport-controller.ts';
import type { Graphic, ScreenPoint } from './graphics.ts';
import { labelAnchor, toolGraphics } from './graphics.ts';
import type { LabelBox, MeasureText } from './label-box.ts';
import { layoutLabels } from './label-box.ts';
import type { MeasureSession } from './use-measure-session.ts';

interface Props {
  controller: ViewportController;
  measurements: readonly Measurement[];
  selected: number | null;
  session: MeasureSession;
  tool: Tool;
  width: number;
  height: number;
}

let measuring: CanvasRenderingContext2D | null | undefined;
/** Width of a label line in the overlay's font (.ms-label), with room for its 3 px outline. */
const measureLabel: MeasureText = (line, fontPx) => {
  if (measuring === undefined) measuring = document.createElement('canvas').getContext('2d');
  if (!measuring) return line.length * fontPx * 0.62;
  measuring.font = `600 ${fontPx}px system-ui, sans-serif`;
  return measuring.measureText(line).width + 3;
};

/** What the viewport already writes over the image: corner texts, orientation letters, scale bar, hint, notes. */
const WRITTEN = '.vp-corner, .vp-marker, .vp-scale-bar, .ms-hint, .ms-calibration, .vp-number';

/**
 * The areas of the viewport's own texts, relative to the measurement layer, read after each render
 * (they change with the image, the size and the tool): measurement labels are kept off them.
 */
function useWrittenAreas(svg: React.RefObject<SVGSVGElement | null>): LabelBox['box'][] {
  const [areas, setAreas] = useState<LabelBox['box'][]>([]);
  useLayoutEffect(() => {
    const el = svg.current;
    const host = el?.parentElement;
    if (!el || !host) return;
    const frame = el.getBoundingClientRect();
    const next = [...host.querySelectorAll<Element>(WRITTEN)].flatMap((n) =>
      [...(n.classList.contains('vp-corner') ? n.children : [n])].flatMap((c) => {
        const r = c.getBoundingClientRect();
        return r.width > 0 && r.height > 0
          ? [{ left: r.left - frame.left, top: r.top - frame.top, width: r.width, height: r.height }]
          : [];
      }),
    );
    const same =
      next.length === areas.length &&
      next.every(
        (a, i) =>
          Math.abs(a.left - areas[i]!.left) < 1 &&
          Math.abs(a.top - areas[i]!.top) < 1 &&
          Math.abs(a.width - areas[i]!.width) < 1 &&
          Math.abs(a.height - areas[i]!.height) < 1,
      );
    if (!same) setAreas(next);
  });
  return areas;
}

function GraphicView({ g }: { g: Graphic }) {
  switch (g.kind) {
    case 'line':
      return <line x1={g.a.x} y1={g.a.y} x2={g.b.x} y2={g.b.y} className={`ms-line ms-${g.style}`} />;
    case 'circle':
      return <circle cx={g.c.x} cy={g.c.y} r={g.r} className="ms-line ms-main" />;
    case 'ellipse':
      return <ellipse cx={g.c.x} cy={g.c.y} rx={g.rx} ry={g.ry} className="ms-line ms-main" />;
    case 'arrowhead': {
      const a = Math.atan2(g.tip.y - g.from.y, g.tip.x - g.from.x);
      const p = (d: number) => `${g.tip.x - 12 * Math.cos(a + d)},${g.tip.y - 12 * Math.sin(a + d)}`;
      return <polygon points={`${g.tip.x},${g.tip.y} ${p(0.4)} ${p(-0.4)}`} className="ms-head" />;
    }
  }
}

/** Measurements of the shown image drawn over it, the one being placed, and the questions a tool asks. */
export function MeasurementLayer({
  controller,
  measurements,
  selected,
  session,
  tool,
  width,
  height,
}: Props) {
  const toScreen = (points: readonly ImagePoint[]): ScreenPoint[] =>
    points.flatMap(([x, y]) => {
      const q = controller.pixelToScreen(x, y);
      return q ? [q] : [];
    });
  const pendingTool = isMeasurementTool(tool) ? tool : null;
  const pendingPoints = session.asking ? session.asking.points : session.pending;
  const pendingScreen = toScreen(
    session.hover && !session.asking ? [...pendingPoints, session.hover] : pendingPoints,
  );
  const svg = useRef<SVGSVGElement | null>(null);
  const written = useWrittenAreas(svg);
  const shown = measurements.map((m) => ({
    m,
    p: toScreen(session.dragged?.id === m.id ? session.dragged.points : m.points),
  }));
  // Labels inside the viewport, nudged apart where two would overlap.
  const boxes = layoutLabels(
    shown.map(({ m, p }) => ({ anchor: labelAnchor(m.tool, p), lines: measurementLines(m) })),
    width,
    height,
    { measure: measureLabel, avoid: written },
  );
  const hint =
    pendingTool && !session.asking
      ? `${TOOL_SPECS[pendingTool].label}: ${TOOL_SPECS[pendingTool].points[session.pending.length] ?? ''} (${session.pending.length + 1}/${TOOL_SPECS[pendingTool].points.length}) — Esc cancels`
      : null;
  return (
    <>
      <svg ref={svg} className="ms-layer" width={width} height={height} aria-hidden="true">
        {shown.map(({ m, p }, k) => {
          const box = boxes[k]!;
          return (
            <g
              key={m.id}
              className={`ms-item${selected === m.id ? ' is-selected' : ''}${m.origin === 'own' ? '' : ' ms-foreign'}`}
              data-measurement={m.id}
              data-origin={m.origin}
            >
              {toolGraphics(m.tool, p).map((g, i) => (
                <GraphicView key={i} g={g} />
              ))}
              {p.map((q, i) => (
                <circle
                  key={`h${i}`}
                  cx={q.x}
                  cy={q.y}
                  r={selected === m.id ? 4.5 : 3}
                  className="ms-handle"
                />
              ))}
              <text x={box.x} y={box.y} className="ms-label">
                {box.lines.map((line, i) => (
                  <tspan key={i} x={box.x} dy={i === 0 ? 0 : box.lineHeight}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
        {pendingTool && (
          <g className="ms-pending">
            {toolGraphics(pendingTool, pendingScreen).map((g, i) => (
              <GraphicView key={i} g={g} />
            ))}
            {pendingScreen.slice(0, pendingPoints.length).map((q, i) => (
              <circle key={i} cx={q.x} cy={q.y} r={4} className="ms-handle" />
            ))}
          </g>
        )}
      </svg>
      {(hint || session.notice) && (
        <div className="ms-hint" role="status" data-testid="measure-hint">
          {session.notice ?? hint}
        </div>
      )}
      {session.asking && <AskBox session={session} />}
    </>
  );
}

function AskBox({ session }: { session: MeasureSession }) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const asks = session.asking!.asks;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void session.answer(value).then(setProblem);
  };
  return (
    <form className="ms-ask" onSubmit={submit} onPointerDown={(e) => e.stopPropagation()}>
      <label>
        {asks === 'knownMm' ? 'True size of the object (mm)' : 'Text'}
        <input
          autoFocus
          value={value}
          inputMode={asks === 'knownMm' ? 'decimal' : 'text'}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button type="submit">OK</button>
      <button type="button" onClick={session.cancelAsk}>
        Cancel
      </button>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
    </form>
  );
}
