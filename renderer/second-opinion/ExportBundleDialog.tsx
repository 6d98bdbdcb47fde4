import { useEffect, useState } from 'react';
import type { BundlePreview, ExportedBundleInfo } from '../../shared/contract/second-opinion-schemas.ts';
import { api } from '../api.ts';
import { ModalDialog } from '../app/ModalDialog.tsx';
import { useLoad } from '../app/use-load.ts';
import { downloadBundle, formatBytes } from './bundle-file.ts';
import { FreeTextReview } from './FreeTextReview.tsx';
import { redactSpans } from './HighlightedText.tsx';
import { PasswordField } from './PasswordField.tsx';

interface Props {
  caseId: number;
  onClose: () => void;
  onExported: () => void;
}

const initialReview = (p: BundlePreview): Record<string, string> =>
  Object.fromEntries(p.freeTexts.map((t) => [t.key, redactSpans(t.text, t.spans)]));

/** Send for second opinion: options, free-text review, burned-in confirmation, password, export. */
export function ExportBundleDialog({ caseId, onClose, onExported }: Props) {
  const [preview] = useLoad(() => api['secondOpinion.preview']({ caseId }), [caseId]);
  const [reviewed, setReviewed] = useState<Record<string, string>>({});
  const [keepDates, setKeepDates] = useState(true);
  const [cleanDescriptors, setCleanDescriptors] = useState(true);
  const [confirmBurnedIn, setConfirmBurnedIn] = useState(false);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ExportedBundleInfo | null>(null);
  useEffect(() => {
    if (preview.state === 'ready') setReviewed(initialReview(preview.value));
  }, [preview]);

  const p = preview.state === 'ready' ? preview.value : null;
  const needsConfirm = !!p?.burnedIn.length;
  const passwordProblem =
    password && password.length < 8
      ? 'Use a password of at least 8 characters.'
      : password !== repeat
        ? 'The two passwords differ.'
        : null;

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await api['secondOpinion.exportBundle']({
      caseId,
      keepDates,
      cleanDescriptors,
      confirmBurnedIn,
      reviewed,
      ...(password ? { password } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setDone(result.value);
    if (result.value.downloadUrl) downloadBundle(result.value.downloadUrl, result.value.fileName);
    onExported();
  };

  return (
    <ModalDialog
      title="Send for second opinion"
      onEscape={onClose}
      className="bundle-dialog bundle-dialog-wide"
    >
      {preview.state === 'loading' && <p className="muted">Reading the case…</p>}
      {preview.state === 'error' && (
        <p role="alert" className="error-text">
          {preview.message}
        </p>
      )}
      {p && !done && (
        <div className="bundle-export">
          <p>
            The case’s {p.instanceCount} images, its evaluation, key images and measurements are de-identified
            (DICOM PS3.15 Basic Application Level Confidentiality Profile): name, record number, birth date (→
            age), accession, institution, physicians and UIDs are removed or replaced; age, sex, size and
            weight are kept. The link to this patient stays only on this computer.
          </p>
          <fieldset>
            <legend>Options</legend>
            <label className="check">
              <input type="checkbox" checked={keepDates} onChange={(e) => setKeepDates(e.target.checked)} />
              Keep dates, all moved by one random offset (intervals such as time since surgery stay true)
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={cleanDescriptors}
                onChange={(e) => setCleanDescriptors(e.target.checked)}
              />
              Keep series and study descriptions, cleaned of identifiers
            </label>
          </fieldset>
          <h3>Free text that travels with the case</h3>
          <FreeTextReview
            texts={p.freeTexts}
            reviewed={reviewed}
            onChange={(key, text) => setReviewed((r) => ({ ...r, [key]: text }))}
          />
          {needsConfirm && (
            <div className="burned-in" role="group" aria-label="Images that may show text">
              <h3>Images that may show identifying text in the pixels</h3>
              <p className="muted">De-identification cannot remove text burned into an image. Check these:</p>
              <ul>
                {p.burnedIn.slice(0, 50).map((b) => (
                  <li key={b.instanceId}>
                    {b.series} #{b.instanceNumber ?? '?'} — {b.reason}
                  </li>
                ))}
                {p.burnedIn.length > 50 && <li>… and {p.burnedIn.length - 50} more</li>}
              </ul>
              <label className="check">
                <input
                  type="checkbox"
                  checked={confirmBurnedIn}
                  onChange={(e) => setConfirmBurnedIn(e.target.checked)}
                />
                I checked these {p.burnedIn.length} images: they show no name or other identifier
              </label>
            </div>
          )}
          <fieldset>
            <legend>Password (recommended when the file travels by e-mail or USB stick)</legend>
            <div className="field-pair">
              <PasswordField label="Password" value={password} onChange={setPassword} purpose="new" />
              <PasswordField label="Repeat password" value={repeat} onChange={setRepeat} purpose="new" />
            </div>
            {passwordProblem && <p className="field-error">{passwordProblem}</p>}
            <p className="muted">
              Give the password to the reviewer by another way (phone, not the same e-mail).
            </p>
          </fieldset>
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          {busy && <p role="status">De-identifying and packing {p.instanceCount} images…</p>}
        </div>
      )}
      {done && (
        <div role="status" className="bundle-done">
          <p>
            Bundle <strong>{done.pseudonym}</strong> is ready ({done.instanceCount} images,{' '}
            {formatBytes(done.bytes)}
            {password ? ', password-protected' : ''}).
          </p>
          {done.downloadUrl ? (
            <a href={done.downloadUrl} download={done.fileName}>
              Download {done.fileName} again
            </a>
          ) : (
            <p>Saved to {done.path}</p>
          )}
        </div>
      )}
      <div className="button-row">
        {!done && (
          <button
            type="button"
            className="button-primary"
            disabled={!p || busy || !!passwordProblem || (needsConfirm && !confirmBurnedIn)}
            onClick={() => void run()}
          >
            Export bundle
          </button>
        )}
        <button type="button" onClick={onClose} disabled={busy}>
          {done ? 'Close' : 'Cancel'}
        </button>
      </div>
    </ModalDialog>
  );
}
