import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { updateCaseInputSchema } from '../../shared/contract/schemas.ts';
import type { CaseRecord, CaseStatus } from '../../shared/domain/case.ts';
import { CASE_STATUSES, CASE_STATUS_LABELS } from '../../shared/domain/case.ts';
import { api } from '../api.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { fieldErrors } from '../app/field-errors.ts';
import { navigate } from '../app/route.ts';
import { useLoad } from '../app/use-load.ts';
import { AuditTrail } from './AuditTrail.tsx';
import { CaseImaging } from './CaseImaging.tsx';
import { CaseFields } from './CaseFields.tsx';
import { EvaluationPanel } from '../evaluation/EvaluationPanel.tsx';
import { UrgentFlags } from '../evaluation/UrgentFlags.tsx';
import type { DiscussionFlag } from '../../shared/evaluation/index.ts';
import { SecondOpinionPanel } from '../second-opinion/SecondOpinionPanel.tsx';
import { CaseDecisionPanel } from '../conference/CaseDecisionPanel.tsx';
import type { CaseFormState } from './case-form-state.ts';
import { errorsByField, formFromCase, patientFromForm } from './case-form-state.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { formatDateTime } from './format.ts';

const EDITABLE_STATUSES = CASE_STATUSES.filter((s) => s !== 'archived');

export function CasePage({ caseId }: { caseId: number }) {
  const [loaded] = useLoad(() => api['cases.get']({ id: caseId }), [caseId]);
  const [stored, setStored] = useState<CaseRecord | null>(null);
  useEffect(() => {
    if (loaded.state === 'ready') setStored(loaded.value);
  }, [loaded]);

  if (loaded.state === 'loading') return <p className="muted">Loading case…</p>;
  if (loaded.state === 'error')
    return (
      <section className="page">
        <p role="alert" className="error-text">
          {loaded.message}
        </p>
        <a href="#/cases">Back to the case list</a>
      </section>
    );
  return stored ? <CaseEditor key={stored.updatedAt} stored={stored} onSaved={setStored} /> : null;
}

function CaseEditor({ stored, onSaved }: { stored: CaseRecord; onSaved: (c: CaseRecord) => void }) {
  const [form, setForm] = useState<CaseFormState>(() => formFromCase(stored));
  const [status, setStatus] = useState<CaseStatus>(stored.status);
  const [historyChanges, setHistoryChanges] = useState(0);
  const [flags, setFlags] = useState<readonly DiscussionFlag[]>([]);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<keyof CaseFormState, string>>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const statusId = useId();
  const archived = stored.status === 'archived';
  // A case received for a second opinion keeps its identity and the sender's imaging as they came.
  const [opinion] = useLoad(() => api['secondOpinion.state']({ caseId: stored.id }), [stored.id]);
  const review = opinion.state === 'ready' && opinion.value.role === 'reviewer';
  const dirty = JSON.stringify(form) !== JSON.stringify(formFromCase(stored)) || status !== stored.status;

  const save = async (): Promise<void> => {
    const parsed = updateCaseInputSchema.safeParse({
      id: stored.id,
      title: form.title,
      clinicalQuestion: form.clinicalQuestion,
      status,
      patient: patientFromForm(form) ?? null,
    });
    if (!parsed.success) {
      setErrors(errorsByField(fieldErrors(parsed.error.issues)));
      setMessage({ kind: 'error', text: 'Some fields need attention.' });
      return;
    }
    setErrors({});
    const result = await api['cases.update'](parsed.data);
    if (result.ok) onSaved(result.value);
    else setMessage({ kind: 'error', text: result.error.message });
  };
  const toggleArchive = async (): Promise<void> => {
    const result = await api[archived ? 'cases.restore' : 'cases.archive']({ id: stored.id });
    if (result.ok) onSaved(result.value);
    else setMessage({ kind: 'error', text: result.error.message });
  };
  const deleteCase = async (): Promise<void> => {
    setConfirmingDelete(false);
    const result = await api['cases.delete']({ id: stored.id, confirmed: true });
    if (result.ok) navigate({ page: 'cases' });
    else setMessage({ kind: 'error', text: result.error.message });
  };
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    void save();
  };

  return (
    <section className="page" aria-labelledby="case-heading">
      <a href="#/cases" className="back-link">
        ← All cases
      </a>
      <div className="page-header">
        <h1 id="case-heading">{stored.title}</h1>
        <StatusBadge status={stored.status} />
      </div>
      <p className="muted">
        Case {stored.id} · created by {stored.createdBy} on {formatDateTime(stored.createdAt)} · last change{' '}
        {formatDateTime(stored.updatedAt)}
      </p>
      <UrgentFlags flags={flags} />
      {archived && <p className="notice">This case is archived and read-only. Restore it to make changes.</p>}
      <form className="panel" onSubmit={onSubmit} noValidate aria-label="Case details">
        <CaseFields form={form} errors={errors} onChange={setForm} disabled={archived || review} />
        {review && (
          <p className="muted" data-testid="review-case-note">
            Received for your second opinion: the title, question and patient stay as the sender sent them,
            and the imaging is the sender&rsquo;s. Your opinion, measurements and key images go back in the
            reply.
          </p>
        )}
        <div className="field">
          <label htmlFor={statusId}>Status</label>
          <select
            id={statusId}
            value={status}
            disabled={archived || stored.status === 'decided'}
            onChange={(e) => setStatus(e.target.value as CaseStatus)}
          >
            {(archived ? CASE_STATUSES : EDITABLE_STATUSES).map((s) => (
              <option key={s} value={s}>
                {CASE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          {stored.status === 'decided' && (
            <p className="muted">
              Decided: reopen the case from its evaluation (with a reason) to change it.
            </p>
          )}
        </div>
        {message && (
          <p
            role={message.kind === 'error' ? 'alert' : 'status'}
            className={message.kind === 'error' ? 'error-text' : ''}
          >
            {message.text}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={archived || !dirty}>
            Save changes
          </button>
          <button type="button" disabled={archived || !dirty} onClick={() => setForm(formFromCase(stored))}>
            Discard changes
          </button>
          <span className="spacer" />
          <button type="button" onClick={() => void toggleArchive()}>
            {archived ? 'Restore case' : 'Archive case'}
          </button>
          <button type="button" className="button-danger" onClick={() => setConfirmingDelete(true)}>
            Delete case…
          </button>
        </div>
      </form>
      {confirmingDelete && (
        <ConfirmDialog
          title="Delete this case?"
          confirmLabel="Delete case"
          danger
          onCancel={() => setConfirmingDelete(false)}
          onConfirm={() => void deleteCase()}
        >
          <p>
            “{stored.title}” will be deleted. This cannot be undone. Its imaging is not deleted: the studies
            stay in the image library, and the deletion is recorded in the audit log with your name.
          </p>
        </ConfirmDialog>
      )}
      <CaseImaging
        caseId={stored.id}
        readOnly={archived || review}
        onChanged={() => setHistoryChanges((n) => n + 1)}
      />
      <EvaluationPanel
        caseId={stored.id}
        onCaseChanged={onSaved}
        onSaved={() => setHistoryChanges((n) => n + 1)}
        onFlags={setFlags}
      />
      <SecondOpinionPanel
        caseId={stored.id}
        readOnly={archived}
        onChanged={() => setHistoryChanges((n) => n + 1)}
      />
      <CaseDecisionPanel caseId={stored.id} version={stored.updatedAt} />
      <AuditTrail caseId={stored.id} version={`${stored.updatedAt}/${historyChanges}`} />
    </section>
  );
}
