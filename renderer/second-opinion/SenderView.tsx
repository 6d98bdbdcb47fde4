import { useState } from 'react';
import type { SecondOpinionState } from '../../shared/contract/second-opinion-schemas.ts';
import { formatDateTime } from '../cases/format.ts';
import { ExportBundleDialog } from './ExportBundleDialog.tsx';
import { ImportBundleDialog } from './ImportBundleDialog.tsx';
import { ReplyCard } from './ReplyCard.tsx';

interface Props {
  state: SecondOpinionState;
  readOnly: boolean;
  onChanged: () => void;
}

/** The sending team's side: bundles sent, replies merged back, and the two actions. */
export function SenderView({ state, readOnly, onChanged }: Props) {
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          disabled={readOnly}
          onClick={() => setExporting(true)}
        >
          Send for second opinion…
        </button>
        <button type="button" disabled={!state.sent.length} onClick={() => setImporting(true)}>
          Import reply…
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      {state.sent.length ? (
        <table className="sent-bundles">
          <caption>Bundles sent</caption>
          <thead>
            <tr>
              <th>Case ID sent</th>
              <th>When</th>
              <th>By</th>
              <th>Images</th>
              <th>Dates</th>
              <th>Password</th>
            </tr>
          </thead>
          <tbody>
            {state.sent.map((b) => (
              <tr key={b.pseudonym}>
                <td className="mono">{b.pseudonym}</td>
                <td>{formatDateTime(b.createdAt)}</td>
                <td>{b.createdBy}</td>
                <td>{b.instanceCount}</td>
                <td>{b.dates === 'shifted' ? 'shifted' : 'removed'}</td>
                <td>{b.encrypted ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">Not sent for a second opinion yet.</p>
      )}
      <h3>Opinions received ({state.replies.length})</h3>
      {state.replies.length ? (
        state.replies.map((r) => <ReplyCard key={r.id} reply={r} />)
      ) : (
        <p className="muted">No reply yet.</p>
      )}
      {exporting && (
        <ExportBundleDialog
          caseId={state.caseId}
          onClose={() => setExporting(false)}
          onExported={onChanged}
        />
      )}
      {importing && (
        <ImportBundleDialog
          title="Import the reviewer’s reply"
          onClose={() => setImporting(false)}
          onImported={(r) => {
            setImporting(false);
            if (r.kind !== 'reply' || r.caseId !== state.caseId)
              return setMessage(
                r.kind === 'reply'
                  ? `That reply belongs to case ${r.caseId}; it was merged there.`
                  : `That was a case bundle; it was imported as case ${r.caseId}.`,
              );
            const skipped = r.measurements.skipped;
            setMessage(
              (r.merged
                ? `Reply for ${r.pseudonym} merged.`
                : `This reply was already merged; nothing changed.`) +
                (skipped.length
                  ? ` ${skipped.length} of the reviewer’s measurements could not be placed: ${skipped.join('; ')}.`
                  : ''),
            );
            onChanged();
          }}
        />
      )}
    </>
  );
}
