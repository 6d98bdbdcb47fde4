import { useState } from 'react';
import type { SecondOpinionState, WrittenBundleInfo } from '../../shared/contract/second-opinion-schemas.ts';
import type { OpinionDraft } from '../../shared/second-opinion/opinion.ts';
import { replyOpinionSchema } from '../../shared/second-opinion/opinion.ts';
import { api } from '../api.ts';
import { formatDateTime } from '../cases/format.ts';
import { downloadBundle, formatBytes } from './bundle-file.ts';
import { KeyImageStrip } from './KeyImageStrip.tsx';
import { OpinionForm } from './OpinionForm.tsx';
import { PasswordField } from './PasswordField.tsx';
import { SenderEvaluation } from './SenderEvaluation.tsx';

interface Props {
  state: SecondOpinionState;
  onChanged: (next: SecondOpinionState) => void;
}

/** The reviewer's side: the sender's case read-only, their own opinion, and the reply bundle. */
export function ReviewerView({ state, onChanged }: Props) {
  const request = state.request!;
  const sender = request.sender;
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<WrittenBundleInfo | null>(null);
  const complete = replyOpinionSchema.safeParse(request.opinion ?? {}).success;

  const save = async (opinion: OpinionDraft): Promise<string | null> => {
    const result = await api['secondOpinion.saveOpinion']({ caseId: state.caseId, opinion });
    if (!result.ok) return result.error.message;
    onChanged(result.value);
    return null;
  };
  const exportReply = async (): Promise<void> => {
    setError(null);
    const result = await api['secondOpinion.exportReply']({
      caseId: state.caseId,
      ...(password ? { password } : {}),
    });
    if (!result.ok) return setError(result.error.message);
    setSent(result.value);
    if (result.value.downloadUrl) downloadBundle(result.value.downloadUrl, result.value.fileName);
  };

  return (
    <>
      <p className="notice">
        Second opinion received: case <span className="mono">{request.pseudonym}</span>, imported{' '}
        {formatDateTime(request.receivedAt)} by {request.receivedBy}. The imaging and the sender’s evaluation
        are read-only; your opinion, key images and measurements go back in the reply.
      </p>
      <div className="second-opinion-columns">
        <section className="sender-part" aria-label="Sender's case (read-only)">
          <h3>From the sender (read-only)</h3>
          <dl className="opinion-facts">
            <dt>Patient</dt>
            <dd>
              {sender.patient.sex ?? 'sex unknown'},{' '}
              {sender.patient.age === null ? 'age unknown' : `${sender.patient.age} years`}
            </dd>
            <dt>Question</dt>
            <dd className="prewrap">{sender.clinicalQuestion || '—'}</dd>
            <dt>Dates</dt>
            <dd>
              {sender.deidentification.dates === 'shifted'
                ? 'shifted by a hidden offset; intervals are true'
                : 'removed'}
            </dd>
            <dt>Measurements</dt>
            <dd>
              {sender.measurements.length
                ? `${sender.measurements.length}, drawn on the images in the viewer (read-only)`
                : 'none'}
            </dd>
          </dl>
          <h4>Sender’s key images</h4>
          <KeyImageStrip images={sender.keyImages} label="Sender's key images" />
          <h4>Sender’s evaluation</h4>
          <SenderEvaluation document={sender.evaluation} />
        </section>
        <section className="reviewer-part" aria-label="Your opinion">
          <h3>Your opinion</h3>
          <OpinionForm key={request.pseudonym} initial={request.opinion} disabled={false} onSave={save} />
          <p className="muted">
            Add your key images in the viewer (Open viewer → key image); they go back with the reply.
          </p>
          <h3>Send the reply</h3>
          <PasswordField
            label="Password for the reply (optional, at least 8 characters)"
            value={password}
            onChange={setPassword}
            purpose="new"
          />
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          {sent && (
            <p role="status">
              Reply {sent.fileName} ready ({formatBytes(sent.bytes)}).{' '}
              {sent.downloadUrl && (
                <a href={sent.downloadUrl} download={sent.fileName}>
                  Download again
                </a>
              )}
            </p>
          )}
          {request.repliedAt && !sent && (
            <p className="muted">Last reply exported {formatDateTime(request.repliedAt)}.</p>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button-primary"
              disabled={!complete || (password.length > 0 && password.length < 8)}
              onClick={() => void exportReply()}
            >
              Export reply bundle
            </button>
            {!complete && <span className="muted">Save a complete opinion first.</span>}
          </div>
        </section>
      </div>
    </>
  );
}
