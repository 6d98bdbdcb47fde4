import { useRef, useState } from 'react';
import type { SearchResult, StudyQuery } from '../../shared/contract/pacs-schemas.ts';
import { api } from '../api.ts';

export type SearchState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'error'; message: string }
  | { state: 'ready'; result: SearchResult };

/** Runs one archive query at a time; the user can cancel a slow one. */
export function useArchiveSearch() {
  const [search, setSearch] = useState<SearchState>({ state: 'idle' });
  const current = useRef<string | null>(null);

  const run = async (archiveId: number, query: StudyQuery) => {
    const searchId = crypto.randomUUID();
    current.current = searchId;
    setSearch({ state: 'running' });
    const r = await api['pacs.search']({ archiveId, query, searchId });
    if (current.current !== searchId) return;
    current.current = null;
    if (r.ok) setSearch({ state: 'ready', result: r.value });
    else
      setSearch(
        r.error.code === 'CANCELLED' ? { state: 'idle' } : { state: 'error', message: r.error.message },
      );
  };

  const cancel = () => {
    const searchId = current.current;
    current.current = null;
    setSearch({ state: 'idle' });
    if (searchId) void api['pacs.cancelSearch']({ searchId });
  };

  return { search, run, cancel };
}
