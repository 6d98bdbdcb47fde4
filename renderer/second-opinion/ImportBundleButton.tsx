import { useState } from 'react';
import { navigate } from '../app/route.ts';
import { ImportBundleDialog } from './ImportBundleDialog.tsx';

/** Case list: a colleague's case bundle arrives for review, or a reply comes back. */
export function ImportBundleButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Import case bundle…
      </button>
      {open && (
        <ImportBundleDialog
          title="Import a second-opinion bundle"
          onClose={() => setOpen(false)}
          onImported={(r) => {
            setOpen(false);
            navigate({ page: 'case', id: r.caseId });
          }}
        />
      )}
    </>
  );
}
