import { useState } from 'react';
import type { SendResult } from '../../shared/contract/pacs-schemas.ts';
import { api } from '../api.ts';

const WHAT = [
  { value: 'key-images', label: 'Key images (Key Object Selection)' },
  { value: 'sr', label: 'Measurement report (DICOM SR)' },
  { value: 'report', label: 'Case report (PDF)' },
] as const;

/** Sends the case's own results to the archive, into the patient's study. */
export function SendPanel({ archiveId, caseId }: { archiveId: number; caseId: number }) {
  const [what, setWhat] = useState<(typeof WHAT)[number]['value']>('key-images');
  const [captures, setCaptures] = useState(true);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string; result?: SendResult } | null>(null);
  const send = async () => {
    setBusy(true);
    setAnswer(null);
    const r = await api['pacs.send']({
      archiveId,
      caseId,
      what,
      ...(what === 'key-images' ? { withCaptures: captures } : {}),
    });
    setBusy(false);
    if (!r.ok) return setAnswer({ ok: false, text: r.error.message });
    const { sent, failed } = r.value;
    setAnswer({
      ok: failed.length === 0,
      text: failed.length
        ? `${sent.length} sent; the archive refused ${failed.length}.`
        : `Sent ${sent.length} object${sent.length === 1 ? '' : 's'} to the archive.`,
      result: r.value,
    });
  };
  return (
    <section className="panel form-stack" aria-labelledby="send-heading">
      <h2 id="send-heading">Send to the archive</h2>
      <fieldset className="field">
        <legend>What</legend>
        {WHAT.map((w) => (
          <label key={w.value}>
            <input
              type="radio"
              name="send-what"
              checked={what === w.value}
              onChange={() => setWhat(w.value)}
            />{' '}
            {w.label}
          </label>
        ))}
      </fieldset>
      {what === 'key-images' && (
        <label>
          <input type="checkbox" checked={captures} onChange={(e) => setCaptures(e.target.checked)} /> Also
          send each key image as a picture with its caption burnt in (secondary capture)
        </label>
      )}
      <div className="button-row">
        <button type="button" className="button-primary" disabled={busy} onClick={() => void send()}>
          {busy ? 'Sending…' : 'Send'}
        </button>
      </div>
      {answer && (
        <p role="status" className={answer.ok ? 'pacs-answer ok' : 'pacs-answer failed'}>
          {answer.ok ? '✓ ' : '✗ '}
          {answer.text}
        </p>
      )}
      {answer?.result?.failed.map((f) => (
        <p key={f.path} className="error-text">
          {f.path}: {f.reason}
        </p>
      ))}
    </section>
  );
}
