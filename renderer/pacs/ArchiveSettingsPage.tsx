import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ArchiveSummary, ConnectionTest } from '../../shared/contract/pacs-schemas.ts';
import { saveArchiveInputSchema } from '../../shared/contract/pacs-schemas.ts';
import { api } from '../api.ts';
import { useLoad } from '../app/use-load.ts';
import type { ArchiveDraft } from './archive-draft.ts';
import { draftOf, emptyDraft, saveInputOf } from './archive-draft.ts';
import { ConnectionFields } from './ConnectionFields.tsx';

/** Per-installation archive settings: list, edit, test connection, delete. Every change is audited. */
export function ArchiveSettingsPage() {
  const [archives, reload] = useLoad(() => api['pacs.archives']({}), []);
  const [draft, setDraft] = useState<ArchiveDraft>(emptyDraft);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);

  const edit = (a: ArchiveSummary | null) => {
    setDraft(a ? draftOf(a) : emptyDraft);
    setMessage(null);
  };

  const validInput = () => {
    const parsed = saveArchiveInputSchema.safeParse(saveInputOf(draft));
    if (!parsed.success) {
      setMessage({ ok: false, text: parsed.error.issues.map((i) => i.message).join(' ') });
      return null;
    }
    return parsed.data;
  };

  const test = async () => {
    const input = validInput();
    if (!input) return;
    setBusy('test');
    setMessage(null);
    const r = await api['pacs.test'](input);
    setBusy(null);
    const answer: ConnectionTest | null = r.ok ? r.value : null;
    setMessage(
      answer ? { ok: answer.ok, text: answer.message } : { ok: false, text: r.ok ? '' : r.error.message },
    );
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const input = validInput();
    if (!input) return;
    setBusy('save');
    const r = await api['pacs.saveArchive'](input);
    setBusy(null);
    if (!r.ok) return setMessage({ ok: false, text: r.error.message });
    setDraft(draftOf(r.value));
    setMessage({ ok: true, text: `Saved “${r.value.name}”.` });
    reload();
  };

  const remove = async () => {
    if (draft.id === undefined) return;
    const r = await api['pacs.deleteArchive']({ archiveId: draft.id });
    if (!r.ok) return setMessage({ ok: false, text: r.error.message });
    edit(null);
    reload();
  };

  return (
    <section className="page" aria-labelledby="archive-settings-heading">
      <div className="page-header">
        <h1 id="archive-settings-heading">Hospital archives</h1>
        <a className="button-link" href="#/archive">
          Search an archive
        </a>
      </div>
      <div className="pacs-settings">
        <nav className="panel pacs-archive-list" aria-label="Archives">
          {archives.state === 'error' && <p className="error-text">{archives.message}</p>}
          {archives.state === 'ready' && (
            <ul>
              {archives.value.map((a) => (
                <li key={a.id}>
                  <button
                    type="button"
                    className={a.id === draft.id ? 'button-quiet selected' : 'button-quiet'}
                    aria-current={a.id === draft.id}
                    onClick={() => edit(a)}
                  >
                    {a.name}
                    <span className="muted">
                      {' '}
                      · {a.connection.kind === 'dicomweb' ? 'DICOMweb' : 'DIMSE'}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => edit(null)}>
            Add an archive
          </button>
        </nav>
        <form className="panel form-stack" onSubmit={(e) => void save(e)} aria-label="Archive settings">
          <h2>{draft.id === undefined ? 'New archive' : `Edit “${draft.name}”`}</h2>
          <ConnectionFields draft={draft} onChange={setDraft} />
          {message && (
            <p role="status" className={message.ok ? 'pacs-answer ok' : 'pacs-answer failed'}>
              {message.ok ? '✓ ' : '✗ '}
              {message.text}
            </p>
          )}
          <div className="button-row">
            <button type="button" onClick={() => void test()} disabled={busy !== null}>
              {busy === 'test' ? 'Testing…' : 'Test connection'}
            </button>
            <button type="submit" className="button-primary" disabled={busy !== null}>
              Save
            </button>
            {draft.id !== undefined && (
              <button type="button" className="button-danger" onClick={() => void remove()}>
                Delete
              </button>
            )}
          </div>
        </form>
      </div>
    </section>
  );
}
