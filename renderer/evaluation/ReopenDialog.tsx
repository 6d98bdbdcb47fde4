import { useId, useState } from 'react';
import { REOPEN_TARGETS } from '../../shared/contract/evaluation-schemas.ts';
import { CASE_STATUS_LABELS } from '../../shared/domain/case.ts';
import type { CaseRecord } from '../../shared/domain/case.ts';
import { api } from '../api.ts';
import { ModalDialog } from '../app/ModalDialog.tsx';

interface Props {
  caseId: number;
  onReopened: (c: CaseRecord) => void;
  onCancel: () => void;
}

/** Reopening a decided case needs a reason; it is recorded in the audit trail with the user's name. */
export function ReopenDialog({ caseId, onReopened, onCancel }: Props) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [to, setTo] = useState<(typeof REOPEN_TARGETS)[number]>('presented');
  const [error, setError] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    const r = await api['evaluation.reopen']({ caseId, to, reason });
    if (r.ok) onReopened(r.value);
    else setError(r.error.message);
  };
  return (
    <ModalDialog title="Reopen this decided case?" onEscape={onCancel}>
      <p>The evaluation becomes editable again. The reason is kept in the case history with your name.</p>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason for reopening</label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          autoFocus
          value={reason}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>Reopen as</label>
        <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value as typeof to)}>
          {REOPEN_TARGETS.map((s) => (
            <option key={s} value={s}>
              {CASE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button-primary" onClick={() => void submit()}>
          Reopen case
        </button>
      </div>
    </ModalDialog>
  );
}
