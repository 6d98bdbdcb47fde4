import { useEffect, useRef, useState } from 'react';
import type { Measurement } from '../../../shared/measurements/measurement.ts';
import { dragPoint } from '../../../shared/measurements/drag.ts';
import type { MeasurementTool } from '../../../shared/measurements/tools.ts';
import { TOOL_SPECS } from '../../../shared/measurements/tools.ts';
import type { ImagePoint } from '../../../shared/measurements/types.ts';
import type { Tool } from '../viewport/pointer-input.ts';
import { isMeasurementTool } from '../viewport/pointer-input.ts';
import type { ViewportController } from '../viewport/viewport-controller.ts';
import type { MeasureInput } from './measure-input.ts';
import type { MeasurementsModel } from './use-measurements.ts';

/** How close (screen pixels) a press must be to a point to grab it. */
const GRAB_RADIUS = 8;

export interface ImageRef {
  caseId: number;
  instanceId: number;
  frame: number;
}

export interface Asking {
  tool: MeasurementTool;
  points: ImagePoint[];
  asks: 'text' | 'knownMm';
}

/**
 * Drawing measurements on one viewport: clicks place a tool's points in turn (Escape abandons),
 * the last one saves it through the backend (asking for a text or a known size first where the tool
 * needs one), and a point of an existing measurement can be dragged to a new place.
 */
export function useMeasureSession(
  controller: ViewportController | null,
  tool: Tool,
  image: ImageRef | null,
  onImage: readonly Measurement[],
  model: MeasurementsModel | null,
) {
  const [pending, setPending] = useState<ImagePoint[]>([]);
  const [hover, setHover] = useState<ImagePoint | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [dragged, setDragged] = useState<{ id: number; points: ImagePoint[] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const live = useRef({
    tool,
    image,
    onImage,
    model,
    pending,
    dragged,
    grab: null as { id: number; index: number; tool: MeasurementTool } | null,
  });
  live.current = { ...live.current, tool, image, onImage, model, pending, dragged };

  useEffect(() => {
    setPending([]);
    setAsking(null);
    setHover(null);
  }, [tool, image?.instanceId, image?.frame]);

  useEffect(() => {
    if (!pending.length && !asking) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      setPending([]);
      setAsking(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pending.length, asking]);

  const save = async (
    t: MeasurementTool,
    points: ImagePoint[],
    extra: { text?: string; knownMm?: number } = {},
  ) => {
    const { image: ref, model: m } = live.current;
    if (!ref || !m) return;
    await m.create({
      caseId: ref.caseId,
      instanceId: ref.instanceId,
      frame: ref.frame,
      tool: t,
      points,
      ...extra,
    });
  };

  useEffect(() => {
    if (!controller) return;
    const input: MeasureInput = {
      down(p, screen) {
        const s = live.current;
        const readOnly = s.model?.data?.readOnly ?? true;
        if (!readOnly && (isMeasurementTool(s.tool) || s.model?.selected !== null)) {
          for (const m of s.onImage) {
            if (!isMeasurementTool(s.tool) && m.id !== s.model?.selected) continue;
            // The other side's measurements (second opinion) are drawn, never moved.
            if (m.origin !== 'own') continue;
            const index = m.points.findIndex(([x, y]) => {
              const q = controller.pixelToScreen(x, y);
              return q && Math.hypot(q.x - screen.x, q.y - screen.y) <= GRAB_RADIUS;
            });
            if (index >= 0 && s.pending.length === 0) {
              s.grab = { id: m.id, index, tool: m.tool };
              s.model?.setSelected(m.id);
              setDragged({ id: m.id, points: m.points.map((q) => [...q] as ImagePoint) });
              return true;
            }
          }
        }
        if (!isMeasurementTool(s.tool)) return false;
        if (readOnly) {
          setNotice('This case is read-only: measurements cannot be added.');
          return true;
        }
        if (!s.image) {
          setNotice('Measure on the stored images (a reformat is not stored); show the series as a stack.');
          return true;
        }
        setNotice(null);
        const spec = TOOL_SPECS[s.tool];
        const next = [...s.pending, p];
        if (next.length < spec.points.length) {
          setPending(next);
          return true;
        }
        setPending([]);
        if (spec.asks) setAsking({ tool: s.tool, points: next, asks: spec.asks });
        else void save(s.tool, next);
        return true;
      },
      move(p) {
        const s = live.current;
        if (!s.grab || !s.dragged) return;
        setDragged({ id: s.grab.id, points: dragPoint(s.grab.tool, s.dragged.points, s.grab.index, p) });
      },
      up() {
        const s = live.current;
        const grab = s.grab;
        s.grab = null;
        if (!grab || !s.dragged) return;
        const points = s.dragged.points;
        void s.model?.update(grab.id, { points }).finally(() => setDragged(null));
      },
      hover(p) {
        if (live.current.pending.length) setHover(p);
      },
    };
    controller.measure = input;
    return () => {
      if (controller.measure === input) controller.measure = null;
    };
  }, [controller]);

  const answer = async (value: string): Promise<string | null> => {
    if (!asking) return null;
    if (asking.asks === 'knownMm') {
      const mm = Number(value.replace(',', '.'));
      if (!(mm > 0) || mm > 10_000) return 'Enter the true size in mm (a number above 0).';
      await save(asking.tool, asking.points, { knownMm: mm });
    } else {
      if (!value.trim()) return 'Type the text to show.';
      await save(asking.tool, asking.points, { text: value.trim() });
    }
    setAsking(null);
    return null;
  };

  return { pending, hover, asking, dragged, notice, answer, cancelAsk: () => setAsking(null) };
}

export type MeasureSession = ReturnType<typeof useMeasureSession>;
