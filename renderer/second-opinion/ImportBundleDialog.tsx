import { useId, useState } from 'react';
import type { ImportedBundleInfo } from '../../shared/contract/second-opinion-schemas.ts';
import { ModalDialog } from '../app/ModalDialog.tsx';
import { importBundleFile } from './bundle-file.ts';
import { PasswordField } from './PasswordField.tsx';

interface Props {
  title: string;
  onClose: () => void;
  onImported: (result: ImportedBundleInfo) => void;
}

/** Pick a `.scrcase` (case to review, or a reply to merge) and its password if it has one. */
export function ImportBundleDialog({ title, onClose, onImported }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileId = useId();

  const run = async (): Promise<void> => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await importBundleFile(file, password);
      if (result.ok) onImported(result.value);
      else setError(result.error.message);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog title={title} onEscape={onClose} className="bundle-dialog">
      <div className="field">
        <label htmlFor={fileId}>Bundle file (.scrcase)</label>
        <input
          id={fileId}
          type="file"
          accept=".scrcase"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <PasswordField
        label="Password (if the sender protected it)"
        value={password}
        onChange={setPassword}
        purpose="existing"
      />
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {busy && <p role="status">Checking and importing the bundle…</p>}
      <div className="button-row">
        <button type="button" className="button-primary" disabled={!file || busy} onClick={() => void run()}>
          Import bundle
        </button>
        <button type="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
