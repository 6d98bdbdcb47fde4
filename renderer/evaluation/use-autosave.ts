import { useCallback, useEffect, useRef, useState } from 'react';
import type { EvaluationSaved } from '../../shared/contract/evaluation-schemas.ts';
import type { Result } from '../../shared/contract/result.ts';
import type { EvaluationValues } from '../../shared/evaluation/index.ts';
import { SCHEMA_VERSION } from '../../shared/evaluation/index.ts';
import type { SaveState } from './save-status.ts';

/** Pause after the last keystroke before saving: long enough not to save every letter. */
export const AUTOSAVE_DELAY_MS = 800;
/** Someone typing without pause is still saved this often. */
export const AUTOSAVE_MAX_WAIT_MS = 5000;

export type SaveEvaluation = (input: {
  caseId: number;
  baseVersion: number;
  document: { schemaVersion: number; values: EvaluationValues };
}) => Promise<Result<EvaluationSaved>>;

interface Options {
  caseId: number;
  version: number;
  /** The values of `version`, as loaded. */
  values: EvaluationValues;
  save: SaveEvaluation;
  delayMs?: number;
}

/**
 * Debounced autosave with optimistic concurrency. Edits are never dropped: on failure the values
 * stay on screen and the state says why; `retry` tries again, `rebase` saves on top of a newer
 * version (after a CONFLICT the user chose to keep their own changes). One save is in flight at
 * a time; edits made meanwhile are saved right after it.
 */
export function useAutosave({ caseId, version, values: loaded, save, delayMs = AUTOSAVE_DELAY_MS }: Options) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const base = useRef(version);
  /** What the base version holds: a merge after a CONFLICT compares the screen with it. */
  const baseValues = useRef(loaded);
  const latest = useRef<EvaluationValues | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pendingSince = useRef<number | null>(null);
  const inFlight = useRef(false);
  const again = useRef(false);
  const mounted = useRef(true);
  const [savedVersion, setVersion] = useState(version);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pendingSince.current = null;
    const values = latest.current;
    if (values === null) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    again.current = false;
    if (mounted.current) setState({ kind: 'saving' });
    let result: Result<EvaluationSaved>;
    try {
      result = await save({
        caseId,
        baseVersion: base.current,
        document: { schemaVersion: SCHEMA_VERSION, values },
      });
    } catch (e) {
      result = {
        ok: false,
        error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) },
      };
    }
    inFlight.current = false;
    if (result.ok) {
      base.current = result.value.version;
      baseValues.current = values;
      if (latest.current === values) latest.current = null;
      if (mounted.current) {
        setVersion(result.value.version);
        setState({ kind: 'saved', at: result.value.savedAt, by: result.value.savedBy });
      }
      if (again.current || latest.current !== null) await flush();
    } else if (mounted.current) {
      setState({ kind: 'error', code: result.error.code, message: result.error.message });
    }
  }, [caseId, save]);

  const schedule = useCallback(
    (values: EvaluationValues) => {
      latest.current = values;
      setState({ kind: 'saving' });
      const now = Date.now();
      pendingSince.current ??= now;
      const wait = Math.max(0, Math.min(delayMs, pendingSince.current + AUTOSAVE_MAX_WAIT_MS - now));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), wait);
    },
    [flush, delayMs],
  );

  const rebase = useCallback(
    (newerVersion: number, newerValues: EvaluationValues, values: EvaluationValues) => {
      base.current = newerVersion;
      baseValues.current = newerValues;
      latest.current = values;
      void flush();
    },
    [flush],
  );

  // Leaving the page or the case: save what is pending now, and warn before closing the window.
  useEffect(() => {
    mounted.current = true;
    const warn = (e: BeforeUnloadEvent) => {
      if (latest.current !== null) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      mounted.current = false;
      if (latest.current !== null && !inFlight.current) void flush();
    };
  }, [flush]);

  return {
    caseId,
    state,
    version: savedVersion,
    schedule,
    retry: flush,
    rebase,
    savedValues: () => baseValues.current,
  };
}
