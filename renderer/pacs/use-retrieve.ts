import { useEffect, useState } from 'react';
import type { RetrieveInput, RetrieveProgress } from '../../shared/contract/pacs-schemas.ts';
import { api } from '../api.ts';

const POLL_MS = 400;

/** Starts a retrieve and follows its progress until it ends. */
export function useRetrieve(onEnd: () => void) {
  const [retrieveId, setRetrieveId] = useState<number | null>(null);
  const [progress, setProgress] = useState<RetrieveProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (retrieveId === null) return;
    let stopped = false;
    const poll = async () => {
      const r = await api['pacs.retrieveStatus']({ retrieveId });
      if (stopped) return;
      if (!r.ok) return setError(r.error.message);
      setProgress(r.value);
      if (r.value.state === 'running') setTimeout(() => void poll(), POLL_MS);
      else onEnd();
    };
    void poll();
    return () => {
      stopped = true;
    };
    // onEnd is the caller's refresh; following it would restart the polling.
  }, [retrieveId]);

  const start = async (input: RetrieveInput) => {
    setError(null);
    setProgress(null);
    const r = await api['pacs.retrieve'](input);
    if (r.ok) setRetrieveId(r.value.retrieveId);
    else setError(r.error.message);
  };

  const cancel = () => {
    if (retrieveId !== null) void api['pacs.cancelRetrieve']({ retrieveId });
  };

  return {
    progress,
    error,
    start,
    cancel,
    running: progress?.state === 'running' || (retrieveId !== null && !progress),
  };
}
