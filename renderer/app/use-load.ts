import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../shared/contract/result.ts';

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

/** Loads a backend result when `deps` change; `reload` runs it again. Stale answers are dropped. */
export function useLoad<T>(
  load: () => Promise<Result<T>>,
  deps: readonly unknown[],
): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let current = true;
    stableLoad().then(
      (r) => {
        if (current)
          setLoaded(r.ok ? { state: 'ready', value: r.value } : { state: 'error', message: r.error.message });
      },
      (e: unknown) => {
        if (current) setLoaded({ state: 'error', message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      current = false;
    };
  }, [stableLoad, tick]);
  return [loaded, useCallback(() => setTick((t) => t + 1), [])];
}
