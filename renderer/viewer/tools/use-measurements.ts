import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  CreateMeasurementInput,
  UpdateMeasurementInput,
} from '../../../shared/contract/measurement-schemas.ts';
import type { MethodInput } from '../../../shared/contract/methods.ts';
import type { CaseMeasurements, Measurement } from '../../../shared/measurements/measurement.ts';
import { api } from '../../api.ts';

type NewMeasurement = MethodInput<'measurements.create'>;
type Patch = Omit<UpdateMeasurementInput, 'id'>;

/** An undoable step: how to redo it and how to undo it, each against the backend. */
interface Step {
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

const editable = (m: Measurement) => ({
  points: m.points,
  label: m.label,
  text: m.text,
  knownMm: m.knownMm,
  level: m.level,
  screw: m.screw,
});

const recreate = (m: Measurement): NewMeasurement => ({
  caseId: m.caseId,
  instanceId: m.instanceId,
  frame: m.frame,
  tool: m.tool,
  ...editable(m),
});

/**
 * A case's measurements as the backend stores them, with create, edit and delete, undo and redo
 * (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y) and the selection. Every value shown comes from the backend's answer.
 */
export function useMeasurements(caseId: number) {
  const [data, setData] = useState<CaseMeasurements | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const undoStack = useRef<Step[]>([]);
  const redoStack = useRef<Step[]>([]);
  const [, setTick] = useState(0);

  useEffect(() => {
    let current = true;
    void api['measurements.list']({ caseId }).then((r) => {
      if (!current) return;
      if (r.ok) setData(r.value);
      else setError(r.error.message);
    });
    return () => {
      current = false;
    };
  }, [caseId]);

  const apply = useCallback(async (run: () => ReturnType<(typeof api)['measurements.list']>) => {
    const r = await run();
    if (!r.ok) {
      setError(r.error.message);
      return null;
    }
    setError(null);
    setData(r.value);
    return r.value;
  }, []);

  const record = (step: Step): void => {
    undoStack.current.push(step);
    redoStack.current = [];
    setTick((t) => t + 1);
  };

  /** Ids change when an undo recreates a measurement: steps follow it through this map. */
  const alias = useRef(new Map<number, number>());
  const idOf = (id: number): number => alias.current.get(id) ?? id;

  const createRaw = async (input: NewMeasurement): Promise<Measurement | null> => {
    const next = await apply(() => api['measurements.create'](input));
    return next?.measurements.at(-1) ?? null;
  };

  const create = async (input: NewMeasurement): Promise<Measurement | null> => {
    const made = await createRaw(input);
    if (!made) return null;
    setSelected(made.id);
    const original = made.id;
    record({
      undo: async () => {
        await apply(() => api['measurements.delete']({ id: idOf(original) }));
      },
      redo: async () => {
        const again = await createRaw(input);
        if (again) alias.current.set(original, again.id);
      },
    });
    return made;
  };

  const update = async (id: number, patch: Patch): Promise<void> => {
    const before = data?.measurements.find((m) => m.id === id);
    if (!before) return;
    const next = await apply(() => api['measurements.update']({ id, ...patch }));
    if (!next) return;
    const old = editable(before);
    record({
      undo: async () => {
        await apply(() => api['measurements.update']({ id: idOf(id), ...old }));
      },
      redo: async () => {
        await apply(() => api['measurements.update']({ id: idOf(id), ...patch }));
      },
    });
  };

  const remove = async (id: number): Promise<void> => {
    const before = data?.measurements.find((m) => m.id === id);
    if (!before) return;
    if (!(await apply(() => api['measurements.delete']({ id })))) return;
    if (selected === id) setSelected(null);
    record({
      undo: async () => {
        const again = await createRaw(recreate(before));
        if (again) alias.current.set(id, again.id);
      },
      redo: async () => {
        await apply(() => api['measurements.delete']({ id: idOf(id) }));
      },
    });
  };

  const undo = async (): Promise<void> => {
    const step = undoStack.current.pop();
    if (!step) return;
    await step.undo();
    redoStack.current.push(step);
    setTick((t) => t + 1);
  };
  const redo = async (): Promise<void> => {
    const step = redoStack.current.pop();
    if (!step) return;
    await step.redo();
    undoStack.current.push(step);
    setTick((t) => t + 1);
  };

  return {
    caseId,
    data,
    error,
    clearError: () => setError(null),
    selected,
    setSelected,
    create,
    update,
    remove,
    undo,
    redo,
    canUndo: undoStack.current.length > 0,
    canRedo: redoStack.current.length > 0,
  };
}

export type MeasurementsModel = ReturnType<typeof useMeasurements>;
export type { CreateMeasurementInput };
