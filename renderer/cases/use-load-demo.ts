import { useCallback, useState } from 'react';
import { api } from '../api.ts';
import { navigate } from '../app/route.ts';
import { useImports } from '../imaging/import-context.ts';

/** Opens the synthetic demo case (creating it the first time) and shows its imaging import in progress. */
export function useLoadDemo(): { load: () => void; busy: boolean; error: string | null } {
  const imports = useImports();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    setBusy(true);
    setError(null);
    void api['demo.load']({}).then((result) => {
      setBusy(false);
      if (!result.ok) return setError(result.error.message);
      navigate({ page: 'case', id: result.value.caseId });
      if (result.value.importId !== null) imports.follow(result.value.importId);
    });
  }, [imports]);
  return { load, busy, error };
}
